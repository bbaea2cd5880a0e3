import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../create-mock-server.ts';
import { verifyThinkingSignature } from '../core/thinking-signature.ts';
import { TEST_API_KEY, WEATHER_SCHEMA } from '../test-support.ts';
import { type NodeHttpServer, serveNodeHttp } from './node-http.ts';

const mock = createMockServer({ seed: 'node-http', apiKeys: [TEST_API_KEY], validateOutput: 'throw' });
let server: NodeHttpServer;
let client: Anthropic;

beforeAll(async () => {
  server = await serveNodeHttp(mock, { host: '127.0.0.1', port: 0 });
  client = new Anthropic({ apiKey: TEST_API_KEY, authToken: null, baseURL: server.url, maxRetries: 0 });
});
afterAll(() => server?.close());

// Not MODEL: SDK 1.12 prints a deprecation warning for claude-sonnet-4-6.
const SDK_MODEL = 'claude-sonnet-4-6';

const ask = (text: string, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}): Anthropic.MessageCreateParamsNonStreaming => ({
  model: SDK_MODEL,
  max_tokens: 256,
  messages: [{ role: 'user', content: text }],
  ...extra,
});

const WEATHER_TOOL: Anthropic.Tool = { name: 'get_weather', description: 'Get the weather', input_schema: WEATHER_SCHEMA as unknown as Anthropic.Tool.InputSchema };

describe('serveNodeHttp', () => {
  it('listens on loopback with an ephemeral port and reports its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('sends a JSON body with its exact content-length, and a stream without one', async () => {
    const headers = { 'x-api-key': TEST_API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };
    const body = (stream: boolean) => JSON.stringify({ model: SDK_MODEL, max_tokens: 16, stream, messages: [{ role: 'user', content: 'Grüße, naïve café' }] });
    const json = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers, body: body(false) });
    const bytes = new Uint8Array(await json.arrayBuffer());
    expect(json.headers.get('content-length')).toBe(String(bytes.byteLength));
    const sse = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers, body: body(true) });
    expect(sse.headers.get('content-length')).toBeNull();
    expect(sse.headers.get('transfer-encoding')).toBe('chunked');
    await sse.text();
  });

  it('answers HEAD / (Claude Code’s probe) with 200 and no body', async () => {
    const res = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('the official SDK against serveNodeHttp', () => {
  it('messages.create answers the echo, with the request id', async () => {
    const message = await client.messages.create(ask('Hello through a socket.'));
    expect(message.content).toEqual([{ type: 'text', text: 'Hello through a socket.', citations: null }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message._request_id).toMatch(/^req_011C/);
  });

  it('messages.stream(...).finalMessage() assembles the text, and the SDK sees every event', async () => {
    const stream = client.messages.stream(ask('Stream me, please.'));
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type));
    const message = await stream.finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Stream me, please.', citations: null }]);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    expect(types).toContain('content_block_delta');
  });

  it('a streamed forced tool call arrives with its input parsed and valid', async () => {
    const message = await client.messages.stream(ask('Weather?', { tools: [WEATHER_TOOL], tool_choice: { type: 'tool', name: 'get_weather' } })).finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    const [block] = message.content;
    expect(block?.type).toBe('tool_use');
    const compiled = compileToolSchema(WEATHER_SCHEMA);
    expect(block?.type === 'tool_use' && compiled.ok && compiled.validate(block.input)).toEqual([]);
  });

  it('streamed thinking arrives with a signature the mock accepts back', async () => {
    const message = await client.messages.stream(ask('Think first.', { max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 } })).finalMessage();
    const [thinking, text] = message.content;
    if (thinking?.type !== 'thinking') throw new Error(`expected thinking, got ${thinking?.type}`);
    expect(thinking.thinking.length).toBeGreaterThan(0);
    expect(verifyThinkingSignature(thinking.thinking, thinking.signature)).toBe(true);
    expect(text?.type).toBe('text');
    const next = await client.messages.create(
      ask('x', {
        max_tokens: 2000,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [
          { role: 'user', content: 'Think first.' },
          { role: 'assistant', content: message.content },
          { role: 'user', content: 'And again.' },
        ],
      }),
    );
    expect(next.content.at(-1)).toEqual({ type: 'text', text: 'And again.', citations: null });
  });

  it('messages.countTokens equals usage.input_tokens', async () => {
    const params = ask('Count me.', { system: 'You are terse.', tools: [WEATHER_TOOL] });
    const { input_tokens } = await client.messages.countTokens({ model: params.model, messages: params.messages, system: params.system, tools: params.tools });
    const message = await client.messages.create(params);
    expect(input_tokens).toBe(message.usage.input_tokens);
  });

  it('models.list auto-paginates through the whole catalog', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 4 })) ids.push(model.id);
    expect(ids).toEqual(mock.catalog.list().map((m) => m.id));
  });

  it('models.retrieve by id and by alias', async () => {
    expect((await client.models.retrieve('claude-haiku-4-5')).display_name).toBe('Claude Haiku 4.5');
    expect((await client.models.retrieve('claude-haiku-4-5-20251001')).id).toBe('claude-haiku-4-5');
  });
});

describe('typed SDK errors', () => {
  it('BadRequestError for duplicate tool names', async () => {
    const error = await client.messages.create(ask('x', { tools: [WEATHER_TOOL, WEATHER_TOOL] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error).toMatchObject({ status: 400, requestID: expect.stringMatching(/^req_011C/), error: { type: 'error', error: { type: 'invalid_request_error', message: 'tools: Tool names must be unique.' } } });
  });

  it('NotFoundError for an unknown model, in create and retrieve', async () => {
    await expect(client.messages.create(ask('x', { model: 'no-such-model' }))).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    await expect(client.models.retrieve('no-such-model')).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('AuthenticationError without credentials and with a wrong key', async () => {
    const anonymous = new Anthropic({ apiKey: null, authToken: null, baseURL: server.url, maxRetries: 0, defaultHeaders: { authorization: null } });
    const missing = await anonymous.messages.create(ask('x')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(missing).toMatchObject({ status: 401, error: { error: { type: 'authentication_error', message: 'x-api-key header is required' } } });
    const wrong = new Anthropic({ apiKey: 'sk-ant-wrong', authToken: null, baseURL: server.url, maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('a stream that fails before it starts rejects with the typed error', async () => {
    await expect(client.messages.stream(ask('x', { model: 'no-such-model' })).finalMessage()).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });
});
