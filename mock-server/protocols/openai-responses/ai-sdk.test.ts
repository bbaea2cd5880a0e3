import { createOpenAI } from '@ai-sdk/openai';
import { generateText, jsonSchema, type JSONSchema7, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { type NodeHttpServer, serveNodeHttp } from '../../transports/node-http.ts';
import { CHAT_MODEL, OPENAI_TEST_KEY, REASONING_MODEL, WEATHER_PARAMETERS } from './test-support.ts';

const mock = createMockServer({ seed: 'responses-ai-sdk', apiKeys: [OPENAI_TEST_KEY], validateOutput: 'throw' });
let server: NodeHttpServer;
let openai: ReturnType<typeof createOpenAI>;
const violations: unknown[] = [];
/** The bodies the AI SDK sent, to see what it put on the wire. */
const sent: { input?: unknown[] }[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  if (typeof init?.body === 'string') sent.push(JSON.parse(init.body) as { input?: unknown[] });
  return fetch(input, init);
};

beforeAll(async () => {
  server = await serveNodeHttp(mock, { host: '127.0.0.1', port: 0 });
  // The default provider (`openai(model)`) speaks the Responses API.
  openai = createOpenAI({ apiKey: OPENAI_TEST_KEY, baseURL: `${server.url}/v1`, fetch: recordingFetch });
  mock.on('violation', (v) => violations.push(v));
});
afterAll(() => {
  server?.close();
  expect(violations).toEqual([]);
});

const weather = tool({
  description: 'Get the weather',
  inputSchema: jsonSchema<{ city: string; unit: 'celsius' | 'fahrenheit' }>(structuredClone(WEATHER_PARAMETERS) as unknown as JSONSchema7),
  execute: ({ city }) => Promise.resolve(`Sunny in ${city}`),
});

describe('the Vercel AI SDK default OpenAI provider (Responses) against the mock', () => {
  it('generateText answers the echo, with usage and the response id', async () => {
    const result = await generateText({ model: openai(CHAT_MODEL), system: 'You are terse.', prompt: 'Hello from the AI SDK.', maxRetries: 0 });
    expect(result.text).toBe('Hello from the AI SDK.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.response.id).toMatch(/^resp_/);
  });

  it('streamText streams the same text in pieces', async () => {
    const result = streamText({ model: openai(CHAT_MODEL), prompt: 'Streamed through the AI SDK.', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Streamed through the AI SDK.');
    expect(await result.finishReason).toBe('stop');
  });

  it('a forced tool call, executed, then answered in a second step that replays the call and its output', async () => {
    sent.length = 0;
    const result = await generateText({
      model: openai(CHAT_MODEL),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weather },
      toolChoice: 'required',
      stopWhen: stepCountIs(2),
      prepareStep: ({ stepNumber }) => (stepNumber > 0 ? { toolChoice: 'auto' } : undefined),
      maxRetries: 0,
    });
    expect(result.steps[0]?.toolCalls).toEqual([expect.objectContaining({ toolName: 'get_weather', input: expect.objectContaining({ city: expect.any(String) }) })]);
    expect(result.steps[0]?.toolResults[0]?.output).toMatch(/^Sunny in /);
    expect(result.text).toMatch(/^Tool result received: Sunny in /);
    // The second step replays the call (without its item id) and sends its output.
    expect(sent[1]?.input?.slice(1)).toEqual([
      { type: 'function_call', call_id: expect.stringMatching(/^call_/), name: 'get_weather', arguments: expect.any(String) },
      { type: 'function_call_output', call_id: expect.stringMatching(/^call_/), output: expect.stringMatching(/^Sunny in /) },
    ]);
  });

  it('streamText with a tool call', async () => {
    const result = streamText({ model: openai(CHAT_MODEL), prompt: 'Weather?', tools: { get_weather: weather }, toolChoice: 'required', maxRetries: 0 });
    const calls = await result.toolCalls;
    expect(calls).toEqual([expect.objectContaining({ toolName: 'get_weather' })]);
    expect(await result.finishReason).toBe('tool-calls');
  });

  it('reasoning models: reasoning summaries come through as reasoning text', async () => {
    const result = await generateText({
      model: openai(REASONING_MODEL),
      prompt: 'Think first.',
      providerOptions: { openai: { reasoningEffort: 'low', reasoningSummary: 'auto' } },
      maxRetries: 0,
    });
    expect(result.text).toBe('Think first.');
    expect(result.reasoningText?.length).toBeGreaterThan(0);
  });
});
