import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../create-mock-server.ts';
import { ANTHROPIC_HEADERS, messageBody, TEST_API_KEY } from '../test-support.ts';
import { createFetch } from './fetch.ts';

const mock = createMockServer({ seed: 'fetch', validateOutput: 'throw' });
const mockFetch = createFetch(mock);
// Port 1: if the injected fetch were bypassed, the global fetch would refuse it (a "bad port"), never reach a server.
const client = new Anthropic({ apiKey: TEST_API_KEY, authToken: null, baseURL: 'http://127.0.0.1:1', maxRetries: 0, fetch: mockFetch });
const params = (text: string): Anthropic.MessageCreateParamsNonStreaming => ({ model: 'claude-sonnet-4-6', max_tokens: 128, messages: [{ role: 'user', content: text }] });

describe('createFetch', () => {
  it('answers the official SDK’s messages.create without a socket', async () => {
    const message = await client.messages.create(params('In-process.'));
    expect(message.content).toEqual([{ type: 'text', text: 'In-process.', citations: null }]);
  });

  it('streams to the official SDK', async () => {
    const message = await client.messages.stream(params('Streamed in-process.')).finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Streamed in-process.', citations: null }]);
  });

  it('accepts a URL string with init, like fetch', async () => {
    const res = await mockFetch('http://mock.test/v1/messages', { method: 'POST', headers: ANTHROPIC_HEADERS, body: JSON.stringify(messageBody('plain fetch')) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { content: unknown }).content).toEqual([{ type: 'text', text: 'plain fetch', citations: null }]);
  });

  it('streams the body as a ReadableStream', async () => {
    const res = await mockFetch(new Request('http://mock.test/v1/messages', { method: 'POST', headers: ANTHROPIC_HEADERS, body: JSON.stringify(messageBody('s', { stream: true })) }));
    expect(res.body).toBeInstanceOf(ReadableStream);
    expect(await res.text()).toMatch(/^event: message_start\n[\s\S]*event: message_stop\ndata: \{"type":"message_stop"\}\n\n$/);
  });
});
