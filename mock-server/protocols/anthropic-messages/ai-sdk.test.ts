import { createAnthropic } from '@ai-sdk/anthropic';
import { ChatAnthropic } from '@langchain/anthropic';
import { generateObject, generateText, jsonSchema, Output, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { MODEL, TEST_API_KEY } from '../../test-support.ts';
import { createFetch } from '../../transports/fetch.ts';

// The clients that broke against the mock (issue 6): the Vercel AI SDK's structured output and
// forced Anthropic-defined tools, and LangChain's JSON-schema structured output.
const mockFetch = createFetch(createMockServer({ seed: 'ai-sdk', validateOutput: 'throw' }));
const anthropic = createAnthropic({ apiKey: TEST_API_KEY, baseURL: 'http://127.0.0.1:1/v1', fetch: mockFetch });

interface Weather {
  city: string;
  tempC: number;
}

const WEATHER = jsonSchema<Weather>({
  type: 'object',
  properties: { city: { type: 'string' }, tempC: { type: 'number' } },
  required: ['city', 'tempC'],
  additionalProperties: false,
});

describe('Vercel AI SDK (@ai-sdk/anthropic)', () => {
  it('generateObject parses the structured output', async () => {
    const { object } = await generateObject({ model: anthropic(MODEL), schema: WEATHER, prompt: 'weather in Paris as JSON' });
    expect(object).toEqual({ city: expect.any(String), tempC: expect.any(Number) });
  });

  it('Output.object with generateText and streamText', async () => {
    const generated = await generateText({ model: anthropic(MODEL), output: Output.object({ schema: WEATHER }), prompt: 'weather in Paris' });
    expect(generated.output).toEqual({ city: expect.any(String), tempC: expect.any(Number) });
    const streamed = streamText({ model: anthropic(MODEL), output: Output.object({ schema: WEATHER }), prompt: 'weather' });
    expect(await streamed.output).toEqual(generated.output);
  });

  it("toolChoice 'required' with anthropic.tools.bash_20250124 yields a bash call", async () => {
    const result = await generateText({
      model: anthropic(MODEL),
      tools: { bash: anthropic.tools.bash_20250124({ execute: async ({ command }) => `ran ${command}` }) },
      toolChoice: 'required',
      prompt: 'list the files',
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([expect.objectContaining({ toolName: 'bash', input: { command: expect.any(String) } })]);
    expect(result.toolResults[0]?.output).toMatch(/^ran /);
  });
});

describe('LangChain (@langchain/anthropic)', () => {
  it("withStructuredOutput(…, { method: 'jsonSchema' }) parses the structured output", async () => {
    const model = new ChatAnthropic({ model: MODEL, apiKey: TEST_API_KEY, maxRetries: 0, clientOptions: { baseURL: 'http://127.0.0.1:1', fetch: mockFetch } });
    const structured = model.withStructuredOutput(
      { title: 'weather', description: 'weather', type: 'object', properties: { city: { type: 'string' }, tempC: { type: 'number' } }, required: ['city', 'tempC'], additionalProperties: false },
      { method: 'jsonSchema' },
    );
    expect(await structured.invoke('weather in Paris')).toEqual({ city: expect.any(String), tempC: expect.any(Number) });
  });
});
