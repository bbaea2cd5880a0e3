import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { type NodeHttpServer, serveNodeHttp } from '../../transports/node-http.ts';
import { GEMINI_KEY, PROMPT } from './test-support.ts';

/**
 * The Vercel AI SDK's Google provider (a gateway's most common Gemini client after the official
 * SDK) against the mock: it reads `usageMetadata` with thoughts apart and streams through `alt=sse`.
 */
const mock = createMockServer({ seed: 'gemini-ai-sdk', validateOutput: 'throw' });
let server: NodeHttpServer;

beforeAll(async () => {
  server = await serveNodeHttp(mock);
});
afterAll(async () => {
  await server.close();
});

const model = () => createGoogleGenerativeAI({ apiKey: GEMINI_KEY, baseURL: `${server.url}/v1beta` })('gemini-2.5-flash');

describe('@ai-sdk/google against the mock', () => {
  it('generateText: the text, a stop finish and usage with reasoning tokens apart', async () => {
    const result = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 });
    expect(result.text).toBe(PROMPT);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokenDetails.reasoningTokens).toBeGreaterThan(0);
    expect(result.usage.totalTokens).toBe((result.usage.inputTokens ?? 0) + (result.usage.outputTokens ?? 0));
  });

  it('streamText: the same text, the same usage as generateText', async () => {
    const streamed = streamText({ model: model(), prompt: PROMPT, maxRetries: 0 });
    let text = '';
    for await (const delta of streamed.textStream) text += delta;
    expect(text).toBe(PROMPT);
    const whole = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 });
    expect((await streamed.usage).outputTokens).toBe(whole.usage.outputTokens);
  });

  it('a required tool call comes back with arguments valid against its schema', async () => {
    const result = await generateText({
      model: model(),
      prompt: 'Weather?',
      maxRetries: 0,
      tools: { get_weather: tool({ description: 'Weather of a city', inputSchema: jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }) }) },
      toolChoice: 'required',
    });
    expect(result.toolCalls).toEqual([expect.objectContaining({ toolName: 'get_weather', input: { city: expect.any(String) } })]);
  });
});
