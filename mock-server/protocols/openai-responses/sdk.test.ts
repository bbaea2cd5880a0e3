import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { type NodeHttpServer, serveNodeHttp } from '../../transports/node-http.ts';
import { CHAT_MODEL, functionCall, itemTypes, messageText, OPENAI_TEST_KEY, REASONING_MODEL, WEATHER_PARAMETERS, WEATHER_TOOL } from './test-support.ts';

const mock = createMockServer({ seed: 'responses-sdk', apiKeys: [OPENAI_TEST_KEY], validateOutput: 'throw' });
let server: NodeHttpServer;
let client: OpenAI;

beforeAll(async () => {
  server = await serveNodeHttp(mock, { host: '127.0.0.1', port: 0 });
  client = new OpenAI({ apiKey: OPENAI_TEST_KEY, baseURL: `${server.url}/v1`, maxRetries: 0 });
});
afterAll(() => server?.close());

/** A Response as JSON, without what the SDK's stream helper adds for structured outputs (`parsed`, `output_parsed`). */
const plainJson = (response: unknown): unknown =>
  JSON.parse(JSON.stringify(response, (key, value: unknown) => (key === 'parsed' || key === 'output_parsed' ? undefined : value)));

const tools: OpenAI.Responses.Tool[] = [{ ...WEATHER_TOOL, parameters: { ...WEATHER_PARAMETERS } }];

describe('the official openai SDK (responses) against serveNodeHttp', () => {
  it('responses.create answers the echo; output_text and the request id come through', async () => {
    const { data: response, request_id } = await client.responses.create({ model: CHAT_MODEL, instructions: 'Be brief.', input: 'Hello through a socket.' }).withResponse();
    expect(response.output_text).toBe('Hello through a socket.');
    expect(response.status).toBe('completed');
    expect(request_id).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('responses.stream() → finalResponse() equals the non-stream reply', async () => {
    const body = { model: REASONING_MODEL, input: 'Streamed and not.', reasoning: { effort: 'low' as const, summary: 'auto' as const } };
    const stream = client.responses.stream(body);
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const streamed = await stream.finalResponse();
    const plain = await client.responses.create(body);
    expect(deltas.join('')).toBe('Streamed and not.');
    expect(streamed.output_text).toBe('Streamed and not.');
    expect(plainJson(streamed)).toEqual(plainJson(plain));
  });

  it('create with stream: true iterates typed events, numbered from 0', async () => {
    const events = await client.responses.create({ model: CHAT_MODEL, input: 'Iterate me.', stream: true });
    const seen: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of events) seen.push(event);
    expect(seen.map((e) => e.sequence_number)).toEqual(seen.map((_, i) => i));
    expect(seen[seen.length - 1]?.type).toBe('response.completed');
  });

  it('function calls, streamed and not: arguments that validate against the tool parameters', async () => {
    const compiled = compileToolSchema(WEATHER_PARAMETERS);
    const plain = await client.responses.create({ model: CHAT_MODEL, input: 'Weather?', tools, tool_choice: 'required' });
    const call = functionCall(plain.output[0]);
    expect(compiled.ok && compiled.validate(JSON.parse(call.arguments))).toEqual([]);
    const stream = client.responses.stream({ model: CHAT_MODEL, input: 'Weather?', tools, tool_choice: { type: 'function', name: 'get_weather' } });
    const argumentDeltas: string[] = [];
    stream.on('response.function_call_arguments.delta', (event) => argumentDeltas.push(event.delta));
    const streamed = await stream.finalResponse();
    expect(functionCall(streamed.output[0]).arguments).toBe(argumentDeltas.join(''));
    expect(functionCall(streamed.output[0]).arguments).toBe(call.arguments);
  });

  it('a tool round trip through previous_response_id', async () => {
    const first = await client.responses.create({ model: CHAT_MODEL, input: 'Weather?', tools, tool_choice: 'required' });
    const call = functionCall(first.output[0]);
    const answer = await client.responses.create({
      model: CHAT_MODEL,
      previous_response_id: first.id,
      tools,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '21°C' }],
    });
    expect(answer.output_text).toBe('Tool result received: 21°C');
  });

  it('an incomplete response: status and reason, for stream and non-stream', async () => {
    const body = { model: CHAT_MODEL, input: 'A long enough sentence to be cut well before its end by sixteen output tokens, surely.', max_output_tokens: 16 };
    const plain = await client.responses.create(body);
    expect(plain).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    const streamed = await client.responses.stream(body).finalResponse();
    expect(streamed).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });

  it('responses.retrieve, inputItems.list (paged), delete', async () => {
    const input = Array.from({ length: 5 }, (_, i) => ({ role: 'user' as const, content: `item ${i}` }));
    const created = await client.responses.create({ model: CHAT_MODEL, input });
    expect(await client.responses.retrieve(created.id)).toEqual(created);
    const ids: string[] = [];
    for await (const item of client.responses.inputItems.list(created.id, { limit: 2 })) ids.push(item.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    await client.responses.delete(created.id);
    await expect(client.responses.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('background: created queued, polled with retrieve to completed; cancel', async () => {
    const created = await client.responses.create({ model: CHAT_MODEL, input: 'Poll me.', background: true });
    expect(created.status).toBe('queued');
    let polled = created;
    const statuses: string[] = [];
    while (polled.status === 'queued' || polled.status === 'in_progress') {
      polled = await client.responses.retrieve(created.id);
      statuses.push(String(polled.status));
    }
    expect(statuses).toEqual(['in_progress', 'completed']);
    expect(polled.output_text).toBe('Poll me.');
    const other = await client.responses.create({ model: CHAT_MODEL, input: 'Cancel me.', background: true });
    expect((await client.responses.cancel(other.id)).status).toBe('cancelled');
  });

  it('responses.stream({ response_id }) replays a stored response', async () => {
    const created = await client.responses.create({ model: CHAT_MODEL, input: 'Replay me.' });
    const replayed = await client.responses.stream({ response_id: created.id }).finalResponse();
    expect(plainJson(replayed)).toEqual(plainJson(created));
  });

  it('inputTokens.count equals usage.input_tokens', async () => {
    const body = { model: CHAT_MODEL, instructions: 'Be brief.', input: 'Count me.', tools };
    const { input_tokens } = await client.responses.inputTokens.count(body);
    expect(input_tokens).toBe((await client.responses.create(body)).usage?.input_tokens);
  });

  it('the encrypted reasoning round trip, as Codex CLI does it (store: false)', async () => {
    const base = { model: REASONING_MODEL, store: false, include: ['reasoning.encrypted_content' as const], reasoning: { effort: 'low' as const } };
    const first = await client.responses.create({ ...base, input: 'First.' });
    expect(itemTypes(first)).toEqual(['reasoning', 'message']);
    const reasoning = first.output[0] as OpenAI.Responses.ResponseReasoningItem;
    expect(reasoning.encrypted_content).toEqual(expect.any(String));
    const next = await client.responses.create({
      ...base,
      input: [{ role: 'user', content: 'First.' }, { type: 'reasoning', summary: reasoning.summary, encrypted_content: reasoning.encrypted_content } as OpenAI.Responses.ResponseReasoningItem, { role: 'assistant', content: messageText(first.output[1]) }, { role: 'user', content: 'Second.' }],
    });
    expect(next.output_text).toBe('Second.');
  });

  it('typed errors: BadRequestError, NotFoundError, AuthenticationError, with the envelope fields', async () => {
    const bad = await client.responses.create({ model: CHAT_MODEL, input: 'x', max_output_tokens: 1 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect(bad).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'max_output_tokens', requestID: expect.stringMatching(/^req_/) });
    const missing = await client.responses.create({ model: 'gpt-nope', input: 'x' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'model_not_found' });
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    const stranger = new OpenAI({ apiKey: 'sk-wrong', baseURL: `${server.url}/v1`, maxRetries: 0 });
    await expect(stranger.responses.create({ model: CHAT_MODEL, input: 'x' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const notStreamed = await client.responses.stream({ model: CHAT_MODEL, input: 'x', tool_choice: 'required' }).finalResponse().catch((e: unknown) => e);
    expect(notStreamed).toBeInstanceOf(OpenAI.BadRequestError);
  });
});
