import { defineErrorConvention } from '../harness/error-convention.ts';
import { defineExchange, type SharedExchange, type UseExchange } from '../harness/exchange.ts';
import { type RawExchange, rawExchange } from '../harness/http.ts';
import { okJson } from '../harness/replies.ts';
import { anthropicHeaders, postMessages } from './client.ts';
import { expectEnvelope, isForeignErrorEnvelope } from './envelope.ts';
import { basicBody } from './requests.ts';

/**
 * The shared exchanges of the error checks: the bad request whose envelope the others build on,
 * the target's error convention, and the request without anthropic-version.
 */

const p = (name: string) => `anthropic-messages/${name}`;

/** A request without the required max_tokens. */
export function missingMaxTokens(model: string) {
  const { max_tokens: _omitted, ...body } = basicBody(model);
  return body;
}

/**
 * The error convention of the Anthropic suite: the 400 to a body without max_tokens is its root
 * (errors/bad-request-envelope); a target that answers every error in another vendor's envelope
 * has one bug, reported once there, and the other error checks that meet the same envelope are
 * blocked by it. `detail` is the `error.type` an envelope must carry.
 */
const convention = defineErrorConvention<string>({
  id: p('error:missing-max-tokens'),
  owner: p('errors/bad-request-envelope'),
  description: 'POST /v1/messages without max_tokens',
  subject: 'a body without max_tokens',
  status: 400,
  detail: 'invalid_request_error',
  send: (target) => postMessages(target, missingMaxTokens(target.model)),
  expectEnvelope: (exchange, status, what, type = 'invalid_request_error') => expectEnvelope(exchange, status, type, what),
  isForeign: isForeignErrorEnvelope,
});

/** The 400 to a body without max_tokens: its wording and request id are judged only once the envelope is right. */
export const badRequest = convention.badRequest;

/**
 * {@link expectEnvelope} for an error exchange other than the bad-request one: another vendor's
 * envelope is first attributed to the target's error convention (blocked when that is the cause).
 */
export function expectErrorReply(use: UseExchange, exchange: RawExchange, status: number, type: string, what: string): Promise<void> {
  return convention.expectErrorReply(use, exchange, status, what, type);
}

/** A request without anthropic-version: a 400 envelope (strict) or a Message (lenient); never a crash. */
export const noVersion = defineExchange({
  id: p('error:no-version'),
  owner: p('errors/missing-version-handled'),
  description: 'POST /v1/messages without anthropic-version',
  make: async ({ target, use }) => {
    const exchange = await rawExchange(target, { path: '/v1/messages', headers: anthropicHeaders(target, undefined, null), body: basicBody(target.model) });
    if (exchange.status === 200) okJson(exchange, 'a request without anthropic-version');
    else await expectErrorReply(use, exchange, 400, 'invalid_request_error', 'a request without anthropic-version');
    return exchange;
  },
});

/** The error exchanges, for the suite's list. */
export const errorExchanges: readonly SharedExchange<unknown>[] = [...convention.exchanges, noVersion];
