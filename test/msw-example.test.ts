import Anthropic from '@anthropic-ai/sdk';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
// The README's example, through the package's own export map.
import { createMockServer } from 'llm-conformance';
import { createMswHandlers } from 'llm-conformance/msw';

// A loopback base URL: were interception to fail, nothing would leave the machine. (Not a port on
// fetch's blocked list such as 1 or 9: msw checks those before matching and fails the request.)
const BASE = 'http://127.0.0.1:9999';
const mock = createMockServer({ seed: 1 });
const server = setupServer(...createMswHandlers(mock, { baseUrl: BASE }));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

it('the README msw example answers the official SDK in-process, deterministically', async () => {
  const client = new Anthropic({ apiKey: 'test-key', baseURL: BASE, maxRetries: 0 });
  const ask = () => client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 64, messages: [{ role: 'user', content: 'Hello there' }] });
  const message = await ask();
  expect(message.content[0]).toEqual({ type: 'text', text: 'Hello there', citations: null });
  expect(message.stop_reason).toBe('end_turn');
  const again = await ask();
  expect(again.id).toBe(message.id);
  expect(again.usage).toEqual(message.usage);
  const streamed = await client.messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 64, messages: [{ role: 'user', content: 'Hello there' }] }).finalMessage();
  expect(streamed.content).toEqual(message.content);
});
