/**
 * Helpers shared by the OpenAI protocols' colocated tests (Chat Completions now, Responses later).
 * Not a test file and not part of the public surface.
 */
import { expect } from 'vitest';
import { OPENAI_COMMON_SCHEMA_IDS } from '../../../specs/openai-common/index.ts';
import { specRegistry } from '../../../specs/index.ts';
import { ORIGIN } from '../../test-support.ts';

/** A key that looks like an OpenAI project key; the mock accepts any non-empty key unless `apiKeys` is set. */
export const OPENAI_TEST_KEY = 'sk-proj-test-key-0000000000';

/** Header overrides: a string sets the header, `null` removes it. */
export type OpenAIHeaderOverrides = Readonly<Record<string, string | null>>;

function openaiHeaders(overrides: OpenAIHeaderOverrides, json: boolean): Headers {
  const headers = new Headers({ authorization: `Bearer ${OPENAI_TEST_KEY}`, ...(json ? { 'content-type': 'application/json' } : {}) });
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}

/** A POST as an OpenAI client sends it: an object body is serialised, a string is sent as is. */
export function openaiRequest(path: string, body: unknown, headers: OpenAIHeaderOverrides = {}): Request {
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: openaiHeaders(headers, true), body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** A body-less request (GET by default) with a Bearer key. */
export function openaiGet(path: string, headers: OpenAIHeaderOverrides = {}, method = 'GET'): Request {
  return new Request(`${ORIGIN}${path}`, { method, headers: openaiHeaders(headers, false) });
}

/** What an OpenAI error must say; `message` may be a pattern. */
export interface ExpectedOpenAIError {
  readonly type?: string;
  readonly code?: string | null;
  readonly param?: string | null;
  readonly message?: string | RegExp;
}

/**
 * Asserts an OpenAI error: status, JSON content type, the `x-request-id` header, the envelope
 * `{error: {message, type, param, code}}` (all four, nothing else) valid against the shared schema,
 * and each expected field. Returns the `error` object.
 */
export async function expectOpenAIError(res: Response, status: number, expected: ExpectedOpenAIError = {}): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect({ status: res.status, contentType: res.headers.get('content-type') }, text).toEqual({ status, contentType: 'application/json' });
  expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(specRegistry().validate(OPENAI_COMMON_SCHEMA_IDS.errorResponse, body)).toEqual([]);
  const { message, ...fields } = expected;
  expect(body.error).toMatchObject(fields);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else if (message) expect(body.error.message).toMatch(message);
  return body.error;
}
