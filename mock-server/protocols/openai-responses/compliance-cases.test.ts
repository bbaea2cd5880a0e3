import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { type ApiResponse, finalResponse, itemTypes, responsesRequest, responsesStreamProblems, streamEvents, validateResponses } from './test-support.ts';

/**
 * The seven request templates of the Open Responses compliance tool (openresponses/openresponses,
 * `src/lib/compliance-tests.ts`), sent as it sends them (model gpt-4o-mini, `stream` always set),
 * with its checks: a schema-valid final Response with output and status `completed`, streams whose
 * every event validates, and the function-call events of the streamed tool call. Our own checks
 * add order, sequence numbers and item ids (`responsesStreamProblems`).
 *
 * The tool-calling templates leave `tool_choice` at `auto` and rely on the model choosing to call;
 * the mock's engine answers `auto` in text, so they are sent here with `tool_choice: "required"`.
 */
const mock = createMockServer({ seed: 'open-responses', validateOutput: 'throw' });
const MODEL = 'gpt-4o-mini';
const WEATHER = {
  type: 'function',
  name: 'get_weather',
  description: 'Get the current weather for a location',
  parameters: { type: 'object', properties: { location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' } }, required: ['location'] },
};
const HEART =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAABmklEQVR42tyWAaTyUBzFew/eG4AHz+MBSAHKBiJRGFKwIgQQJKLUIioBIhCAiCAAEizAQIAECaASqFFJq84nudjnaqvuPnxzgP9xfrq5938csPn7PwHTKSoViCIEAYEAMhmoKsU2mUCWEQqB5xEMIp/HaGQG2G6RSuH9HQ7H34rFrtPbdz4jl6PbwmEsl3QA1mt4vcRKk8dz9eg6IpF7tt9fzGY0gCgafFRFo5Blc5vLhf3eCOj1yNhM5GRMVK0aATxPZoz09YXjkQDmczJgquGQAPp9WwCNBgG027YACgUC6HRsAZRKBDAY2AJoNv/ZnwzA6WScznG3p4UAymXGAEkyXrTFAh8fLAGqagQAyGaZpYsi7bHTNPz8MEj//LxuFPo+UBS8vb0KaLXubrRa7aX0RMLCykwmn0z3+XA4WACcTpCkh9MFAZpmuVXo+mO/w+/HZvNgbblcUCxaSo/Hyck80Yu6XXDcvfVZr79cvMZjuN2U9O9vKAqjZrfbIZ0mV4TUi9Xqz6jddNy//7+e3n8Fhf/Llo2kxi8AQyGRoDkmAhAAAAAASUVORK5CYII=';

interface Case {
  readonly id: string;
  readonly streaming: boolean;
  readonly body: Record<string, unknown>;
  readonly expectType?: string;
}

/** The two tool-calling templates: the same request, streamed or not. */
function weatherCase(id: string, streaming: boolean): Case {
  const input = [{ type: 'message', role: 'user', content: "What's the weather like in San Francisco?" }];
  return { id, streaming, body: { model: MODEL, input, tools: [WEATHER], tool_choice: 'required' }, expectType: 'function_call' };
}

const CASES: readonly Case[] = [
  { id: 'basic-response', streaming: false, body: { model: MODEL, input: [{ type: 'message', role: 'user', content: 'Say hello in exactly 3 words.' }] } },
  { id: 'streaming-response', streaming: true, body: { model: MODEL, input: [{ type: 'message', role: 'user', content: 'Count from 1 to 5.' }] } },
  {
    id: 'system-prompt',
    streaming: false,
    body: {
      model: MODEL,
      input: [
        { type: 'message', role: 'system', content: 'You are a pirate. Always respond in pirate speak.' },
        { type: 'message', role: 'user', content: 'Say hello.' },
      ],
    },
  },
  weatherCase('tool-calling', false),
  weatherCase('tool-calling-streaming', true),
  {
    id: 'image-input',
    streaming: false,
    body: {
      model: MODEL,
      input: [
        {
          type: 'message',
          role: 'user',
          content: [
            { type: 'input_text', text: 'What do you see in this image? Answer in one sentence.' },
            { type: 'input_image', image_url: HEART },
          ],
        },
      ],
    },
  },
  {
    id: 'multi-turn',
    streaming: false,
    body: {
      model: MODEL,
      input: [
        { type: 'message', role: 'user', content: 'My name is Alice.' },
        { type: 'message', role: 'assistant', content: 'Hello Alice! Nice to meet you. How can I help you today?' },
        { type: 'message', role: 'user', content: 'What is my name?' },
      ],
    },
  },
];

describe('the Open Responses compliance cases', () => {
  for (const { id, streaming, body, expectType } of CASES) {
    it(id, async () => {
      const res = await mock.fetch(responsesRequest({ ...body, stream: streaming }));
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(200);
      let response: ApiResponse;
      if (streaming) {
        expect(responsesStreamProblems(text)).toEqual([]);
        const events = streamEvents(text);
        response = finalResponse(events) as unknown as ApiResponse;
        if (expectType === 'function_call') {
          const types = events.map((e) => e.type);
          expect(events.some((e) => e.type === 'response.output_item.added' && (e.item as { type: string }).type === 'function_call')).toBe(true);
          expect(types).toContain('response.function_call_arguments.delta');
          expect(types).toContain('response.function_call_arguments.done');
          expect(events.some((e) => e.type === 'response.output_item.done' && (e.item as { type: string }).type === 'function_call')).toBe(true);
        }
      } else {
        response = JSON.parse(text) as ApiResponse;
      }
      expect(validateResponses('response', response)).toEqual([]);
      expect(response.output.length).toBeGreaterThan(0);
      expect(response.status).toBe('completed');
      if (expectType) expect(itemTypes(response)).toContain(expectType);
    });
  }
});
