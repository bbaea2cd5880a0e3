import { expect } from '../harness/assert.ts';
import type { RawExchange } from '../harness/http.ts';
import { describeReply } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';
import { openaiErrorOf } from '../openai-common/envelope.ts';

/**
 * OpenAI's error envelope on Responses routes: the assertions of `openai-common/envelope.ts`, what
 * a refusal of an optional capability looks like here, and the not-found statuses of the
 * Responses family.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */

/**
 * A clean 400 in OpenAI's envelope to a request that uses an optional capability (images,
 * reasoning, structured output, background mode) means the target does not offer it: the checks
 * about it skip.
 */
export function requireCapabilityAccepted(exchange: RawExchange, capability: string): void {
  const clean400 = exchange.status === 400 && typeof openaiErrorOf(exchange)?.message === 'string';
  requireCapability(!clean400, `the target does not ${capability}: ${describeReply(exchange)}`);
}

/**
 * The status of an answer to a request naming something that does not exist (a model, a previous
 * response): OpenAI answers 404 on some routes and 400 on others (Chat Completions: 404
 * `model_not_found`; the Responses family: 400 "The requested model … does not exist", 400
 * `previous_response_not_found` from the Codex backend), and clients branch on the error's `code`,
 * not the status. Fails on anything else (a 5xx, a 200 that silently used something else).
 */
export function notFoundStatus(exchange: RawExchange, what: string): 400 | 404 {
  const status = exchange.status;
  expect(status === 404 || status === 400, `${what} answered ${describeReply(exchange)}, expected HTTP 404 (or 400) in the OpenAI envelope`, {
    expected: 'HTTP 404 (or 400) {error:{message, type, param, code}}',
    actual: describeReply(exchange),
    exchange: exchange.record,
  });
  return status;
}
