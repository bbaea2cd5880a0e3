import { defineErrorConvention } from '../harness/error-convention.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { postResponses } from './client.ts';
import { expectOpenAiError, isForeignErrorEnvelope } from '../openai-common/envelope.ts';
import { basicBody } from './requests.ts';

/** A body whose `input` is a number (the API: "Invalid type for 'input'"). */
export function invalidInputBody(target: ResolvedTarget) {
  return { ...basicBody(target), input: 42 };
}

/**
 * The bad request whose envelope the other error checks build on, and the target's error
 * convention: a target answering every error in another vendor's envelope is one failure
 * (errors/bad-request-envelope), the other error checks that meet it are blocked.
 */
const convention = defineErrorConvention({
  id: 'openai-responses/error:invalid-input',
  owner: 'openai-responses/errors/bad-request-envelope',
  description: 'POST /v1/responses with a number as input',
  send: (target) => postResponses(target, invalidInputBody(target)),
  status: 400,
  isForeign: isForeignErrorEnvelope,
  expectEnvelope: expectOpenAiError,
});

/** The 400 to the invalid body. */
export const badRequest = convention.badRequest;
/** The OpenAI envelope rule for an error exchange other than the bad-request one. */
export const expectErrorReply = convention.expectErrorReply;
/** The error exchanges, for the suite's list. */
export const errorExchanges = convention.exchanges;
