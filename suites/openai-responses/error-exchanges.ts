import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import type { RawExchange } from '../harness/http.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { postResponses } from './client.ts';
import { expectEnvelope, isAnthropicErrorEnvelope } from './envelope.ts';
import { basicBody } from './requests.ts';

/**
 * The shared exchanges of the error checks: the bad request whose envelope the others build on,
 * and the target's error convention.
 */

const p = (name: string) => `openai-responses/${name}`;

/** A body whose `input` is a number (the API: "Invalid type for 'input'"). */
export function invalidInputBody(target: ResolvedTarget) {
  return { ...basicBody(target), input: 42 };
}

/** The answer to the invalid body, as it came. */
const rawBadRequest = defineExchange({
  id: p('error:invalid-input:raw'),
  owner: p('errors/bad-request-envelope'),
  description: 'POST /v1/responses with a number as input',
  make: ({ target }) => postResponses(target, invalidInputBody(target)),
});

/** The 400 to the invalid body. */
export const badRequest = defineExchange({
  id: p('error:invalid-input'),
  owner: p('errors/bad-request-envelope'),
  description: 'the 400 to a body whose input is a number',
  make: async ({ use }) => {
    const exchange = await use(rawBadRequest);
    expectEnvelope(exchange, 400, 'a body whose input is a number');
    return exchange;
  },
});

/**
 * The envelope convention of the target's errors: a target that answers every error in
 * Anthropic's envelope has one bug, reported once by errors/bad-request-envelope; the other error
 * checks that meet the same envelope are blocked by it.
 */
const errorConvention = defineExchange({
  id: p('error:convention'),
  owner: p('errors/bad-request-envelope'),
  description: "the envelope of the target's errors",
  make: async ({ use }) => {
    const exchange = await use(rawBadRequest);
    if (isAnthropicErrorEnvelope(exchange.json)) expectEnvelope(exchange, exchange.status, 'a body whose input is a number');
  },
});

/**
 * {@link expectEnvelope} for an error exchange other than the bad-request one: an Anthropic-shaped
 * body is first attributed to the target's error convention (blocked when that is the cause).
 */
export async function expectErrorReply(use: <T>(e: SharedExchange<T>) => Promise<T>, exchange: RawExchange, status: number, what: string): Promise<void> {
  if (isAnthropicErrorEnvelope(exchange.json)) await use(errorConvention);
  expectEnvelope(exchange, status, what);
}

/** The error exchanges, for the suite's list. */
export const errorExchanges: readonly SharedExchange<unknown>[] = [rawBadRequest, badRequest, errorConvention];
