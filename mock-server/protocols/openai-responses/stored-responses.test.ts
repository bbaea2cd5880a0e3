import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import {
  type ApiResponse,
  CHAT_MODEL,
  expectOpenAIError,
  finalResponse,
  functionCall,
  messageText,
  responsesGet,
  responsesRequest,
  responsesStreamProblems,
  streamEvents,
  validateResponses,
  WEATHER_TOOL,
} from './test-support.ts';

const mock = createMockServer({ seed: 'responses-stored', validateOutput: 'throw' });

async function json<T = ApiResponse>(request: Request, status = 200): Promise<T> {
  const res = await mock.fetch(request);
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}
const create = (body: Record<string, unknown>) => json(responsesRequest(body));
const retrieve = (id: string) => json(responsesGet(`/v1/responses/${id}`));

describe('store and GET /v1/responses/{id}', () => {
  it('returns the stored response exactly as created', async () => {
    const created = await create({ model: CHAT_MODEL, input: 'Remember me.' });
    expect(await retrieve(created.id)).toEqual(created);
  });

  it('with store: false nothing is kept: GET and previous_response_id answer 404', async () => {
    const created = await create({ model: CHAT_MODEL, input: 'Forget me.', store: false });
    expect(created).toMatchObject({ store: false });
    await expectOpenAIError(await mock.fetch(responsesGet(`/v1/responses/${created.id}`)), { status: 404, param: 'response_id', message: `Response with id '${created.id}' not found.` });
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', previous_response_id: created.id })), {
      status: 404,
      param: 'previous_response_id',
      code: 'previous_response_not_found',
      message: `Previous response with id '${created.id}' not found.`,
    });
  });

  it('DELETE forgets it: the confirmation, then 404', async () => {
    const created = await create({ model: CHAT_MODEL, input: 'Delete me.' });
    const deleted = await json(responsesGet(`/v1/responses/${created.id}`, 'DELETE'));
    expect(deleted).toEqual({ id: created.id, object: 'response', deleted: true });
    expect(validateResponses('deletedResponse', deleted)).toEqual([]);
    await expectOpenAIError(await mock.fetch(responsesGet(`/v1/responses/${created.id}`, 'DELETE')), { status: 404, message: `Response with id '${created.id}' not found.` });
  });

  it('streams a stored response again with stream=true, as the first stream sent it', async () => {
    const body = { model: CHAT_MODEL, input: 'Stream me twice.', stream: true };
    const first = await (await mock.fetch(responsesRequest(body))).text();
    const id = (finalResponse(streamEvents(first)).id as string);
    const res = await mock.fetch(responsesGet(`/v1/responses/${id}?stream=true`));
    const again = await res.text();
    expect(responsesStreamProblems(again)).toEqual([]);
    // Ids and text are the same; only the obfuscation padding is seeded differently.
    const strip = (text: string) => streamEvents(text).map(({ obfuscation: _o, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(first));
    await expectOpenAIError(await mock.fetch(responsesGet(`/v1/responses/${id}?stream=true&starting_after=3`)), { status: 400, param: 'starting_after', message: /starting_after is not supported/ });
  });
});

describe('previous_response_id', () => {
  it('continues a conversation: prior input and output count as input, instructions do not carry over', async () => {
    const first = await create({ model: CHAT_MODEL, instructions: 'Be brief.', input: 'My name is Ada.' });
    const alone = await create({ model: CHAT_MODEL, input: 'What is my name?', store: false });
    const next = await create({ model: CHAT_MODEL, input: 'What is my name?', previous_response_id: first.id });
    expect(next.previous_response_id).toBe(first.id);
    expect(next.instructions).toBeNull();
    expect(messageText(next.output[0])).toBe('What is my name?');
    expect(next.usage!.input_tokens).toBeGreaterThan(alone.usage!.input_tokens);
  });

  it('answers a function call of the previous response with only its output', async () => {
    const call = await create({ model: CHAT_MODEL, input: 'Weather in Paris?', tools: [WEATHER_TOOL], tool_choice: 'required' });
    const { call_id } = functionCall(call.output[0]);
    const answer = await create({ model: CHAT_MODEL, previous_response_id: call.id, tools: [WEATHER_TOOL], input: [{ type: 'function_call_output', call_id, output: 'Sunny, 21°C' }] });
    expect(messageText(answer.output[0])).toBe('Tool result received: Sunny, 21°C');
  });

  it('refuses an output for a call that is nowhere in the context, and the same item twice', async () => {
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: [{ type: 'function_call_output', call_id: 'call_nope', output: 'x' }] })), {
      status: 400,
      param: 'input',
      message: 'No tool call found for function call output with call_id call_nope.',
    });
    const first = await create({ model: CHAT_MODEL, input: 'Hello.' });
    const message = first.output[0]!.id!;
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, previous_response_id: first.id, input: [{ type: 'item_reference', id: message }] })), {
      status: 400,
      message: `Duplicate item found with id ${message}. Remove duplicate items from your input and try again.`,
    });
  });
});

describe('item references', () => {
  it('resolve stored items by id (the Vercel AI SDK sends them, with or without type)', async () => {
    const call = await create({ model: CHAT_MODEL, input: 'Weather?', tools: [WEATHER_TOOL], tool_choice: 'required' });
    const { id, call_id } = functionCall(call.output[0]);
    const answer = await create({
      model: CHAT_MODEL,
      tools: [WEATHER_TOOL],
      input: [{ role: 'user', content: 'Weather?' }, { id }, { type: 'function_call_output', call_id, output: 'Rain' }],
    });
    expect(messageText(answer.output[0])).toBe('Tool result received: Rain');
  });

  it('an unknown id is 404, with the API\'s hint when the request does not store', async () => {
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: [{ type: 'item_reference', id: 'msg_missing' }] })), {
      status: 404,
      param: 'input[0]',
      message: "Item with id 'msg_missing' not found.",
    });
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, store: false, input: [{ type: 'item_reference', id: 'msg_missing' }] })), {
      status: 404,
      message: /^Item with id 'msg_missing' not found\. Items are not persisted when `store` is set to false\./,
    });
  });
});

describe('GET /v1/responses/{id}/input_items', () => {
  const input = ['one', 'two', 'three', 'four', 'five'].map((text) => ({ role: 'user', content: text }));

  it('lists the stored input items with ids, newest first, in pages', async () => {
    const created = await create({ model: CHAT_MODEL, input });
    type Page = OpenAI.Responses.ResponseItemList;
    const page = await json<Page>(responsesGet(`/v1/responses/${created.id}/input_items?limit=2`));
    expect(validateResponses('inputItemList', page)).toEqual([]);
    expect(page.data.map((item) => (item as OpenAI.Responses.ResponseInputMessageItem).content)).toEqual([
      [{ type: 'input_text', text: 'five' }],
      [{ type: 'input_text', text: 'four' }],
    ]);
    expect(page).toMatchObject({ object: 'list', has_more: true, first_id: page.data[0]!.id, last_id: page.data[1]!.id });
    expect(page.data[0]).toMatchObject({ id: expect.stringMatching(/^msg_[0-9a-f]{50}$/), type: 'message', status: 'completed', role: 'user' });
    const rest = await json<Page>(responsesGet(`/v1/responses/${created.id}/input_items?limit=10&after=${page.last_id}`));
    expect(rest.data).toHaveLength(3);
    expect(rest.has_more).toBe(false);
    const asc = await json<Page>(responsesGet(`/v1/responses/${created.id}/input_items?order=asc`));
    expect(asc.data.map((item) => item.id)).toEqual([...page.data, ...rest.data].map((item) => item.id).reverse());
  });

  it('refuses bad paging parameters and unknown responses', async () => {
    const created = await create({ model: CHAT_MODEL, input: 'x' });
    await expectOpenAIError(await mock.fetch(responsesGet(`/v1/responses/${created.id}/input_items?limit=500`)), { status: 400, param: 'limit', message: /less than or equal to 100/ });
    await expectOpenAIError(await mock.fetch(responsesGet(`/v1/responses/${created.id}/input_items?order=up`)), { status: 400, param: 'order', message: /'asc' or 'desc'/ });
    await expectOpenAIError(await mock.fetch(responsesGet('/v1/responses/resp_nope/input_items')), { status: 404, message: "Response with id 'resp_nope' not found." });
  });
});

describe('background mode', () => {
  it('is created queued, and each poll moves it on: in_progress, then completed with its output', async () => {
    const created = await create({ model: CHAT_MODEL, input: 'In the background.', background: true });
    expect(validateResponses('response', created)).toEqual([]);
    expect(created).toMatchObject({ status: 'queued', background: true, output: [], usage: null });
    expect((await mock.fetch(responsesGet(`/v1/responses/${created.id}`, 'HEAD'))).status).toBe(200);
    expect(await retrieve(created.id)).toMatchObject({ status: 'in_progress', output: [] });
    const done = await retrieve(created.id);
    expect(done).toMatchObject({ status: 'completed', background: true });
    expect(messageText(done.output[0])).toBe('In the background.');
    expect(await retrieve(created.id)).toEqual(done);
  });

  it('cancel stops an unfinished one, is harmless twice and on a finished one, and refuses a foreground one', async () => {
    const created = await create({ model: CHAT_MODEL, input: 'Cancel me.', background: true });
    const cancelled = await json(responsesRequest('', `/v1/responses/${created.id}/cancel`));
    expect(cancelled).toMatchObject({ id: created.id, status: 'cancelled', output: [] });
    expect(await json(responsesRequest('', `/v1/responses/${created.id}/cancel`))).toEqual(cancelled);
    expect(await retrieve(created.id)).toEqual(cancelled);

    const finished = await create({ model: CHAT_MODEL, input: 'Finish me.', background: true });
    await retrieve(finished.id);
    const done = await retrieve(finished.id);
    expect(await json(responsesRequest('', `/v1/responses/${finished.id}/cancel`))).toEqual(done);

    const foreground = await create({ model: CHAT_MODEL, input: 'Too late.' });
    await expectOpenAIError(await mock.fetch(responsesRequest('', `/v1/responses/${foreground.id}/cancel`)), { status: 400, message: 'Cannot cancel a synchronous response.' });
  });

  it('streams created and queued as queued, then runs to the end; the stored response is then complete', async () => {
    const res = await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'Background stream.', background: true, stream: true }));
    const events = streamEvents(await res.text());
    expect(events.slice(0, 3).map((e) => [e.type, (e.response as { status: string }).status])).toEqual([
      ['response.created', 'queued'],
      ['response.queued', 'queued'],
      ['response.in_progress', 'in_progress'],
    ]);
    const final = finalResponse(events);
    expect(await retrieve(final.id as string)).toEqual(final);
    // A finished background response: cancelling returns it unchanged.
    expect(await json(responsesRequest('', `/v1/responses/${String(final.id)}/cancel`))).toEqual(final);
  });
});

describe('bounded storage', () => {
  it('forgets the least recently used responses past the entry limit, as an expired id (404)', async () => {
    const small = createMockServer({ seed: 'bounded', stateLimit: 8, validateOutput: 'throw' });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(((await (await small.fetch(responsesRequest({ model: CHAT_MODEL, input: `n${i}` }))).json()) as ApiResponse).id);
    expect((await small.fetch(responsesGet(`/v1/responses/${ids[0]}`))).status).toBe(404);
    expect((await small.fetch(responsesGet(`/v1/responses/${ids[19]}`))).status).toBe(200);
  });

  it('a request with more items than the state holds entries is still stored (its input items are not all indexed)', async () => {
    const small = createMockServer({ seed: 'bounded-items', stateLimit: 50, validateOutput: 'throw' });
    const input = Array.from({ length: 200 }, (_, i) => ({ role: 'user', content: `item ${i}` }));
    const created = (await (await small.fetch(responsesRequest({ model: CHAT_MODEL, input }))).json()) as ApiResponse;
    const res = await small.fetch(responsesGet(`/v1/responses/${created.id}`));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);
  });

  it('forgets huge stored responses by size, keeping the newest', async () => {
    const small = createMockServer({ seed: 'bounded-bytes', stateMaxBytes: 300_000, validateOutput: 'throw' });
    const big = 'x'.repeat(100_000);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(((await (await small.fetch(responsesRequest({ model: CHAT_MODEL, input: [{ role: 'user', content: `${i}${big}` }], max_output_tokens: 16 }))).json()) as ApiResponse).id);
    const kept = await Promise.all(ids.map(async (id) => (await small.fetch(responsesGet(`/v1/responses/${id}`))).status));
    expect(kept.slice(0, 3)).toEqual([404, 404, 404]);
    expect(kept[5]).toBe(200);
  });
});
