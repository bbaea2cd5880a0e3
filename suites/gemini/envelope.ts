import { GEMINI_SCHEMA_IDS } from '../../specs/gemini/schema-ids.ts';
import { expect, expectSchema, preview } from '../harness/assert.ts';
import { expectNoForeignEnvelope, foreignEnvelope } from '../harness/error-envelopes.ts';
import { type RawExchange, jsonObject } from '../harness/http.ts';
import { describeReply, expectMediaType } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';

/**
 * Google's error envelope, `{error: {code, message, status, details?}}`: `code` repeats the HTTP
 * status and `status` is the google.rpc code name. Clients read both: `@google/genai` raises
 * `ApiError` with the HTTP status and the body as its message, the AI SDK and LangChain read
 * `error.status`.
 *
 * @see https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes
 * @see https://cloud.google.com/apis/design/errors#http_mapping
 */

/** What an error answer must be: the statuses allowed and, for each, the rpc code name. */
export interface ExpectedError {
  /** HTTP status → google.rpc status name. */
  readonly statuses: Readonly<Record<number, string>>;
}

/** The usual single expectation. */
export function oneError(status: number, rpc: string): ExpectedError {
  return { statuses: { [status]: rpc } };
}

/** `error` of a Google error body. */
export function googleError(exchange: RawExchange): Record<string, unknown> | undefined {
  return jsonObject(jsonObject(exchange.json)?.error);
}

function render(expected: ExpectedError): string {
  return Object.entries(expected.statuses)
    .map(([status, rpc]) => `HTTP ${status} ${rpc}`)
    .join(' or ');
}

/**
 * Fails unless the exchange is one of the expected statuses with Google's envelope, served as
 * JSON, `code` equal to the HTTP status and `status` the rpc name for it. Another vendor's
 * envelope is named as such (not reported as "status: required").
 */
export function expectGoogleError(exchange: RawExchange, expected: ExpectedError, what: string): void {
  const on = { exchange: exchange.record };
  const rpc = expected.statuses[exchange.status];
  expect(rpc !== undefined, `${what} answered ${describeReply(exchange)}, expected ${render(expected)}`, { ...on, expected: render(expected), actual: describeReply(exchange) });
  expectNoForeignEnvelope(exchange, 'google', what, `{"error":{"code":${exchange.status},"message":…,"status":"${rpc}"}}`);
  expectMediaType(exchange, 'application/json', `${what}: the error`);
  expectSchema(GEMINI_SCHEMA_IDS.errorResponse, exchange.json, `${what}: the error body`, on);
  const error = googleError(exchange)!;
  expect(error.code === exchange.status, `${what}: error.code is ${preview(error.code)}, but the HTTP status is ${exchange.status}`, { ...on, expected: String(exchange.status), actual: preview(error.code) });
  expect(error.status === rpc, `${what}: error.status is ${preview(error.status)}, expected ${preview(rpc)} for HTTP ${exchange.status}`, { ...on, expected: preview(rpc), actual: preview(error.status) });
}

/**
 * A clean Google 400 (INVALID_ARGUMENT) to a request that uses an optional capability
 * (candidateCount, an embedding model) means the target does not offer it: its checks skip. A 404
 * NOT_FOUND about the model counts too (the embedding model is not served).
 */
export function requireCapabilityAccepted(exchange: RawExchange, capability: string): void {
  const error = googleError(exchange);
  const clean = (exchange.status === 400 && error?.status === 'INVALID_ARGUMENT') || (exchange.status === 404 && error?.status === 'NOT_FOUND');
  requireCapability(!clean, `the target does not ${capability}: ${describeReply(exchange)}`);
}

/** Whether a body is another vendor's error envelope (OpenAI's, Anthropic's): the usual mix-up. */
export function isForeignErrorEnvelope(body: unknown): boolean {
  return foreignEnvelope(body, 'google') !== undefined;
}
