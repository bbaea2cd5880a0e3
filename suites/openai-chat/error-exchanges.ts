import { defineErrorConvention } from '../harness/error-convention.ts';
import { postChat } from './client.ts';
import { expectOpenAiError, isForeignErrorEnvelope } from '../openai-common/envelope.ts';
import { basicBody } from './requests.ts';

/** A request without the required `messages`. */
export function missingMessages(model: string) {
  const { messages: _omitted, ...body } = basicBody(model);
  return body;
}

/**
 * The error convention of the Chat suite: the 400 to a body without messages is its root
 * (errors/bad-request-envelope); other error checks meeting another vendor's envelope (Anthropic's,
 * Gemini's) are blocked by it, so a target that answers every error so has one failure. `detail`
 * is the `error.code` an envelope must carry, when given.
 */
const convention = defineErrorConvention<string>({
  id: 'openai-chat/error:missing-messages',
  owner: 'openai-chat/errors/bad-request-envelope',
  description: 'POST /v1/chat/completions without messages',
  status: 400,
  send: (target) => postChat(target, missingMessages(target.model)),
  expectEnvelope: (exchange, status, what, code) => expectOpenAiError(exchange, status, what, code),
  isForeign: isForeignErrorEnvelope,
});

/** The 400 to a body without messages: its `param` is judged only once the envelope is right. */
export const badRequest = convention.badRequest;

/** {@link expectOpenAiError} for error exchanges other than the bad request (foreign envelopes go to the convention root). */
export const expectErrorReply = convention.expectErrorReply;

/** The error exchanges, for the suite's list. */
export const errorExchanges = convention.exchanges;
