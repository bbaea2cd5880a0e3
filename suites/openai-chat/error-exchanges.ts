import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import type { RawExchange } from '../harness/http.ts';
import { postChat } from './client.ts';
import { expectOpenAiError, foreignEnvelope } from './envelope.ts';
import { basicBody } from './requests.ts';

/**
 * The shared exchanges of the error checks: the bad request whose envelope the others build on,
 * and the target's error convention.
 */

const p = (name: string) => `openai-chat/${name}`;

/** A request without the required `messages`. */
export function missingMessages(model: string) {
  const { messages: _omitted, ...body } = basicBody(model);
  return body;
}

/** The answer to a body without messages, as it came. */
const rawBadRequest = defineExchange({
  id: p('error:missing-messages:raw'),
  owner: p('errors/bad-request-envelope'),
  description: 'POST /v1/chat/completions without messages',
  make: ({ target }) => postChat(target, missingMessages(target.model)),
});

/** The 400 to a body without messages: its `param` is judged only once the envelope is right. */
export const badRequest = defineExchange({
  id: p('error:missing-messages'),
  owner: p('errors/bad-request-envelope'),
  description: 'the 400 to a body without messages',
  make: async ({ use }) => {
    const exchange = await use(rawBadRequest);
    expectOpenAiError(exchange, 400, 'a body without messages');
    return exchange;
  },
});

/**
 * The envelope convention of the target's errors: a target that answers every error in another
 * vendor's envelope (Anthropic's, Gemini's) has one bug, reported once by
 * errors/bad-request-envelope; the other error checks that meet the same envelope are blocked by it.
 */
const errorConvention = defineExchange({
  id: p('error:convention'),
  owner: p('errors/bad-request-envelope'),
  description: "the envelope of the target's errors",
  make: async ({ use }) => {
    const exchange = await use(rawBadRequest);
    if (foreignEnvelope(exchange.json)) expectOpenAiError(exchange, exchange.status, 'a body without messages');
  },
});

/**
 * {@link expectOpenAiError} for an error exchange other than the bad-request one: a foreign
 * envelope is first attributed to the target's error convention (blocked when that is the cause).
 */
export async function expectErrorReply(use: <T>(e: SharedExchange<T>) => Promise<T>, exchange: RawExchange, status: number, what: string, code?: string): Promise<void> {
  if (foreignEnvelope(exchange.json)) await use(errorConvention);
  expectOpenAiError(exchange, status, what, code);
}

/** The error exchanges, for the suite's list. */
export const errorExchanges: readonly SharedExchange<unknown>[] = [rawBadRequest, badRequest, errorConvention];
