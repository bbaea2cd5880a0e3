import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { embed } from '../../core/embeddings.ts';
import { WEATHER_SCHEMA } from '../../test-support.ts';
import { type NodeHttpServer, serveNodeHttp } from '../../transports/node-http.ts';
import { OPENAI_TEST_KEY } from '../openai-common/test-helpers.ts';
import { CHAT_MODEL } from './test-helpers.ts';

// The official SDK (v7) against the mock over a real socket: what an application sees.
const mock = createMockServer({ seed: 'openai-sdk', apiKeys: [OPENAI_TEST_KEY], validateOutput: 'throw' });
let server: NodeHttpServer;
let client: OpenAI;

beforeAll(async () => {
  server = await serveNodeHttp(mock, { host: '127.0.0.1', port: 0 });
  client = new OpenAI({ apiKey: OPENAI_TEST_KEY, baseURL: `${server.url}/v1`, maxRetries: 0 });
});
afterAll(() => server?.close());

/** Parameters usable both with `create` (JSON) and `stream()`. */
type Params = Omit<OpenAI.ChatCompletionCreateParamsNonStreaming, 'stream'>;

const ask = (text: string, extra: Partial<Params> = {}): Params => ({
  model: CHAT_MODEL,
  messages: [{ role: 'user', content: text }],
  ...extra,
});

const WEATHER: OpenAI.ChatCompletionFunctionTool = { type: 'function', function: { name: 'get_weather', description: 'Get the weather', parameters: { ...WEATHER_SCHEMA } } };
const STRICT_WEATHER: OpenAI.ChatCompletionFunctionTool = { type: 'function', function: { ...WEATHER.function, strict: true } };

/**
 * A completion without what differs between two calls (ids, `created`) or what only one side has:
 * `annotations` (the live API sends them in the JSON reply, never in chunks) and `parsed` (added by
 * the SDK helpers).
 */
function comparable({ id: _id, created: _created, ...completion }: OpenAI.ChatCompletion): unknown {
  return {
    ...completion,
    choices: completion.choices.map(({ message, ...choice }) => {
      const { annotations: _a, parsed: _p, tool_calls, ...rest } = message as OpenAI.ChatCompletionMessage & { parsed?: unknown };
      return { ...choice, message: { ...rest, ...(tool_calls ? { tool_calls: tool_calls.map(({ id: _callId, ...call }) => call) } : {}) } };
    }),
  };
}

/** The non-streaming twin of a streamed request: the same reply, compared field by field. */
async function expectStreamEqualsCreate(params: Params): Promise<OpenAI.ChatCompletion> {
  const final = await client.chat.completions.stream({ ...params, stream_options: { include_usage: true } }).finalChatCompletion();
  const json = await client.chat.completions.create(params);
  expect(comparable(final)).toEqual(comparable(json));
  return json;
}

describe('chat.completions with the official openai SDK', () => {
  it('create answers the echo, with the request id', async () => {
    const { data, response, request_id } = await client.chat.completions.create(ask('Hello through a socket.')).withResponse();
    expect(data.choices[0]?.message.content).toBe('Hello through a socket.');
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(request_id).toBe(response.headers.get('x-request-id'));
    expect(request_id).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('stream().finalChatCompletion() equals the non-streaming reply, and content events join to the text', async () => {
    const parts: string[] = [];
    const stream = client.chat.completions.stream({ ...ask('Stream me, please.'), stream_options: { include_usage: true } });
    stream.on('content', (delta) => parts.push(delta));
    const final = await stream.finalChatCompletion();
    expect(parts.join('')).toBe('Stream me, please.');
    expect(parts.length).toBeGreaterThan(2);
    expect(final.usage?.completion_tokens).toBeGreaterThan(0);
    await expectStreamEqualsCreate(ask('Stream me, please.'));
  });

  it('create({stream: true}) yields every chunk, the usage chunk last, and stops at [DONE]', async () => {
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of await client.chat.completions.create({ ...ask('Chunk me.'), stream: true, stream_options: { include_usage: true } })) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('a forced tool call, streamed and not, with arguments that parse and validate', async () => {
    const params = ask('Weather?', { tools: [WEATHER], tool_choice: 'required' });
    const json = await expectStreamEqualsCreate(params);
    const call = json.choices[0]?.message.tool_calls?.[0];
    expect(json.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    const compiled = compileToolSchema(WEATHER_SCHEMA);
    expect(compiled.ok && call?.type === 'function' && compiled.validate(JSON.parse(call.function.arguments))).toEqual([]);
    const done: string[] = [];
    const stream = client.chat.completions.stream(params);
    stream.on('tool_calls.function.arguments.done', (event) => done.push(event.arguments));
    await stream.finalChatCompletion();
    expect(done).toEqual([call?.type === 'function' ? call.function.arguments : '']);
  });

  it('parse() with a strict tool returns parsed_arguments, in both modes', async () => {
    const params = ask('Weather?', { tools: [STRICT_WEATHER], tool_choice: { type: 'function', function: { name: 'get_weather' } } });
    const parsed = await client.chat.completions.parse(params);
    const call = parsed.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.parsed_arguments).toEqual(JSON.parse(call?.type === 'function' ? call.function.arguments : 'null'));
    // A named function finishes with stop, as the live API does.
    expect(parsed.choices[0]?.finish_reason).toBe('stop');
    const streamed = await client.chat.completions.stream(params).finalChatCompletion();
    const streamedCall = streamed.choices[0]?.message.tool_calls?.[0];
    expect(streamedCall?.type === 'function' && streamedCall.function.parsed_arguments).toEqual(call?.type === 'function' && call.function.parsed_arguments);
  });

  it('parse() with a json_schema response format returns the parsed object', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const completion = await client.chat.completions.parse(ask('Where?', { response_format: { type: 'json_schema', json_schema: { name: 'place', strict: true, schema } } }));
    const parsed = completion.choices[0]?.message.parsed as { city: string } | null;
    expect(typeof parsed?.city).toBe('string');
  });

  it('logprobs: the same entries streamed (logprobs events) and not', async () => {
    const params = ask('Grüße, world', { logprobs: true, top_logprobs: 2 });
    const json = await expectStreamEqualsCreate(params);
    const content = json.choices[0]?.logprobs?.content ?? [];
    expect(content.map((l) => l.token).join('')).toBe('Grüße, world');
    let done: OpenAI.ChatCompletionTokenLogprob[] = [];
    const stream = client.chat.completions.stream(params);
    stream.on('logprobs.content.done', (event) => (done = event.content));
    await stream.finalChatCompletion();
    expect(done).toEqual(content);
  });

  it('n choices, streamed and not', async () => {
    const json = await expectStreamEqualsCreate(ask('Twice.', { n: 2 }));
    expect(json.choices.map((c) => [c.index, c.message.content])).toEqual([
      [0, 'Twice.'],
      [1, 'Twice.'],
    ]);
  });

  it('max_completion_tokens and stop: finish_reason length and stop', async () => {
    expect((await client.chat.completions.create(ask('Hello there, mock.', { max_completion_tokens: 2 }))).choices[0]?.finish_reason).toBe('length');
    const stopped = await client.chat.completions.create(ask('Hello there, mock.', { stop: ['mock'] }));
    expect(stopped.choices[0]).toMatchObject({ message: { content: 'Hello there, ' }, finish_reason: 'stop' });
  });

  it('accepts image_url content parts and a reasoning model with reasoning_effort', async () => {
    const image = await client.chat.completions.create({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } }] }],
    });
    expect(image.choices[0]?.message.content).toBe('What is this?');
    const reasoning = await client.chat.completions.create({ model: 'gpt-5-mini', messages: [{ role: 'developer', content: 'Think.' }, { role: 'user', content: 'Hi' }], reasoning_effort: 'high' });
    expect(reasoning.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
  });
});

describe('embeddings and models with the official openai SDK', () => {
  it('embeddings.create decodes the base64 it asks for by default; float and explicit base64 work too', async () => {
    const decoded = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['fox', 'dog'], dimensions: 16 });
    expect(decoded.data.map((d) => d.embedding)).toEqual([embed('fox', 16), embed('dog', 16)]);
    const float = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'fox', dimensions: 16, encoding_format: 'float' });
    expect(float.data[0]?.embedding).toEqual(embed('fox', 16));
    const base64 = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'fox', dimensions: 16, encoding_format: 'base64' });
    expect(typeof base64.data[0]?.embedding).toBe('string');
    expect(base64.usage).toEqual({ prompt_tokens: 1, total_tokens: 1 });
  });

  it('models.list() pages through every model; retrieve() finds each', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(mock.catalog.list().map((m) => m.id));
    expect(await client.models.retrieve('gpt-4o')).toMatchObject({ id: 'gpt-4o', object: 'model', owned_by: 'openai' });
  });
});

describe('typed errors with the official openai SDK', () => {
  it('BadRequestError with param and code', async () => {
    const error = await client.chat.completions.create(ask('x', { max_tokens: 1.5 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'max_tokens', code: 'invalid_type' });
    expect((error as InstanceType<typeof OpenAI.APIError>).requestID).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('AuthenticationError for a key the server does not accept', async () => {
    const stranger = new OpenAI({ apiKey: 'sk-wrong', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const error = await stranger.chat.completions.create(ask('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('NotFoundError for an unknown model, from chat and from models.retrieve', async () => {
    for (const call of [() => client.chat.completions.create(ask('x', { model: 'acme-llm-9' })), () => client.models.retrieve('acme-llm-9')]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'model_not_found' });
    }
  });
});
