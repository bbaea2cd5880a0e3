import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { type ApiResponse, CHAT_MODEL, expectOpenAIError, REASONING_MODEL, responsesRequest, validateResponses, WEATHER_TOOL } from './test-support.ts';

const mock = createMockServer({ seed: 'responses-input-tokens', validateOutput: 'throw' });

async function count(body: Record<string, unknown>): Promise<number> {
  const res = await mock.fetch(responsesRequest(body, '/v1/responses/input_tokens'));
  const json = (await res.json()) as { object: string; input_tokens: number };
  expect(res.status, JSON.stringify(json)).toBe(200);
  expect(validateResponses('inputTokensResponse', json)).toEqual([]);
  expect(json.object).toBe('response.input_tokens');
  return json.input_tokens;
}

async function billed(body: Record<string, unknown>): Promise<ApiResponse> {
  const res = await mock.fetch(responsesRequest(body));
  expect(res.status).toBe(200);
  return (await res.json()) as ApiResponse;
}

const base = { model: CHAT_MODEL, input: 'How is the weather in Paris today?' };
const CASES: Record<string, Record<string, unknown>> = {
  'a string input': base,
  'instructions': { ...base, instructions: 'You are terse.' },
  'tools': { ...base, tools: [WEATHER_TOOL] },
  'a tool round trip': {
    ...base,
    tools: [WEATHER_TOOL],
    input: [
      { role: 'user', content: 'weather?' },
      { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
    ],
  },
  'an image': { ...base, input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'https://example.com/a.png' }, { type: 'input_text', text: 'what is this?' }] }] },
  'a reasoning model': { ...base, model: REASONING_MODEL, reasoning: { effort: 'low' } },
};

describe('POST /v1/responses/input_tokens', () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(`equals usage.input_tokens of the same request: ${name}`, async () => {
      const counted = await count(body);
      expect(counted).toBeGreaterThan(0);
      expect(counted).toBe((await billed(body)).usage!.input_tokens);
    });
  }

  it('counts what previous_response_id inherits, like the continued response is billed', async () => {
    const first = await billed({ model: CHAT_MODEL, input: 'First turn.' });
    const next = { model: CHAT_MODEL, input: 'Second turn.', previous_response_id: first.id };
    expect(await count(next)).toBe((await billed(next)).usage!.input_tokens);
    expect(await count(next)).toBeGreaterThan(await count({ model: CHAT_MODEL, input: 'Second turn.' }));
  });

  it('counts instructions and tools, needs no model, and takes no max_output_tokens or stream', async () => {
    const plain = await count(base);
    expect(await count(CASES.instructions!)).toBeGreaterThan(plain);
    expect(await count(CASES.tools!)).toBeGreaterThan(plain);
    expect(await count({ input: base.input })).toBe(plain);
    await expectOpenAIError(await mock.fetch(responsesRequest({ ...base, max_output_tokens: 100 }, '/v1/responses/input_tokens')), {
      status: 400,
      code: 'unknown_parameter',
      param: 'max_output_tokens',
      message: 'Unrecognized request argument supplied: max_output_tokens',
    });
  });

  it('answers 404 for an unknown model or previous response, as Create Response does', async () => {
    await expectOpenAIError(await mock.fetch(responsesRequest({ ...base, model: 'nope' }, '/v1/responses/input_tokens')), { status: 404, code: 'model_not_found', message: /`nope`/ });
    await expectOpenAIError(await mock.fetch(responsesRequest({ ...base, previous_response_id: 'resp_nope' }, '/v1/responses/input_tokens')), {
      status: 404,
      code: 'previous_response_not_found',
      message: "Previous response with id 'resp_nope' not found.",
    });
  });
});
