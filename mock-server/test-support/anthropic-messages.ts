/**
 * Anthropic Messages helpers for the mock server's colocated tests: requests with the Anthropic
 * headers, the exact error envelope, stream conformance. Not part of the public surface.
 */
import { expect } from 'vitest';
import { ANTHROPIC_SCHEMA_IDS, ANTHROPIC_VERSION, anthropicStreamGrammar } from '../../specs/anthropic-messages/index.ts';
import { checkStreamGrammar, specRegistry } from '../../specs/index.ts';
import { type HeaderOverrides, headersWith, MODEL, ORIGIN, sseData, TEST_API_KEY } from './neutral.ts';

export { ANTHROPIC_VERSION };

export const ANTHROPIC_HEADERS: Readonly<Record<string, string>> = {
  'x-api-key': TEST_API_KEY,
  'anthropic-version': ANTHROPIC_VERSION,
  'content-type': 'application/json',
};

/** A POST to the Anthropic API: an object body is serialised, a string is sent as is. */
export function anthropicRequest(body: unknown, headers: HeaderOverrides = {}, path = '/v1/messages'): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: headersWith(ANTHROPIC_HEADERS, headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A body-less request (GET by default) with the Anthropic headers. */
export function anthropicGet(path: string, headers: HeaderOverrides = {}, method = 'GET'): Request {
  const h = headersWith(ANTHROPIC_HEADERS, headers);
  h.delete('content-type');
  return new Request(`${ORIGIN}${path}`, { method, headers: h });
}

/** A minimal valid Create Message body asking the mock to echo `text`. */
export function messageBody(text = 'Hello there, mock.', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: text }], ...extra };
}

/** A forced-tool request body with one tool whose input schema is `schema`. */
export function toolBody(schema: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return messageBody('Use the tool.', {
    tools: [{ name: 'get_weather', description: 'Get the weather', input_schema: schema }],
    tool_choice: { type: 'tool', name: 'get_weather' },
    ...extra,
  });
}

/** Validates a value against one Anthropic schema; `[]` when valid. */
export function validateAnthropic(schema: keyof typeof ANTHROPIC_SCHEMA_IDS, value: unknown) {
  return specRegistry().validate(ANTHROPIC_SCHEMA_IDS[schema], value);
}

/**
 * Asserts an exact Anthropic error: status, envelope `{type:"error",error:{type,message},request_id}`
 * (nothing else; `error.details` only with `options.details`), `request_id` equal to the
 * `request-id` header, and the error-response schema.
 */
export async function expectAnthropicError(
  res: Response,
  status: number,
  type: string,
  message: string | RegExp,
  options: { readonly details?: boolean } = {},
): Promise<{ readonly message: string; readonly details?: unknown }> {
  const text = await res.text();
  expect({ status: res.status, contentType: res.headers.get('content-type') }, text).toEqual({ status, contentType: 'application/json' });
  const body = JSON.parse(text) as { error: { message: string; details?: unknown }; request_id: string };
  const requestId = res.headers.get('request-id');
  expect(requestId).toMatch(/^req_011C[0-9A-Za-z]{20}$/);
  const details = options.details ? { details: expect.any(Object) } : {};
  expect(body).toEqual({ type: 'error', error: { type, message: expect.any(String), ...details }, request_id: requestId });
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
  expect(validateAnthropic('errorResponse', body)).toEqual([]);
  return body.error;
}

/** Every schema or grammar violation of an Anthropic SSE body, as messages; `[]` when conformant. */
export function streamProblems(text: string): string[] {
  const events = sseData(text).map((data) => ({ type: String(data.type), data }));
  return [
    ...events.flatMap((e, i) => validateAnthropic('streamEvent', e.data).map((d) => `event ${i} (${e.type}): ${d.message}`)),
    ...checkStreamGrammar(anthropicStreamGrammar, events).map((d) => d.message),
  ];
}

/** The deltas of one kind (`text_delta` → `text`, …) of an Anthropic SSE body, joined. */
export function joinDeltas(text: string, deltaType: string, field: string): string {
  return sseData(text)
    .filter((e) => e.type === 'content_block_delta' && (e.delta as Record<string, unknown>).type === deltaType)
    .map((e) => String((e.delta as Record<string, unknown>)[field]))
    .join('');
}
