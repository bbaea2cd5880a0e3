import { defineErrorConvention } from '../harness/error-convention.ts';
import type { UseExchange } from '../harness/exchange.ts';
import type { RawExchange } from '../harness/http.ts';
import { postMethod } from './client.ts';
import { type ExpectedError, expectGoogleError, isForeignErrorEnvelope, oneError } from './envelope.ts';
import { invalidBody } from './requests.ts';


/**
 * The error convention of the Gemini suite: the 400 INVALID_ARGUMENT to a content without parts,
 * in Google's envelope, is its root (errors/bad-request-envelope); a target that answers every
 * error in another vendor's envelope has one bug, reported once there, and the other error checks
 * that meet the same envelope are blocked by it. `detail` is the google.rpc status name.
 */
const convention = defineErrorConvention<string>({
  id: 'gemini/error:bad-request',
  owner: 'gemini/errors/bad-request-envelope',
  description: 'POST :generateContent with a content without parts',
  subject: 'a content without parts',
  status: 400,
  detail: 'INVALID_ARGUMENT',
  send: (target) => postMethod(target, 'generateContent', invalidBody()),
  expectEnvelope: (exchange, status, what, rpc = 'INVALID_ARGUMENT') => expectGoogleError(exchange, oneError(status, rpc), what),
  isForeign: isForeignErrorEnvelope,
});

/** The 400 INVALID_ARGUMENT to a content without parts, in Google's envelope. */
export const badRequest = convention.badRequest;

/**
 * {@link expectGoogleError} for an error exchange other than the bad-request one: another vendor's
 * envelope is first attributed to the target's error convention (blocked when that is the cause).
 */
export async function expectErrorReply(use: UseExchange, exchange: RawExchange, expected: ExpectedError, what: string): Promise<void> {
  await convention.attribute(use, exchange);
  expectGoogleError(exchange, expected, what);
}

export const errorExchanges = convention.exchanges;
