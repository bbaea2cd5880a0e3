import { createOpenAI } from '@ai-sdk/openai';
import { tool as langchainTool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { embed as aiEmbed, generateText, jsonSchema, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { embed } from '../../core/embeddings.ts';
import { WEATHER_SCHEMA } from '../../test-support.ts';
import { type NodeHttpServer, serveNodeHttp } from '../../transports/node-http.ts';
import { OPENAI_TEST_KEY } from '../openai-common/test-helpers.ts';
import { CHAT_MODEL } from './test-helpers.ts';

// The clients app developers use, pointed at the mock as a user would point them at a gateway:
// the Vercel AI SDK's `openai.chat(...)` and LangChain's `ChatOpenAI`. Violations fail the request.
const mock = createMockServer({ seed: 'openai-clients', apiKeys: [OPENAI_TEST_KEY], validateOutput: 'throw' });
let server: NodeHttpServer;

beforeAll(async () => {
  server = await serveNodeHttp(mock, { host: '127.0.0.1', port: 0 });
});
afterAll(() => server?.close());

const weather: Parameters<typeof jsonSchema>[0] = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };

describe('Vercel AI SDK, openai.chat(...)', () => {
  const provider = () => createOpenAI({ apiKey: OPENAI_TEST_KEY, baseURL: `${server.url}/v1` });

  it('generateText answers the echo with usage and the finish reason', async () => {
    const result = await generateText({ model: provider().chat(CHAT_MODEL), system: 'You are terse.', prompt: 'say hi', maxRetries: 0 });
    expect(result.text).toBe('say hi');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });

  it('streamText streams the text and reports usage from the include_usage chunk', async () => {
    const result = streamText({ model: provider().chat(CHAT_MODEL), prompt: 'Stream this text.', maxRetries: 0 });
    const parts: string[] = [];
    for await (const part of result.textStream) parts.push(part);
    expect(parts.join('')).toBe('Stream this text.');
    expect(parts.length).toBeGreaterThan(1);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('stop');
  });

  it('a required tool call: the SDK parses the input and runs the tool', async () => {
    const seen: unknown[] = [];
    const getWeather = tool({
      description: 'Get the weather',
      inputSchema: jsonSchema<{ city: string }>(weather),
      execute: async (input) => {
        seen.push(input);
        return 'sunny';
      },
    });
    const result = await generateText({ model: provider().chat(CHAT_MODEL), prompt: 'Weather in Paris?', tools: { getWeather }, toolChoice: 'required', maxRetries: 0 });
    expect(result.toolCalls.map((c) => c.toolName)).toEqual(['getWeather']);
    expect(seen).toEqual([{ city: expect.any(String) }]);
    expect(result.finishReason).toBe('tool-calls');
  });

  it('embed decodes the vector the mock computes', async () => {
    const { embedding } = await aiEmbed({ model: provider().embedding('text-embedding-3-small'), value: 'fox', maxRetries: 0 });
    expect(embedding).toEqual(embed('fox', 1536));
  });
});

describe('LangChain ChatOpenAI', () => {
  const chat = (extra: Record<string, unknown> = {}) =>
    new ChatOpenAI({ model: CHAT_MODEL, apiKey: OPENAI_TEST_KEY, configuration: { baseURL: `${server.url}/v1` }, maxRetries: 0, temperature: 0, ...extra });

  it('invoke answers the echo with usage metadata', async () => {
    const message = await chat().invoke([
      ['system', 'You are terse.'],
      ['human', 'say hi'],
    ]);
    expect(message.content).toBe('say hi');
    expect(message.usage_metadata?.output_tokens).toBeGreaterThan(0);
  });

  it('stream yields the text in pieces', async () => {
    const parts: string[] = [];
    for await (const chunk of await chat({ streaming: true }).stream('Stream this text.')) parts.push(String(chunk.content));
    expect(parts.join('')).toBe('Stream this text.');
  });

  it('bindTools with a forced tool returns a parsed tool call, streamed and not', async () => {
    const getWeather = langchainTool(async () => 'sunny', { name: 'get_weather', description: 'Get the weather', schema: { ...WEATHER_SCHEMA } });
    const model = chat().bindTools([getWeather], { tool_choice: 'required' });
    const message = await model.invoke('Weather in Paris?');
    expect(message.tool_calls?.map((c) => c.name)).toEqual(['get_weather']);
    expect(message.tool_calls?.[0]?.args).toMatchObject({ city: expect.any(String), unit: expect.stringMatching(/^(celsius|fahrenheit)$/) });
    let streamed: { name?: string; args?: unknown }[] = [];
    for await (const chunk of await chat({ streaming: true }).bindTools([getWeather], { tool_choice: 'required' }).stream('Weather?')) {
      if (chunk.tool_call_chunks?.length) streamed = [...streamed, ...chunk.tool_call_chunks];
    }
    expect(streamed[0]?.name).toBe('get_weather');
  });
});
