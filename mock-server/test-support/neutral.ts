/**
 * Protocol-neutral helpers for the mock server's colocated tests (`mock-server/**\/*.test.ts`):
 * placeholders, SSE reading with the project's one parser, canonical requests. A protocol's own
 * helpers live next to this file (`test-support/<protocol>.ts`). Not part of the public surface.
 */
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { parseRawFrames } from '../../wire/sse-parse.ts';
import type { Capture } from '../../fixtures/captures/read-captures.ts';
import type { CanonicalRequest } from '../core/canonical.ts';

/** A key that looks real; the mock accepts any non-empty key unless `apiKeys` is set. */
export const TEST_API_KEY = 'sk-ant-api03-test-key-0000000000';
/** A model every protocol of the mock serves (catalog models answer on every protocol). */
export const MODEL = 'claude-sonnet-4-6';
/** Placeholder origin of in-process requests (never resolved: `fetch` is called directly). */
export const ORIGIN = 'http://mock.test';

/** Header overrides: a string sets the header, `null` removes it. */
export type HeaderOverrides = Readonly<Record<string, string | null>>;

/** `base` with `overrides` applied. */
export function headersWith(base: Readonly<Record<string, string>>, overrides: HeaderOverrides): Headers {
  const headers = new Headers(base);
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}

/** An input schema with a required field, an enum and no extra properties (tool tests of every protocol). */
export const WEATHER_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string', minLength: 2 }, unit: { enum: ['celsius', 'fahrenheit'] } },
  required: ['city', 'unit'],
  additionalProperties: false,
} as const;

/** One parsed SSE frame. */
export interface SseEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/**
 * Splits an SSE body the mock wrote into frames, with the project's one SSE parser
 * (`wire/sse-parse.ts`), and asserts the mock's own framing: every frame ends with a blank line,
 * carries only SSE fields and has data.
 */
export function parseSse(text: string): SseEvent[] {
  expect(text.endsWith('\n\n'), 'the stream ends with a blank line').toBe(true);
  const { frames, trailing } = parseRawFrames(text);
  expect(trailing).toBe('');
  return frames.map((frame) => {
    if (frame.strayLines.length > 0 || frame.data === undefined) throw new Error(`unexpected SSE frame: ${JSON.stringify(frame.raw)}`);
    return { event: frame.event, data: frame.data };
  });
}

/** The JSON data of every frame of an SSE body. */
export function sseData(text: string): Record<string, unknown>[] {
  return parseSse(text).map((e) => JSON.parse(e.data) as Record<string, unknown>);
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
