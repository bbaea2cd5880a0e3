import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { anthropicRequest, expectAnthropicError, messageBody, validateAnthropic, WEATHER_SCHEMA } from '../../test-support.ts';

const mock = createMockServer({ seed: 'count-tokens' });
const WEATHER_TOOL = { name: 'get_weather', description: 'Get the weather', input_schema: WEATHER_SCHEMA };

async function count(body: Record<string, unknown>): Promise<number> {
  const res = await mock.fetch(anthropicRequest(body, {}, '/v1/messages/count_tokens'));
  const json = (await res.json()) as { input_tokens: number };
  expect(res.status, JSON.stringify(json)).toBe(200);
  expect(res.headers.get('request-id')).toMatch(/^req_011C/);
  expect(validateAnthropic('countTokensResponse', json)).toEqual([]);
  return json.input_tokens;
}

async function billed(body: Record<string, unknown>): Promise<number> {
  const res = await mock.fetch(anthropicRequest({ ...body, max_tokens: 2000 }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { usage: { input_tokens: number } }).usage.input_tokens;
}

const { max_tokens: _m, ...base } = messageBody('How is the weather in Paris today?');
const CASES: Record<string, Record<string, unknown>> = {
  'one message': base,
  'with a system prompt': { ...base, system: 'You are terse.' },
  'with system blocks': { ...base, system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }] },
  'with tools': { ...base, tools: [WEATHER_TOOL] },
  'with a tool round trip': {
    ...base,
    tools: [WEATHER_TOOL],
    messages: [
      { role: 'user', content: 'weather?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' }] },
    ],
  },
  'with an image': { ...base, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }, { type: 'text', text: 'what is this?' }] }] },
  'with thinking': { ...base, thinking: { type: 'enabled', budget_tokens: 1024 } },
};

describe('POST /v1/messages/count_tokens', () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(`equals usage.input_tokens of the same request: ${name}`, async () => {
      const counted = await count(body);
      expect(counted).toBeGreaterThan(0);
      expect(counted).toBe(await billed(body));
    });
  }

  it('counts the system prompt and the tools', async () => {
    const plain = await count(base);
    expect(await count(CASES['with a system prompt']!)).toBeGreaterThan(plain);
    expect(await count(CASES['with tools']!)).toBeGreaterThan(plain);
  });

  it('refuses max_tokens and stream, which only Create Message takes', async () => {
    const res = await mock.fetch(anthropicRequest({ ...base, max_tokens: 10 }, {}, '/v1/messages/count_tokens'));
    await expectAnthropicError(res, 400, 'invalid_request_error', 'max_tokens: Extra inputs are not permitted');
    const streamed = await mock.fetch(anthropicRequest({ ...base, stream: true }, {}, '/v1/messages/count_tokens'));
    await expectAnthropicError(streamed, 400, 'invalid_request_error', 'stream: Extra inputs are not permitted');
  });

  it('404 for an unknown model, 400 for a rule violation, as Create Message does', async () => {
    await expectAnthropicError(await mock.fetch(anthropicRequest({ ...base, model: 'nope' }, {}, '/v1/messages/count_tokens')), 404, 'not_found_error', 'model: nope');
    const duplicate = { ...base, tools: [WEATHER_TOOL, WEATHER_TOOL] };
    await expectAnthropicError(await mock.fetch(anthropicRequest(duplicate, {}, '/v1/messages/count_tokens')), 400, 'invalid_request_error', 'tools: Tool names must be unique.');
  });
});
