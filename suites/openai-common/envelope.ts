import { OPENAI_COMMON_SCHEMA_IDS } from '../../specs/openai-common/index.ts';
import { expectSchema, fail, preview } from '../harness/assert.ts';
import { expectNoForeignEnvelope, foreignEnvelope } from '../harness/error-envelopes.ts';
import { type RawExchange, jsonObject } from '../harness/http.ts';
import { expectMediaType, expectStatus } from '../harness/replies.ts';

/**
 * OpenAI's error envelope, the same on Chat Completions and Responses routes:
 * `{error: {message, type, param, code}}` (all four present, `param` and `code` possibly null),
 * served as JSON, and the other vendors' envelopes targets send instead.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */

/** Whether a body is another vendor's error envelope (Anthropic's, Google's): the usual mix-up. */
export function isForeignErrorEnvelope(body: unknown): boolean {
  return foreignEnvelope(body, 'openai') !== undefined;
}

/** The `error` object of a body, if any. */
export function openaiErrorOf(exchange: RawExchange): Record<string, unknown> | undefined {
  return jsonObject(jsonObject(exchange.json)?.error);
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
  const actual = openaiErrorOf(exchange)?.code;
  if (code !== undefined && actual !== code) {
    fail(`${what}: error.code is ${preview(actual)}, expected ${preview(code)}`, { expected: preview(code), actual: preview(actual), exchange: exchange.record });
  }
}
