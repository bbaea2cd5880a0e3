import { ANTHROPIC_SCHEMA_IDS } from '../../specs/anthropic-messages/index.ts';
import { expectSchema, fail, preview } from '../harness/assert.ts';
import { expectNoForeignEnvelope, foreignEnvelope } from '../harness/error-envelopes.ts';
import { type RawExchange, jsonObject } from '../harness/http.ts';
import { describeReply, expectMediaType, expectStatus } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';

/**
 * Anthropic's error envelope: `{type: "error", error: {type, message}, request_id}`, and the
 * ways targets get it wrong.
 *
 * @see https://docs.claude.com/en/api/errors
 */

/** `error.type` of an error body, if any. */
export function errorType(exchange: RawExchange): unknown {
  return jsonObject(jsonObject(exchange.json)?.error)?.type;
}

/** Whether a body is another vendor's error envelope (OpenAI's, Google's): the usual mix-up. */
export function isForeignErrorEnvelope(body: unknown): boolean {
  return foreignEnvelope(body, 'anthropic') !== undefined;
}

/**
 * Fails unless the exchange is `status` with an Anthropic error envelope of `type`, served as
 * JSON. Another vendor's envelope is named as such (not reported as "type: Field required").
 */
export function expectEnvelope(exchange: RawExchange, status: number, type: string, what: string): void {
  expectStatus(exchange, status, what);
  expectNoForeignEnvelope(exchange, 'anthropic', what, `{"type":"error","error":{"type":"${type}","message":…}}`);
  expectMediaType(exchange, 'application/json', `${what}: the error`);
  expectSchema(ANTHROPIC_SCHEMA_IDS.errorResponse, exchange.json, `${what}: the error body`, { exchange: exchange.record });
  const actual = errorType(exchange);
  if (actual !== type) fail(`${what}: error.type is ${preview(actual)}, expected ${preview(type)}`, { expected: type, actual: preview(actual), exchange: exchange.record });
}

/**
 * A clean Anthropic 400 (`{type: "error"}`) to a request that uses an optional capability
 * (images, extended thinking) means the target does not offer it: the checks about it skip.
 */
export function requireCapabilityAccepted(exchange: RawExchange, capability: string): void {
  const clean400 = exchange.status === 400 && jsonObject(exchange.json)?.type === 'error';
  requireCapability(!clean400, `the target does not ${capability}: ${describeReply(exchange)}`);
}
