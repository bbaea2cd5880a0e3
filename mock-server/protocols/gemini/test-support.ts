/**
 * Helpers shared by the Gemini adapter's colocated tests. Not a test file and not part of the
 * public surface.
 */
import { expect } from 'vitest';
import { GEMINI_SCHEMA_IDS, type GeminiSchemaName, geminiChunkType, geminiStreamGrammar } from '../../../specs/gemini/index.ts';
import { checkStreamGrammar, specRegistry } from '../../../specs/index.ts';
import { ORIGIN } from '../../test-support.ts';

/** A key that looks like a Gemini API key; the mock accepts any non-empty key unless `apiKeys` is set. */
export const GEMINI_KEY = 'AIzaSyTest-Key-000000000000000000000';
export const GEMINI_MODEL = 'gemini-2.5-flash';
export const PROMPT = 'Hello there, this is the Gemini mock speaking.';

/** A POST to a Gemini method (`generateContent`, …) with the key in `x-goog-api-key`; `null` headers are removed. */
export function geminiPost(method: string, body: unknown, options: { model?: string; version?: string; query?: string; headers?: Record<string, string | null> } = {}): Request {
  const headers = new Headers({ 'x-goog-api-key': GEMINI_KEY, 'content-type': 'application/json' });
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const path = `/${options.version ?? 'v1beta'}/models/${options.model ?? GEMINI_MODEL}:${method}${options.query ? `?${options.query}` : ''}`;
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** A GET with the key in `x-goog-api-key` (or none, with `key: null`). */
export function geminiGet(path: string, key: string | null = GEMINI_KEY): Request {
  return new Request(`${ORIGIN}${path}`, { headers: key === null ? {} : { 'x-goog-api-key': key } });
}

/** A one-turn GenerateContentRequest asking the mock to echo `text`. */
export function textBody(text = PROMPT, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { contents: [{ role: 'user', parts: [{ text }] }], ...extra };
}

export const WEATHER_DECLARATION = {
  name: 'get_weather',
  description: 'Get the weather for a city',
  parametersJsonSchema: {
    type: 'object',
    properties: { city: { type: 'string', minLength: 2 }, unit: { enum: ['celsius', 'fahrenheit'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
} as const;

/** Validates a value against one Gemini schema; `[]` when valid. */
export function validateGemini(schema: GeminiSchemaName, value: unknown) {
  return specRegistry().validate(GEMINI_SCHEMA_IDS[schema], value);
}

/**
 * The JSON data of every frame of a Gemini SSE body, checking the exact framing on the way:
 * `data: <json>\r\n\r\n` per frame, no `event:` line, no `[DONE]`.
 */
export function sseChunks(text: string): Record<string, unknown>[] {
  expect(text.endsWith('\r\n\r\n'), 'the stream ends with a CRLF blank line').toBe(true);
  return text
    .slice(0, -4)
    .split('\r\n\r\n')
    .map((frame) => {
      expect(frame.startsWith('data: ') && !frame.includes('\n'), `one data line per frame: ${frame.slice(0, 80)}`).toBe(true);
      return JSON.parse(frame.slice('data: '.length)) as Record<string, unknown>;
    });
}

/** Every schema or grammar violation of a list of stream chunks, as messages; `[]` when conformant. */
export function chunkProblems(chunks: readonly unknown[]): string[] {
  const events = chunks.map((data) => ({ type: geminiChunkType(data), data }));
  return [
    ...chunks.flatMap((chunk, i) => validateGemini('generateContentResponse', chunk).map((d) => `chunk ${i}: ${d.message}`)),
    ...checkStreamGrammar(geminiStreamGrammar, events).map((d) => d.message),
  ];
}

/** The text of every part (thoughts apart) of the first candidate of each chunk, joined. */
export function chunkText(chunks: readonly Record<string, unknown>[], thoughts = false): string {
  return chunks
    .flatMap((chunk) => ((chunk.candidates as { content?: { parts?: { text?: string; thought?: boolean }[] } }[] | undefined)?.[0]?.content?.parts ?? []))
    .filter((part) => part.text !== undefined && (part.thought === true) === thoughts)
    .map((part) => part.text)
    .join('');
}

/**
 * Asserts a Google error: status, `application/json; charset=UTF-8`, the envelope
 * `{error:{code,message,status,details?}}` with `code` equal to the HTTP status, and its schema.
 */
export async function expectGoogleError(res: Response, status: number, rpc: string, message: string | RegExp): Promise<{ error: Record<string, unknown> }> {
  const text = await res.text();
  expect({ status: res.status, contentType: res.headers.get('content-type') }, text).toEqual({ status, contentType: 'application/json; charset=UTF-8' });
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code: status, status: rpc });
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
  expect(validateGemini('errorResponse', body)).toEqual([]);
  return body;
}
