import { describe, expect, it } from 'vitest';
import { createMockServer } from './create-mock-server.ts';
import { TOOL } from './core/version.ts';
import { anthropicGet, anthropicRequest, messageBody, toolBody, WEATHER_SCHEMA } from './test-support.ts';

const REQUESTS: Record<string, () => Request> = {
  json: () => anthropicRequest(messageBody('Same request, same bytes.')),
  stream: () => anthropicRequest(messageBody('Same request, same bytes.', { stream: true })),
  'forced tool, streamed': () => anthropicRequest(toolBody(WEATHER_SCHEMA, { stream: true })),
  thinking: () => anthropicRequest(messageBody('think', { max_tokens: 3000, thinking: { type: 'enabled', budget_tokens: 2000 } })),
  error: () => anthropicRequest(messageBody('x', { model: 'nope' })),
  models: () => anthropicGet('/v1/models?limit=3'),
};

async function snapshot(res: Response) {
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

describe('determinism', () => {
  it('two servers with the same seed answer the same requests with byte-identical responses', async () => {
    const a = createMockServer({ seed: 42 });
    const b = createMockServer({ seed: 42 });
    for (const [name, make] of Object.entries(REQUESTS)) {
      const [ra, rb] = [await snapshot(await a.fetch(make())), await snapshot(await b.fetch(make()))];
      expect(ra, name).toEqual(rb);
      expect(ra.body.length, name).toBeGreaterThan(0);
    }
  });

  it('the same request twice on one server gets the same body (only the request id differs)', async () => {
    const mock = createMockServer({ seed: 'one' });
    for (const make of [REQUESTS.json!, REQUESTS.stream!]) {
      const [first, second] = [await mock.fetch(make()), await mock.fetch(make())];
      expect(first.headers.get('request-id')).not.toBe(second.headers.get('request-id'));
      expect(await first.text()).toBe(await second.text());
    }
  });

  it('a different seed changes the ids, not the content', async () => {
    const [a, b] = [createMockServer({ seed: 1 }), createMockServer({ seed: 2 })];
    const [ra, rb] = [await a.fetch(REQUESTS.json!()), await b.fetch(REQUESTS.json!())];
    expect(ra.headers.get('request-id')).not.toBe(rb.headers.get('request-id'));
    const [ma, mb] = [(await ra.json()) as Record<string, unknown>, (await rb.json()) as Record<string, unknown>];
    expect(ma.id).not.toBe(mb.id);
    expect({ ...ma, id: undefined }).toEqual({ ...mb, id: undefined });
  });

  it('the default seed is fixed (0)', async () => {
    const [a, b] = [createMockServer(), createMockServer({ seed: 0 })];
    expect(await (await a.fetch(REQUESTS.json!())).text()).toBe(await (await b.fetch(REQUESTS.json!())).text());
  });

  it('request ids follow the request sequence, whatever the requests are', async () => {
    const [a, b] = [createMockServer({ seed: 's' }), createMockServer({ seed: 's' })];
    const idsA = [];
    const idsB = [];
    for (const make of [REQUESTS.json!, REQUESTS.error!, REQUESTS.models!]) idsA.push((await a.fetch(make())).headers.get('request-id'));
    for (const make of [REQUESTS.models!, REQUESTS.stream!, REQUESTS.json!]) idsB.push((await b.fetch(make())).headers.get('request-id'));
    expect(idsA).toEqual(idsB);
    expect(new Set(idsA).size).toBe(3);
  });
});

describe('GET / and HEAD /', () => {
  const mock = createMockServer();

  it('GET / answers the server info without credentials', async () => {
    const res = await mock.fetch(new Request('http://mock.test/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ name: TOOL.name, version: TOOL.version, protocols: ['anthropic-messages', 'gemini', 'openai-responses'], models: mock.catalog.list().length });
  });

  it('HEAD / (Claude Code’s connectivity probe) answers 200 without a body', async () => {
    const res = await mock.fetch(new Request('http://mock.test/', { method: 'HEAD', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('POST / is not found', async () => {
    expect((await mock.fetch(new Request('http://mock.test/', { method: 'POST', body: '{}' }))).status).toBe(404);
  });
});

describe('createMockServer options', () => {
  it('exposes its protocols and catalog', () => {
    const mock = createMockServer();
    expect(mock.protocols.map((p) => p.spec.id)).toEqual(['anthropic-messages', 'gemini', 'openai-responses']);
    expect(mock.catalog.find('claude-sonnet-4-6')).toBeDefined();
  });

  it('refuses an empty protocol list', () => {
    expect(() => createMockServer({ protocols: [] })).toThrow(/no protocol is enabled/);
  });
});
