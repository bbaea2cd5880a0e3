import Anthropic from '@anthropic-ai/sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../create-mock-server.ts';
import { ANTHROPIC_HEADERS, messageBody, TEST_API_KEY, unusedPort } from '../test-support.ts';
import { createMswHandlers } from './msw.ts';

// Nothing listens there: a request msw failed to intercept is refused on loopback.
const UNREACHABLE = `http://127.0.0.1:${await unusedPort()}`;
const ELSEWHERE = `http://127.0.0.1:${await unusedPort()}`;
const mock = createMockServer({ seed: 'msw', validateOutput: 'throw' });
// msw patches the global fetch for this whole file; it is restored in afterAll.
const network = setupServer(...createMswHandlers(mock));

let client: Anthropic;

beforeAll(() => {
  network.listen({ onUnhandledFrame: 'bypass' });
  // After listen(): the SDK picks up the global fetch when it is constructed.
  client = new Anthropic({ apiKey: TEST_API_KEY, authToken: null, baseURL: UNREACHABLE, maxRetries: 0 });
});
afterEach(() => network.resetHandlers());
afterAll(() => network.close());
const params = (text: string): Anthropic.MessageCreateParamsNonStreaming => ({ model: 'claude-sonnet-4-6', max_tokens: 128, messages: [{ role: 'user', content: text }] });

describe('createMswHandlers with setupServer', () => {
  it('answers the official SDK’s messages.create in-process', async () => {
    const message = await client.messages.create(params('Through msw.'));
    expect(message.content).toEqual([{ type: 'text', text: 'Through msw.', citations: null }]);
    expect(message._request_id).toMatch(/^req_011C/);
  });

  it('streams to the official SDK (a POST with Accept: application/json, not msw’s sse())', async () => {
    const message = await client.messages.stream(params('Streamed through msw.')).finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Streamed through msw.', citations: null }]);
    expect(message.stop_reason).toBe('end_turn');
  });

  it('answers errors in the Anthropic envelope', async () => {
    await expect(client.models.retrieve('no-such-model')).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('with baseUrl, intercepts that origin only (a trailing slash is ignored)', async () => {
    network.resetHandlers(...createMswHandlers(mock, { baseUrl: `${UNREACHABLE}/` }));
    const handled = await fetch(`${UNREACHABLE}/v1/messages`, { method: 'POST', headers: ANTHROPIC_HEADERS, body: JSON.stringify(messageBody('scoped')) });
    expect(handled.status).toBe(200);
    expect((await fetch(`${UNREACHABLE}/`, { method: 'HEAD' })).status).toBe(200);
    // Another origin: bypassed, so refused on loopback.
    await expect(fetch(`${ELSEWHERE}/v1/models`, { headers: ANTHROPIC_HEADERS })).rejects.toThrow();
  });
});
