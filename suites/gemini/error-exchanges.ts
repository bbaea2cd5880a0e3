import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import type { RawExchange } from '../harness/http.ts';
import { postMethod } from './client.ts';
import { type ExpectedError, expectGoogleError, isForeignErrorEnvelope, oneError } from './envelope.ts';
import { invalidBody } from './requests.ts';

/**
 * The shared exchanges of the error checks: the bad request whose envelope the others build on,
 * and the target's error convention (a target that answers every error in another vendor's
 * envelope has one bug, reported once).
 */

const p = (name: string) => `gemini/${name}`;
type Use = <T>(e: SharedExchange<T>) => Promise<T>;

/** The answer to a content without parts, as it came. */
const rawBadRequest = defineExchange({
  id: p('error:bad-request:raw'),
  owner: p('errors/bad-request-envelope'),
  description: 'POST :generateContent with a content without parts',
  make: ({ target }) => postMethod(target, 'generateContent', invalidBody()),
});

/** The 400 INVALID_ARGUMENT to a content without parts, in Google's envelope. */
export const badRequest = defineExchange({
  id: p('error:bad-request'),
  owner: p('errors/bad-request-envelope'),
  description: 'the 400 to a content without parts',
  make: async ({ use }) => {
    const exchange = await use(rawBadRequest);
    expectGoogleError(exchange, oneError(400, 'INVALID_ARGUMENT'), 'a content without parts');
    return exchange;
  },
});

/** The envelope convention of the target's errors: judged once, on the bad request. */
const errorConvention = defineExchange({
  id: p('error:convention'),
  owner: p('errors/bad-request-envelope'),
  description: "the envelope of the target's errors",
  make: async ({ use }) => {
    const exchange = await use(rawBadRequest);
    if (isForeignErrorEnvelope(exchange.json)) expectGoogleError(exchange, { statuses: { [exchange.status]: 'INVALID_ARGUMENT' } }, 'a content without parts');
  },
});

/**
 * {@link expectGoogleError} for an error exchange other than the bad-request one: another vendor's
 * envelope is first attributed to the target's error convention (blocked when that is the cause).
 */
export async function expectErrorReply(use: Use, exchange: RawExchange, expected: ExpectedError, what: string): Promise<void> {
  if (isForeignErrorEnvelope(exchange.json)) await use(errorConvention);
  expectGoogleError(exchange, expected, what);
}

export const errorExchanges: readonly SharedExchange<unknown>[] = [rawBadRequest, badRequest, errorConvention];
