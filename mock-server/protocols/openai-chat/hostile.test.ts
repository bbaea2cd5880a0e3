import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import type { LifecycleEvents } from '../../core/lifecycle.ts';
import { openaiRequest } from '../openai-common/test-helpers.ts';
import { OUTPUT_TOKEN_BUDGET } from './create-chat-completion.ts';
import { chatBody, chatChunks, WEATHER_TOOL } from './test-helpers.ts';

// Bad bodies get a 4xx in OpenAI's envelope, never a 5xx; the mock's own output never breaks its
// spec (`throw` turns a violation into a 500, which these tests would catch).
const mock = createMockServer({ seed: 'openai-hostile', validateOutput: 'throw' });
const problems: unknown[] = [];
mock.on('error', (e: LifecycleEvents['error']) => problems.push(e.error));
mock.on('violation', (v: LifecycleEvents['violation']) => problems.push(v.diagnostics));

async function answer(path: string, body: unknown, server = mock): Promise<number> {
  const res = await server.fetch(openaiRequest(path, body));
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  if (res.status !== 200) expect(Object.keys(JSON.parse(text) as object), text).toEqual(['error']);
  return res.status;
}

/** JSON text nested `depth` times (`open` + … + `close`): built as text, since JSON.stringify would overflow first. */
const nested = (depth: number, open: string, leaf: string, close: string) => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

/** A chat body (as JSON text) with `json` spliced in as the value of `key`. */
const withRaw = (key: string, json: string, body: Record<string, unknown> = chatBody('x')) => `${JSON.stringify(body).slice(0, -1)},"${key}":${json}}`;

const WRONG_VALUES: unknown[] = [null, true, -1, 1.5, 1e308, '', 'x', [], [null], {}, { __proto__: { polluted: true } }, '\u0000\ud800'];

describe('hostile chat bodies', () => {
  it('every top-level parameter, set to every wrong kind of value, gets a 4xx or a valid reply', async () => {
    const template = chatBody('Hello', { tools: [WEATHER_TOOL], stream: false });
    for (const key of [...Object.keys(template), 'n', 'stop', 'logprobs', 'top_logprobs', 'response_format', 'tool_choice', 'stream_options', 'max_tokens', 'reasoning_effort', 'functions', 'function_call', 'logit_bias', 'metadata', 'prediction']) {
      for (const value of WRONG_VALUES) await answer('/v1/chat/completions', { ...template, [key]: value });
    }
    expect(problems).toEqual([]);
  });

  it('every message field, set to every wrong kind of value', async () => {
    const fields = ['role', 'content', 'name', 'tool_calls', 'tool_call_id', 'refusal', 'function_call'];
    for (const role of ['user', 'assistant', 'system', 'developer', 'tool', 'function']) {
      for (const field of fields) {
        for (const value of WRONG_VALUES) await answer('/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role, content: 'x', [field]: value }] });
      }
    }
    expect(problems).toEqual([]);
  });

  it('deeply nested tool schemas, response schemas, message content and metadata', async () => {
    const deepSchema = nested(20_000, '{"type":"object","properties":{"a":', '{}', '}}');
    await answer('/v1/chat/completions', withRaw('tools', `[{"type":"function","function":{"name":"f","parameters":${deepSchema}}}]`, chatBody('x', { tool_choice: 'required' })));
    await answer('/v1/chat/completions', withRaw('response_format', `{"type":"json_schema","json_schema":{"name":"r","schema":${deepSchema}}}`));
    await answer('/v1/chat/completions', `{"model":"gpt-4o-mini","messages":[{"role":"user","content":${nested(20_000, '[', '1', ']')}}]}`);
    await answer('/v1/chat/completions', withRaw('metadata', nested(20_000, '{"a":', '1', '}')));
    await answer('/v1/chat/completions', withRaw('parallel_tool_calls', nested(100_000, '[', '', ']')));
    // Tool-call arguments are JSON text: nested 50,000 deep, they are kept as text, not walked.
    const call = { id: 'c', type: 'function', function: { name: 'f', arguments: nested(50_000, '[', '', ']') } };
    await answer('/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }, { role: 'assistant', tool_calls: [call] }, { role: 'tool', tool_call_id: 'c', content: 'r' }] });
    expect(problems).toEqual([]);
  });

  it('self-referencing and unsatisfiable tool schemas, catastrophic patterns', async () => {
    const schemas = [
      { type: 'object', properties: { a: { $ref: '#' } }, required: ['a'] },
      { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } }, required: ['a'] },
      { type: 'object', properties: { a: { not: {} } }, required: ['a'] },
      { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } },
      { type: 'object', minProperties: 1000 },
    ];
    // An unsatisfiable schema is the mock's shortfall: answered (200) and reported, never hidden.
    const reporting = createMockServer({ seed: 'openai-hostile' });
    const shortfalls: unknown[] = [];
    reporting.on('violation', (v) => shortfalls.push(v.diagnostics));
    const statuses: number[] = [];
    for (const parameters of schemas) {
      statuses.push(await answer('/v1/chat/completions', chatBody('x', { tools: [{ type: 'function', function: { name: 'f', parameters } }], tool_choice: 'required' }), reporting));
    }
    expect(statuses.every((status) => status === 200 || status === 400)).toBe(true);
    expect(shortfalls.length).toBeGreaterThan(0);
  });

  it('huge n with a long prompt and logprobs stays within the output budget (memory stays bounded)', async () => {
    const prompt = 'word '.repeat(20_000);
    const res = await mock.fetch(openaiRequest('/v1/chat/completions', chatBody(prompt, { n: 128, logprobs: true, top_logprobs: 5, stream: true, stream_options: { include_usage: true } })));
    const text = await res.text();
    expect(res.status).toBe(200);
    const usage = chatChunks(text).at(-1)?.usage as { completion_tokens: number };
    expect(usage.completion_tokens).toBeLessThanOrEqual(OUTPUT_TOKEN_BUDGET);
    const finishes = chatChunks(text).flatMap((c) => (c.choices as { finish_reason: string | null }[]).map((x) => x.finish_reason).filter((f) => f !== null));
    expect(finishes).toEqual(new Array(128).fill('length'));
  });

  it('hostile embedding bodies', async () => {
    for (const input of [null, {}, [[]], [[-1]], [1.5], [[1], 'a'], 'x'.repeat(100_000), new Array(2049).fill('a')]) {
      await answer('/v1/embeddings', { model: 'text-embedding-3-small', input });
    }
    for (const dimensions of [0, -1, 1.5, 1e9, '8']) await answer('/v1/embeddings', { model: 'text-embedding-3-small', input: 'a', dimensions });
    await answer('/v1/embeddings', `{"model":"text-embedding-3-small","input":${nested(20_000, '[', '1', ']')}}`);
    expect(problems).toEqual([]);
  });
});
