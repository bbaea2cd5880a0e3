// The README's "In your tests" example, as a consumer's vitest test: msw intercepts the official
// SDK's requests and the mock answers them in-process.
import Anthropic from '@anthropic-ai/sdk';
import { createMockServer } from 'llm-conformance';
import { createMswHandlers } from 'llm-conformance/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';

const server = setupServer(...createMswHandlers(createMockServer({ seed: 1 }), { baseUrl: 'https://api.anthropic.com' }));
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

it('answers the official SDK through msw, streamed and not', async () => {
  const client = new Anthropic({ apiKey: 'test-key', baseURL: 'https://api.anthropic.com', maxRetries: 0 });
  const request = { model: 'claude-sonnet-4-6', max_tokens: 64, messages: [{ role: 'user' as const, content: 'Hello there' }] };
  const message = await client.messages.create(request);
  expect(message.content).toEqual([{ type: 'text', text: 'Hello there' }]);
  expect(message.stop_reason).toBe('end_turn');
  const streamed = await client.messages.stream(request).finalMessage();
  expect(streamed.content).toEqual(message.content);
});
