/**
 * Small helpers shared by the mock server's colocated tests (`mock-server/**\/*.test.ts`).
 * Not a test file and not part of the public surface.
 */
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { ANTHROPIC_SCHEMA_IDS, anthropicStreamGrammar } from '../specs/anthropic-messages/index.ts';
import { checkStreamGrammar, specRegistry } from '../specs/index.ts';
import type { Capture } from '../fixtures/captures/read-captures.ts';
import type { CanonicalRequest } from './core/canonical.ts';

/** A key that looks real; the mock accepts any non-empty key unless `apiKeys` is set. */
export const TEST_API_KEY = 'sk-ant-api03-test-key-0000000000';
export const ANTHROPIC_VERSION = '2023-06-01';
export const MODEL = 'claude-sonnet-4-6';
/** Placeholder origin of in-process requests (never resolved: `fetch` is called directly). */
export const ORIGIN = 'http://mock.test';

export const ANTHROPIC_HEADERS: Readonly<Record<string, string>> = {
  'x-api-key': TEST_API_KEY,
  'anthropic-version': ANTHROPIC_VERSION,
  'content-type': 'application/json',
};

/** Header overrides: a string sets the header, `null` removes it. */
export type HeaderOverrides = Readonly<Record<string, string | null>>;

function headersWith(overrides: HeaderOverrides): Headers {
  const headers = new Headers(ANTHROPIC_HEADERS);
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}

/** A POST to the Anthropic API: an object body is serialised, a string is sent as is. */
export function anthropicRequest(body: unknown, headers: HeaderOverrides = {}, path = '/v1/messages'): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: headersWith(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A body-less request (GET by default) with the Anthropic headers. */
export function anthropicGet(path: string, headers: HeaderOverrides = {}, method = 'GET'): Request {
  const h = headersWith(headers);
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

export const WEATHER_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string', minLength: 2 }, unit: { enum: ['celsius', 'fahrenheit'] } },
  required: ['city', 'unit'],
  additionalProperties: false,
} as const;

/** Validates a value against one Anthropic schema; `[]` when valid. */
export function validateAnthropic(schema: keyof typeof ANTHROPIC_SCHEMA_IDS, value: unknown) {
  return specRegistry().validate(ANTHROPIC_SCHEMA_IDS[schema], value);
}

/**
 * Asserts an exact Anthropic error: status, envelope `{type:"error",error:{type,message},request_id}`
 * (nothing else; `error.details` only with `options.details`), `request_id` equal to the `request-id` header, and the error-response schema.
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

/** One parsed SSE frame. */
export interface SseEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/** Splits an SSE body into frames (the mock writes `\n` line ends and one `data:` line per frame). */
export function parseSse(text: string): SseEvent[] {
  expect(text.endsWith('\n\n'), 'the stream ends with a blank line').toBe(true);
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      let event: string | undefined;
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice('event: '.length);
        else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
        else throw new Error(`unexpected SSE line: ${JSON.stringify(line)}`);
      }
      return { event, data: data.join('\n') };
    });
}

/** The JSON data of every frame of an SSE body. */
export function sseData(text: string): Record<string, unknown>[] {
  return parseSse(text).map((e) => JSON.parse(e.data) as Record<string, unknown>);
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

/**
 * A loopback port nothing listens on (bound, then released): a request that escapes interception
 * is refused there. Port 1 would be simpler, but fetch refuses it as a "bad port" before msw sees it.
 */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A canonical request for reply-engine tests: one user turn, no tools, no limits. */
export function canonicalRequest(overrides: Partial<CanonicalRequest> = {}): CanonicalRequest {
  return {
    model: MODEL,
    system: [],
    messages: [{ role: 'user', parts: [{ kind: 'text', text: 'The quick brown fox jumps over the lazy dog.' }] }],
    tools: [],
    toolChoice: { mode: 'auto', parallel: true },
    maxOutputTokens: undefined,
    stopSequences: [],
    thinking: { mode: 'off', display: 'summarized' },
    output: { kind: 'text' },
    stream: false,
    ...overrides,
  };
}

// Set by the HTTP stack, not by the client: a replay through `fetch` must not copy them.
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * A captured request (`fixtures/captures/`) as a WHATWG Request with its exact body, the redacted
 * credential replaced by a real-looking key (`x-api-key`, `x-goog-api-key`, or Bearer).
 */
export function replayCapture(capture: Capture, key = TEST_API_KEY): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(capture.headers)) {
    if (HOP_BY_HOP.has(name)) continue;
    headers.set(name, name === 'authorization' ? `Bearer ${key}` : name === 'x-api-key' || name === 'x-goog-api-key' ? key : value);
  }
  const query = new URLSearchParams(capture.query).toString();
  return new Request(`${ORIGIN}${capture.path}${query ? `?${query}` : ''}`, { method: capture.method, headers, body: capture.bodyText });
}
