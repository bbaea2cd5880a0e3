import { OPENAI_COMMON_SCHEMA_IDS } from '../../specs/openai-common/index.ts';
import { expectSchema, fail, preview } from '../harness/assert.ts';
import { expectNoForeignEnvelope, foreignEnvelope } from '../harness/error-envelopes.ts';
import { type RawExchange, jsonObject } from '../harness/http.ts';
import { describeReply, expectMediaType, expectStatus } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';

/**
 * OpenAI's error envelope: `{error: {message, type, param, code}}` (all four present, `param` and
 * `code` possibly null), served as JSON, and the other vendors' envelopes targets send instead.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */

/** Whether a body is another vendor's error envelope (Anthropic's, Google's): the usual mix-up. */
export function isForeignErrorEnvelope(body: unknown): boolean {
  return foreignEnvelope(body, 'openai') !== undefined;
}

/** `error.code` of an error body, if any. */
export function errorCode(exchange: RawExchange): unknown {
  return jsonObject(jsonObject(exchange.json)?.error)?.code;
}

/**
 * Fails unless the exchange is `status` with an OpenAI error envelope served as JSON (and, when
 * given, `error.code` equal to `code`). Another vendor's envelope is named as such, not reported as
 * a list of missing fields.
 */
export function expectOpenAiError(exchange: RawExchange, status: number, what: string, code?: string): void {
  expectStatus(exchange, status, what);
  expectNoForeignEnvelope(exchange, 'openai', what, '{"error":{"message":…,"type":…,"param":…,"code":…}}');
  expectMediaType(exchange, 'application/json', `${what}: the error`);
  expectSchema(OPENAI_COMMON_SCHEMA_IDS.errorResponse, exchange.json, `${what}: the error body`, { exchange: exchange.record });
  if (code !== undefined && errorCode(exchange) !== code) {
    fail(`${what}: error.code is ${preview(errorCode(exchange))}, expected ${preview(code)}`, { expected: preview(code), actual: preview(errorCode(exchange)), exchange: exchange.record });
  }
}

/**
 * A clean refusal (HTTP 400, or 422 as some OpenAI-compatible servers answer, with a JSON error
 * body) to a request that uses an optional capability (images, `n`, logprobs, a `dimensions`
 * value) means the target does not offer it: the checks about it skip.
 */
export function requireCapabilityAccepted(exchange: RawExchange, capability: string): void {
  const refused = (exchange.status === 400 || exchange.status === 422) && jsonObject(exchange.json)?.error !== undefined;
  requireCapability(!refused, `the target does not ${capability}: ${describeReply(exchange)}`);
}
