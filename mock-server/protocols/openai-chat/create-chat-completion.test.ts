import { describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { countTokens } from '../../core/token-estimator.ts';
import { WEATHER_SCHEMA } from '../../test-support.ts';
import { CHAT_MODEL, chatBody, chatChunks, chatRequest, chatStreamProblems, joinContent, validateChat, WEATHER_TOOL } from './test-helpers.ts';

const mock = createMockServer({ seed: 'chat', validateOutput: 'throw' });
const PROMPT = 'Hello there, mock.';

interface Choice {
  index: number;
  message: { role: string; content: string | null; refusal: null; tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[] };
  logprobs: { content: { token: string; logprob: number; bytes: number[]; top_logprobs: { token: string; logprob: number }[] }[] } | null;
  finish_reason: string;
}
interface Completion {
  id: string;
  choices: Choice[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number; completion_tokens_details: { reasoning_tokens: number } };
}

async function complete(body: Record<string, unknown>, server = mock): Promise<{ res: Response; completion: Completion }> {
  const res = await server.fetch(chatRequest(body));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const completion = JSON.parse(text) as Completion;
  expect(validateChat('chatCompletion', completion)).toEqual([]);
  return { res, completion };
}

async function stream(body: Record<string, unknown>): Promise<string> {
  const res = await mock.fetch(chatRequest({ ...body, stream: true }));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(chatStreamProblems(text)).toEqual([]);
  return text;
}

describe('POST /v1/chat/completions (JSON)', () => {
  it('answers a schema-valid chat.completion echoing the prompt, as the live API shapes it', async () => {
    const { res, completion } = await complete(chatBody(PROMPT));
    expect(completion).toEqual({
      id: expect.stringMatching(/^chatcmpl-[0-9A-Za-z]{29}$/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: CHAT_MODEL,
      choices: [{ index: 0, message: { role: 'assistant', content: PROMPT, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: countTokens(PROMPT),
        total_tokens: completion.usage.prompt_tokens + countTokens(PROMPT),
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: expect.stringMatching(/^fp_[0-9a-f]{10}$/),
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('openai-') || name.startsWith('x-ratelimit-')))).toEqual({
      'openai-version': '2020-10-01',
      'openai-processing-ms': expect.stringMatching(/^\d+$/),
      'x-ratelimit-limit-requests': '10000',
      'x-ratelimit-limit-tokens': '30000000',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-remaining-tokens': String(30_000_000 - completion.usage.total_tokens),
      'x-ratelimit-reset-requests': '6ms',
      'x-ratelimit-reset-tokens': '0s',
    });
  });

  it('is deterministic: the same request gives the same bytes; another seed, another id', async () => {
    const body = chatBody(PROMPT);
    const [a, b] = await Promise.all([mock.fetch(chatRequest(body)), mock.fetch(chatRequest(body))]);
    expect(await a.text()).toBe(await b.text());
    const other = await complete(body, createMockServer({ seed: 'other' }));
    expect(other.completion.id).not.toBe((await complete(body)).completion.id);
  });

  it('counts prompt tokens for every message, the tools and the system prompt', async () => {
    const plain = (await complete(chatBody(PROMPT))).completion.usage.prompt_tokens;
    const withSystem = (await complete({ ...chatBody(PROMPT), messages: [{ role: 'developer', content: 'Be terse.' }, { role: 'user', content: PROMPT }] })).completion.usage.prompt_tokens;
    const withTools = (await complete(chatBody(PROMPT, { tools: [WEATHER_TOOL] }))).completion.usage.prompt_tokens;
    expect(withSystem).toBeGreaterThan(plain);
    expect(withTools).toBeGreaterThan(plain);
  });

  it('honours stop (string or list) and max_tokens / max_completion_tokens → length', async () => {
    const stopped = (await complete(chatBody(PROMPT, { stop: 'mock' }))).completion.choices[0]!;
    expect(stopped).toMatchObject({ message: { content: 'Hello there, ' }, finish_reason: 'stop' });
    expect((await complete(chatBody(PROMPT, { stop: ['zzz', ','] }))).completion.choices[0]?.message.content).toBe('Hello there');
    for (const limit of [{ max_tokens: 2 }, { max_completion_tokens: 2 }]) {
      const { completion } = await complete(chatBody(PROMPT, limit));
      expect(completion.choices[0]).toMatchObject({ message: { content: 'Hello' }, finish_reason: 'length' });
      expect(completion.usage.completion_tokens).toBe(2);
    }
  });

  it('answers n choices, each with its index and finish_reason; usage bills every choice', async () => {
    const single = (await complete(chatBody(PROMPT))).completion;
    const { completion } = await complete(chatBody(PROMPT, { n: 3 }));
    expect(completion.choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([0, 1, 2].map((i) => [i, PROMPT, 'stop']));
    expect(completion.usage).toMatchObject({ prompt_tokens: single.usage.prompt_tokens, completion_tokens: 3 * single.usage.completion_tokens });
  });

  it('accepts every content part (image_url, input_audio, file) and counts them', async () => {
    const parts = [
      { type: 'text', text: 'Describe these.' },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
      { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
      { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
    ];
    const { completion } = await complete({ model: CHAT_MODEL, messages: [{ role: 'user', content: parts }] });
    expect(completion.choices[0]?.message.content).toBe('Describe these.');
    expect(completion.usage.prompt_tokens).toBeGreaterThan(1000);
  });
});

describe('tool calls', () => {
  const TIME_TOOL = { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string', enum: ['UTC', 'CET'] } }, required: ['zone'] } } };
  const argumentsOf = (choice: Choice | undefined, i = 0) => JSON.parse(choice?.message.tool_calls?.[i]?.function.arguments ?? 'null') as unknown;

  it('tool_choice required: a call whose arguments validate against parameters, content null, finish tool_calls', async () => {
    const { completion } = await complete(chatBody('Weather?', { tools: [WEATHER_TOOL], tool_choice: 'required' }));
    const choice = completion.choices[0]!;
    expect(choice.message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: expect.stringMatching(/^call_[0-9A-Za-z]{24}$/), type: 'function', function: { name: 'get_weather', arguments: expect.any(String) } }],
      refusal: null,
      annotations: [],
    });
    const compiled = compileToolSchema(WEATHER_SCHEMA);
    expect(compiled.ok && compiled.validate(argumentsOf(choice))).toEqual([]);
    expect(choice.finish_reason).toBe('tool_calls');
  });

  it('a named function is called, and finishes with stop as the live API does', async () => {
    const { completion } = await complete(chatBody('Time?', { tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: { type: 'function', function: { name: 'get_time' } } }));
    expect(completion.choices[0]?.message.tool_calls?.map((c) => c.function.name)).toEqual(['get_time']);
    expect(argumentsOf(completion.choices[0])).toEqual({ zone: 'UTC' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('allowed_tools narrows the tools: mode required calls an allowed one, auto answers in text', async () => {
    const allowed = (mode: string) => ({ type: 'allowed_tools', allowed_tools: { mode, tools: [{ type: 'function', function: { name: 'get_time' } }] } });
    const required = (await complete(chatBody('Time?', { tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: allowed('required') }))).completion;
    expect(required.choices[0]?.message.tool_calls?.map((c) => c.function.name)).toEqual(['get_time']);
    const auto = (await complete(chatBody('Time?', { tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: allowed('auto') }))).completion;
    expect(auto.choices[0]).toMatchObject({ message: { content: 'Time?' }, finish_reason: 'stop' });
  });

  it('auto and none answer in text; the deprecated functions/function_call still force a call', async () => {
    for (const tool_choice of ['auto', 'none']) {
      expect((await complete(chatBody('Hi', { tools: [WEATHER_TOOL], tool_choice }))).completion.choices[0]?.message.tool_calls).toBeUndefined();
    }
    const legacy = await complete(chatBody('Weather?', { functions: [WEATHER_TOOL.function], function_call: { name: 'get_weather' } }));
    expect(legacy.completion.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('get_weather');
  });

  it('each of n choices has its own call ids', async () => {
    const { completion } = await complete(chatBody('Weather?', { tools: [WEATHER_TOOL], tool_choice: 'required', n: 2 }));
    const ids = completion.choices.map((c) => c.message.tool_calls?.[0]?.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('answers a tool round trip by quoting the result', async () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21°C' },
    ];
    const { completion } = await complete({ model: CHAT_MODEL, messages, tools: [WEATHER_TOOL] });
    expect(completion.choices[0]?.message.content).toBe('Tool result received: sunny, 21°C');
  });

  it('allowed_tools required with several tools: one call each, in parallel, streamed too', async () => {
    const both = { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [WEATHER_TOOL, TIME_TOOL].map((t) => ({ type: 'function', function: { name: t.function.name } })) } };
    const body = chatBody('Both?', { tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: both });
    const { completion } = await complete(body);
    expect(completion.choices[0]?.message.tool_calls?.map((c) => c.function.name)).toEqual(['get_weather', 'get_time']);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    const chunks = chatChunks(await stream(body));
    const headers = chunks.flatMap((c) => (c.choices as { delta: { tool_calls?: { index: number; id?: string }[] } }[]).flatMap((x) => x.delta.tool_calls ?? []).filter((t) => t.id));
    expect(headers.map((t) => t.index)).toEqual([0, 1]);
    const single = await complete({ ...body, parallel_tool_calls: false });
    expect(single.completion.choices[0]?.message.tool_calls).toHaveLength(1);
  });
});

describe('logprobs, reasoning and structured output', () => {
  it('logprobs: one entry per token, joining to the content; alternatives sorted, the chosen token first', async () => {
    const { completion } = await complete(chatBody('Grüße, world 🐎', { logprobs: true, top_logprobs: 3 }));
    const { content, logprobs } = { content: completion.choices[0]?.message.content, logprobs: completion.choices[0]?.logprobs?.content ?? [] };
    expect(logprobs.map((l) => l.token).join('')).toBe(content);
    for (const entry of logprobs) {
      expect(entry.bytes).toEqual([...new TextEncoder().encode(entry.token)]);
      expect(entry.top_logprobs).toHaveLength(3);
      expect(entry.top_logprobs[0]).toMatchObject({ token: entry.token, logprob: entry.logprob });
      const values = entry.top_logprobs.map((t) => t.logprob);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(values.reduce((sum, v) => sum + Math.exp(v), 0)).toBeLessThanOrEqual(1);
      expect(new Set(entry.top_logprobs.map((t) => t.token)).size).toBe(3);
    }
    const without = (await complete(chatBody('Grüße', { logprobs: true }))).completion.choices[0]?.logprobs?.content ?? [];
    expect(without.every((l) => l.top_logprobs.length === 0)).toBe(true);
  });

  it('reasoning models think unseen: reasoning_tokens in usage, fewer at low effort, none for gpt-4o', async () => {
    const reasoning = async (model: string, extra: Record<string, unknown> = {}) =>
      (await complete({ model, messages: [{ role: 'user', content: PROMPT }], ...extra })).completion;
    const medium = await reasoning('gpt-5');
    expect(medium.choices[0]?.message.content).toBe(PROMPT);
    expect(medium.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    expect(medium.usage.completion_tokens).toBe(countTokens(PROMPT) + medium.usage.completion_tokens_details.reasoning_tokens);
    const low = await reasoning('o4-mini', { reasoning_effort: 'low' });
    expect(low.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    expect(low.usage.completion_tokens_details.reasoning_tokens).toBeLessThan(medium.usage.completion_tokens_details.reasoning_tokens);
    expect((await reasoning('gpt-5', { reasoning_effort: 'none' })).usage.completion_tokens_details.reasoning_tokens).toBe(0);
    expect((await reasoning('gpt-4o')).usage.completion_tokens_details.reasoning_tokens).toBe(0);
    // Other vendors' models through Chat think only when asked.
    expect((await reasoning('claude-sonnet-4-6')).usage.completion_tokens_details.reasoning_tokens).toBe(0);
    expect((await reasoning('claude-sonnet-4-6', { reasoning_effort: 'high' })).usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('a reasoning budget spent before any text finishes with length and empty content', async () => {
    const { completion } = await complete({ model: 'gpt-5', messages: [{ role: 'user', content: PROMPT }], max_completion_tokens: 3 });
    expect(completion.choices[0]).toMatchObject({ message: { content: '' }, finish_reason: 'length' });
    expect(completion.usage.completion_tokens_details.reasoning_tokens).toBe(3);
  });

  it('response_format json_schema: content validates against the schema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } }, required: ['city', 'days'], additionalProperties: false };
    const { completion } = await complete(chatBody('Plan a trip.', { response_format: { type: 'json_schema', json_schema: { name: 'trip', strict: true, schema } } }));
    const compiled = compileToolSchema(schema);
    expect(compiled.ok && compiled.validate(JSON.parse(completion.choices[0]?.message.content ?? ''))).toEqual([]);
  });

  it('response_format json_object: content is a JSON object', async () => {
    const { completion } = await complete(chatBody('Answer in JSON.', { response_format: { type: 'json_object' } }));
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toBeTypeOf('object');
  });
});

describe('POST /v1/chat/completions (stream)', () => {
  it('sends these exact bytes for a short prompt', async () => {
    const text = await stream(chatBody('Hi there', { stream_options: { include_usage: true, include_obfuscation: false } }));
    const first = chatChunks(text)[0] as { id: string; created: number; system_fingerprint: string };
    const head = `{"id":"${first.id}","object":"chat.completion.chunk","created":${first.created},"model":"${CHAT_MODEL}","service_tier":"default","system_fingerprint":"${first.system_fingerprint}"`;
    const frame = (choices: string, usage = 'null') => `data: ${head},"choices":${choices},"usage":${usage}}\n\n`;
    const delta = (d: string, finish = 'null') => `[{"index":0,"delta":${d},"logprobs":null,"finish_reason":${finish}}]`;
    const usage = '{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}';
    expect(text).toBe(
      frame(delta('{"role":"assistant","content":"","refusal":null}')) +
        frame(delta('{"content":"Hi"}')) +
        frame(delta('{"content":" ther"}')) +
        frame(delta('{"content":"e"}')) +
        frame(delta('{}', '"stop"')) +
        frame('[]', usage) +
        'data: [DONE]\n\n',
    );
  });

  it('keeps one id, created and model on every chunk, pads with obfuscation unless told not to, and has no usage key unless asked', async () => {
    const chunks = chatChunks(await stream(chatBody(PROMPT)));
    expect(new Set(chunks.map((c) => `${String(c.id)}|${String(c.created)}|${String(c.model)}`)).size).toBe(1);
    expect(chunks.every((c) => typeof c.obfuscation === 'string' && !('usage' in c))).toBe(true);
    const plain = chatChunks(await stream(chatBody(PROMPT, { stream_options: { include_obfuscation: false } })));
    expect(plain.some((c) => 'obfuscation' in c)).toBe(false);
  });

  it('include_usage: usage null on every choice chunk, then one usage chunk equal to the JSON usage', async () => {
    const body = chatBody(PROMPT, { n: 2, stream_options: { include_usage: true } });
    const chunks = chatChunks(await stream(body));
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(chunks.slice(0, -1).every((c) => c.usage === null && (c.choices as unknown[]).length === 1)).toBe(true);
    const { n: _n, stream_options: _s, ...plain } = body;
    const json = (await complete({ ...plain, n: 2 })).completion;
    expect(last.usage).toEqual(json.usage);
  });

  it('streams n choices interleaved, each opening with its role and closing with its finish_reason', async () => {
    const text = await stream(chatBody(PROMPT, { n: 3, max_tokens: 3 }));
    for (const i of [0, 1, 2]) expect(joinContent(text, i)).toBe('Hello ther');
    const order = chatChunks(text).map((c) => (c.choices as { index: number }[])[0]?.index);
    expect(order.slice(0, 6)).toEqual([0, 1, 2, 0, 1, 2]);
    const finishes = chatChunks(text).flatMap((c) => (c.choices as { finish_reason: string | null; index: number }[]).filter((x) => x.finish_reason !== null));
    expect(finishes).toEqual([0, 1, 2].map((index) => expect.objectContaining({ index, finish_reason: 'length' })));
  });

  it('streams a tool call: header on the role chunk, every delta indexed, arguments in pieces that join to the JSON answer', async () => {
    const body = chatBody('Weather?', { tools: [WEATHER_TOOL], tool_choice: 'required' });
    const chunks = chatChunks(await stream(body));
    const deltas = chunks.map((c) => (c.choices as { delta: { tool_calls?: { index: number; id?: string; function: { name?: string; arguments: string } }[] } }[])[0]!.delta);
    expect(deltas[0]).toEqual({ role: 'assistant', content: null, tool_calls: [expect.objectContaining({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } })], refusal: null });
    const pieces = deltas.slice(1, -1).map((d) => d.tool_calls?.[0]);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p) => p?.index === 0 && p.id === undefined && p.function.name === undefined)).toBe(true);
    const json = (await complete(body)).completion.choices[0]!;
    expect(pieces.map((p) => p?.function.arguments).join('')).toBe(json.message.tool_calls?.[0]?.function.arguments);
    expect((chunks.at(-1)?.choices as { finish_reason: string }[])[0]?.finish_reason).toBe('tool_calls');
  });

  it('streams logprobs chunk by chunk, the same entries as the JSON reply', async () => {
    const body = chatBody('Grüße, world', { logprobs: true, top_logprobs: 2 });
    const chunks = chatChunks(await stream(body));
    const streamed = chunks.flatMap((c) => (c.choices as { logprobs: { content: unknown[] } | null }[]).flatMap((x) => x.logprobs?.content ?? []));
    expect(streamed).toEqual((await complete(body)).completion.choices[0]?.logprobs?.content);
    expect((chunks[0]?.choices as { logprobs: unknown }[])[0]?.logprobs).toEqual({ content: [], refusal: null });
  });

  it('answers JSON when stream is false or absent, whatever the Accept header says', async () => {
    const res = await mock.fetch(chatRequest(chatBody(PROMPT, { stream: false }), { accept: 'text/event-stream' }));
    expect(res.headers.get('content-type')).toBe('application/json');
  });
});
