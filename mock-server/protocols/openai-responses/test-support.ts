/**
 * Helpers shared by the OpenAI Responses adapter's colocated tests. Not a test file and not part
 * of the public surface.
 */
import type OpenAI from 'openai';
import { expect } from 'vitest';
import { OPENAI_COMMON_SCHEMA_IDS } from '../../../specs/openai-common/index.ts';
import { RESPONSES_SCHEMA_IDS, responsesStreamGrammar } from '../../../specs/openai-responses/index.ts';
import { checkStreamGrammar, specRegistry } from '../../../specs/index.ts';
import { ORIGIN, parseSse } from '../../test-support.ts';

/** A key that looks like an OpenAI project key; the mock accepts any non-empty key unless `apiKeys` is set. */
export const OPENAI_TEST_KEY = 'sk-proj-test-key-0000000000000000';
/** A non-reasoning model (no reasoning items unless asked), and a reasoning one. */
export const CHAT_MODEL = 'gpt-4.1';
export const REASONING_MODEL = 'gpt-5';

export const WEATHER_PARAMETERS = {
  type: 'object',
  properties: { city: { type: 'string', minLength: 2 }, unit: { enum: ['celsius', 'fahrenheit'] } },
  required: ['city', 'unit'],
  additionalProperties: false,
} as const;
export const WEATHER_TOOL = { type: 'function', name: 'get_weather', description: 'Get the weather', parameters: WEATHER_PARAMETERS, strict: true } as const;

/** A POST to the Responses API (Bearer auth): an object body is serialised, a string sent as is. */
export function responsesRequest(body: unknown, path = '/v1/responses', headers: Record<string, string | null> = {}): Request {
  const h = new Headers({ authorization: `Bearer ${OPENAI_TEST_KEY}`, 'content-type': 'application/json' });
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) h.delete(name);
    else h.set(name, value);
  }
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: h, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** A body-less request (GET by default) with Bearer auth. */
export function responsesGet(path: string, method = 'GET'): Request {
  return new Request(`${ORIGIN}${path}`, { method, headers: { authorization: `Bearer ${OPENAI_TEST_KEY}` } });
}

/** Validates a value against one Responses schema (or the shared error envelope); `[]` when valid. */
export function validateResponses(schema: keyof typeof RESPONSES_SCHEMA_IDS | 'errorResponse', value: unknown) {
  const id = schema === 'errorResponse' ? OPENAI_COMMON_SCHEMA_IDS.errorResponse : RESPONSES_SCHEMA_IDS[schema];
  return specRegistry().validate(id, value);
}

/** Asserts an exact OpenAI error: status, JSON envelope with all four fields, `x-request-id`, schema. */
export async function expectOpenAIError(
  res: Response,
  expected: { status: number; type?: string; code?: string | null; param?: string | null; message: string | RegExp },
): Promise<void> {
  const text = await res.text();
  expect({ status: res.status, contentType: res.headers.get('content-type') }, text).toEqual({ status: expected.status, contentType: 'application/json' });
  expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  const body = JSON.parse(text) as { error: { message: string; type: string; param: string | null; code: string | null } };
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.type).toBe(expected.type ?? 'invalid_request_error');
  if (expected.code !== undefined) expect(body.error.code).toBe(expected.code);
  if (expected.param !== undefined) expect(body.error.param).toBe(expected.param);
  if (typeof expected.message === 'string') expect(body.error.message).toBe(expected.message);
  else expect(body.error.message).toMatch(expected.message);
  expect(validateResponses('errorResponse', body)).toEqual([]);
}

/** One decoded stream event. */
export interface ResponsesEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** The events of an SSE body, asserting that every `event:` line equals its data's `type`. */
export function streamEvents(text: string): ResponsesEvent[] {
  return parseSse(text).map((frame) => {
    const data = JSON.parse(frame.data) as ResponsesEvent;
    expect(frame.event).toBe(data.type);
    return data;
  });
}

/** Every schema or grammar violation of a Responses SSE body, as messages; `[]` when conformant. */
export function responsesStreamProblems(text: string): string[] {
  const events = streamEvents(text).map((data) => ({ type: data.type, data }));
  return [
    ...events.flatMap((e, i) => validateResponses('streamEvent', e.data).map((d) => `event ${i} (${e.type}): ${d.message}`)),
    ...checkStreamGrammar(responsesStreamGrammar, events).map((d) => d.message),
  ];
}

/** The final Response of a stream (the data of its terminal event). */
export function finalResponse(events: readonly ResponsesEvent[]): Record<string, unknown> {
  const last = events[events.length - 1];
  expect(['response.completed', 'response.incomplete', 'response.failed']).toContain(last?.type);
  return last?.response as Record<string, unknown>;
}

/** The Response as openai-node types it (what tests read from JSON bodies). */
export type ApiResponse = OpenAI.Responses.Response;
type OutputItem = OpenAI.Responses.ResponseOutputItem;

/** The text of an output message item (fails the test for any other item). */
export function messageText(item: OutputItem | undefined): string {
  expect(item?.type).toBe('message');
  const part = (item as OpenAI.Responses.ResponseOutputMessage).content[0];
  expect(part?.type).toBe('output_text');
  return (part as OpenAI.Responses.ResponseOutputText).text;
}

/** An output item that must be a function call. */
export function functionCall(item: OutputItem | undefined): OpenAI.Responses.ResponseFunctionToolCall {
  expect(item?.type).toBe('function_call');
  return item as OpenAI.Responses.ResponseFunctionToolCall;
}

/** The output item types of a response, in order. */
export const itemTypes = (response: { readonly output: readonly { readonly type: string }[] }): string[] => response.output.map((item) => item.type);
