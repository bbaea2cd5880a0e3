import { OPENAI_COMMON_SCHEMA_IDS } from '../../specs/openai-common/index.ts';
import { expect, expectSchema } from '../harness/assert.ts';
import { expectNoForeignEnvelope, foreignEnvelope } from '../harness/error-envelopes.ts';
import { type RawExchange, jsonObject } from '../harness/http.ts';
import { describeReply, expectMediaType, expectStatus } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';

/**
 * OpenAI's error envelope, `{"error": {"message", "type", "param", "code"}}` (all four present,
 * `param` and `code` may be null), and the ways targets get it wrong.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */

/** The `error` object of a body, if any. */
export function errorOf(exchange: RawExchange): Record<string, unknown> | undefined {
  return jsonObject(jsonObject(exchange.json)?.error);
}

/** Whether a body is another vendor's error envelope (Anthropic's, Google's): the usual mix-up. */
export function isForeignErrorEnvelope(body: unknown): boolean {
  return foreignEnvelope(body, 'openai') !== undefined;
}

/**
 * Fails unless the exchange is `status` with an OpenAI error envelope, served as JSON. Another
 * vendor's envelope is named as such (not reported as a list of missing fields).
 */
export function expectEnvelope(exchange: RawExchange, status: number, what: string): void {
  expectStatus(exchange, status, what);
  expectNoForeignEnvelope(exchange, 'openai', what, '{"error":{"message":…,"type":…,"param":…,"code":…}}');
  expectMediaType(exchange, 'application/json', `${what}: the error`);
  expectSchema(OPENAI_COMMON_SCHEMA_IDS.errorResponse, exchange.json, `${what}: the error body`, { exchange: exchange.record });
}

/**
 * A clean 400 in OpenAI's envelope to a request that uses an optional capability (images,
 * reasoning, structured output, background mode) means the target does not offer it: the checks
 * about it skip.
 */
export function requireCapabilityAccepted(exchange: RawExchange, capability: string): void {
  const clean400 = exchange.status === 400 && typeof errorOf(exchange)?.message === 'string';
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
