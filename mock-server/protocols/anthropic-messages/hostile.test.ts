import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import type { LifecycleEvents } from '../../core/lifecycle.ts';
import { anthropicRequest, expectAnthropicError, MODEL, messageBody } from '../../test-support.ts';

// Issue 6, item 8: one request must not take the mock down. A caller's schema and text are
// untrusted: each class of hostile input is answered (as the real API would: a reply cut by
// max_tokens, or a clear 400) without a 5xx, and the mock serves the next request. The vitest
// timeout is the time bound; nothing here measures time.
const mock = createMockServer({ seed: 'hostile', validateOutput: 'report' });
const errors: LifecycleEvents['error'][] = [];
mock.on('error', (e) => errors.push(e));

type Schema = Record<string, unknown>;
const forced = (schema: Schema, extra: Schema = {}) =>
  messageBody('Use the tool.', { max_tokens: 128_000, tools: [{ name: 'hostile', input_schema: schema }], tool_choice: { type: 'any' }, ...extra });
const structured = (schema: Schema, extra: Schema = {}) => messageBody('Answer in JSON.', { max_tokens: 128_000, output_config: { format: { type: 'json_schema', schema } }, ...extra });
const wrap = (property: Schema): Schema => ({ type: 'object', properties: { v: property }, required: ['v'] });

async function send(body: unknown, path?: string) {
  const res = await mock.fetch(anthropicRequest(body, {}, path));
  return { res, text: await res.text() };
}

const raw = (body: unknown) => mock.fetch(anthropicRequest(body));

async function stillServes(): Promise<void> {
  const { res, text } = await send(messageBody('still here'));
  expect(res.status).toBe(200);
  expect((JSON.parse(text) as { content: { text: string }[] }).content[0]?.text).toBe('still here');
  expect(errors).toEqual([]);
}

/** A reply that stopped at the output budget without the value: what the real API does with an impossible size. */
async function expectCutByBudget(body: unknown): Promise<void> {
  const { res, text } = await send(body);
  expect(res.status, text.slice(0, 300)).toBe(200);
  expect(JSON.parse(text)).toMatchObject({ content: [], stop_reason: 'max_tokens' });
}

// Each value needs far more output than 128,000 tokens can hold.
const HUGE: Record<string, Schema> = {
  'minLength: 200,000,000': wrap({ type: 'string', minLength: 200_000_000 }),
  'minItems: 100,000,000': wrap({ type: 'array', minItems: 100_000_000 }),
  'minItems of long strings': wrap({ type: 'array', minItems: 10_000, items: { type: 'string', minLength: 1_000 } }),
  'minProperties-free wide object': { type: 'object', required: Array.from({ length: 200_000 }, (_, i) => `p${i}`) },
};

describe('hostile schemas: sizes beyond any output budget', () => {
  for (const [name, schema] of Object.entries(HUGE)) {
    it(`forced tool, ${name}: stops at max_tokens without the call`, async () => {
      await expectCutByBudget(forced(schema));
      await stillServes();
    });
    it(`structured output, ${name}: stops at max_tokens without the text`, async () => {
      await expectCutByBudget(structured(schema));
      await stillServes();
    });
  }

  it('exponential $ref fan-out is cut by the same budget', async () => {
    const $defs: Record<string, Schema> = { d30: { type: 'string', minLength: 50 } };
    for (let i = 29; i >= 0; i--) $defs[`d${i}`] = { type: 'object', properties: { x: { $ref: `#/$defs/d${i + 1}` }, y: { $ref: `#/$defs/d${i + 1}` } }, required: ['x', 'y'] };
    const { res } = await send(structured({ type: 'object', $defs, properties: { r: { $ref: '#/$defs/d0' } }, required: ['r'] }, { stream: true }));
    expect(res.status).toBe(200);
    await stillServes();
  });

  it('a recursive required $ref ends at the depth bound (reported, not hidden)', async () => {
    const seen: LifecycleEvents['violation'][] = [];
    const off = mock.on('violation', (v) => seen.push(v));
    const { res } = await send(forced({ type: 'object', $defs: { n: { type: 'object', properties: { c: { $ref: '#/$defs/n' } }, required: ['c'] } }, properties: { r: { $ref: '#/$defs/n' } }, required: ['r'] }));
    off();
    expect(res.status).toBe(200);
    expect(seen.length).toBe(1);
    await stillServes();
  });
});

describe('hostile schemas: what the mock cannot answer within its bounds is a clear 400', () => {
  it('a uniqueItems array longer than the bound (validating one is quadratic)', async () => {
    await expectAnthropicError(await raw(forced(wrap({ type: 'array', minItems: 5_000, uniqueItems: true, items: { type: 'object' } }))), 400, 'invalid_request_error', /^tool "hostile": a uniqueItems array of 5000 items exceeds the mock's bound of 1000; the mock cannot answer this request within its bounds$/);
    await stillServes();
  });

  it('a 10,000-level input_schema is a 400, not a 500', async () => {
    const depth = 10_000;
    const schema = '{"type":"object","properties":{"a":'.repeat(depth) + '{"type":"string"}' + '},"required":["a"]}'.repeat(depth);
    const body = `{"model":"${MODEL}","max_tokens":100,"messages":[{"role":"user","content":"x"}],"tools":[{"name":"t","input_schema":${schema}}],"tool_choice":{"type":"any"}}`;
    await expectAnthropicError(await raw(body), 400, 'invalid_request_error', /the body nests deeper than 256 levels$/);
    await stillServes();
  });

  it('a schema nested past the schema bound (but within the body bound) is an invalid input_schema', async () => {
    let schema: Schema = { type: 'string' };
    for (let i = 0; i < 70; i++) schema = wrap(schema);
    await expectAnthropicError(await raw(forced(schema)), 400, 'invalid_request_error', /^tools\.0\.input_schema: JSON schema is invalid/);
    await expectAnthropicError(await raw(structured(schema)), 400, 'invalid_request_error', /^output_config\.format\.schema: JSON schema is invalid - schema nests deeper than 128 levels$/);
    await stillServes();
  });
});

describe('hostile patterns run on a linear-time engine', () => {
  it('^example(x+x+)+y$ with minLength 38 (exponential for a backtracking engine) is answered with a matching value', async () => {
    const seen: LifecycleEvents['violation'][] = [];
    const off = mock.on('violation', (v) => seen.push(v));
    const tool = await send(forced(wrap({ type: 'string', pattern: '^example(x+x+)+y$', minLength: 38 })));
    const input = (JSON.parse(tool.text) as { content: { input: { v: string } }[] }).content[0]?.input.v ?? '';
    expect(input).toMatch(/^examplex+y$/);
    expect(input.length).toBeGreaterThanOrEqual(38);
    const json = await send(structured(wrap({ type: 'string', pattern: '^(a|a)*$', minLength: 5_000 })));
    expect(json.res.status).toBe(200);
    off();
    expect(seen).toEqual([]);
    await stillServes();
  });

  it('a pattern the generator cannot meet (its maxLength forbids it) is answered, and the miss reported', async () => {
    const seen: LifecycleEvents['violation'][] = [];
    const off = mock.on('violation', (v) => seen.push(v));
    const { res } = await send(forced(wrap({ type: 'string', pattern: '^(x+x+)+y$', minLength: 30, maxLength: 20 })));
    off();
    expect(res.status).toBe(200);
    expect(seen.flatMap((v) => v.diagnostics.map((d) => d.keyword))).toContain('pattern');
    await stillServes();
  });

  it('a pattern that is not an ECMA-262 regular expression is an invalid schema', async () => {
    await expectAnthropicError(await raw(forced(wrap({ type: 'string', pattern: '(unclosed' }))), 400, 'invalid_request_error', /^tools\.0\.input_schema: JSON schema is invalid/);
  });
});

describe('hostile text', () => {
  const punctuation = '!?.,;:'.repeat(5_000_000); // 30 MB, one token per character

  it('a 30 MB message of punctuation is counted and echoed up to max_tokens', async () => {
    const counted = await send({ model: MODEL, messages: [{ role: 'user', content: punctuation }] }, '/v1/messages/count_tokens');
    expect(JSON.parse(counted.text)).toEqual({ input_tokens: punctuation.length + 7 });
    const { res, text } = await send(messageBody(punctuation, { max_tokens: 1_000 }));
    expect(res.status).toBe(200);
    const message = JSON.parse(text) as { content: { text: string }[]; stop_reason: string; usage: { output_tokens: number } };
    expect(message).toMatchObject({ stop_reason: 'max_tokens', usage: { output_tokens: 1_000 } });
    expect(message.content[0]?.text).toBe(punctuation.slice(0, 1_000));
    await stillServes();
  });
});
