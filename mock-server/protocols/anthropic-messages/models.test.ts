import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { type CatalogModel, DEFAULT_MODELS } from '../../core/model-catalog.ts';
import { anthropicGet, expectAnthropicError, validateAnthropic } from '../../test-support.ts';

const mock = createMockServer({ seed: 'models' });
const ALL = mock.catalog.list().map((m) => m.id);

interface Page {
  data: { id: string }[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

async function page(query = '', server = mock): Promise<Page> {
  const res = await server.fetch(anthropicGet(`/v1/models${query}`));
  const body = (await res.json()) as Page;
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(validateAnthropic('modelList', body)).toEqual([]);
  return body;
}

const ids = (p: Page) => p.data.map((m) => m.id);

describe('GET /v1/models', () => {
  it('lists the catalog newest first, 20 per page by default', async () => {
    const p = await page();
    const first = ALL.slice(0, 20);
    expect(ids(p)).toEqual(first);
    expect(p).toMatchObject({ has_more: ALL.length > 20, first_id: first[0], last_id: first[first.length - 1] });
  });

  it('pages forward with limit and after_id until has_more is false', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const p: Page = await page(`?limit=5${cursor ? `&after_id=${cursor}` : ''}`);
      expect(p.data.length).toBeLessThanOrEqual(5);
      expect([p.first_id, p.last_id]).toEqual([ids(p)[0], ids(p).at(-1)]);
      seen.push(...ids(p));
      if (!p.has_more) break;
      cursor = p.last_id;
    }
    expect(seen).toEqual(ALL);
  });

  it('pages backward with before_id', async () => {
    const p = await page(`?limit=3&before_id=${ALL[5]}`);
    expect(ids(p)).toEqual(ALL.slice(2, 5));
    expect(p.has_more).toBe(true);
    const first = await page(`?limit=3&before_id=${ALL[2]}`);
    expect(ids(first)).toEqual(ALL.slice(0, 2));
    expect(first.has_more).toBe(false);
  });

  it('answers an empty page after the last model, with null ids', async () => {
    const p = await page(`?after_id=${ALL.at(-1)}`);
    expect(p).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
  });

  it('has_more is false when the page ends exactly at the end', async () => {
    const p = await page(`?limit=${ALL.length}`);
    expect(p.has_more).toBe(false);
    expect((await page(`?limit=${ALL.length - 1}`)).has_more).toBe(true);
  });

  it('400 for a limit out of range', async () => {
    await expectAnthropicError(await mock.fetch(anthropicGet('/v1/models?limit=0')), 400, 'invalid_request_error', 'limit: Input should be greater than or equal to 1');
  });

  it('serves a custom catalog', async () => {
    const only: CatalogModel[] = [DEFAULT_MODELS[0]!];
    const p = await page('', createMockServer({ models: only }));
    expect(ids(p)).toEqual([only[0]!.id]);
  });
});

describe('GET /v1/models/{model_id}', () => {
  it('retrieves a model by id, schema-valid', async () => {
    const res = await mock.fetch(anthropicGet('/v1/models/claude-sonnet-4-6'));
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(validateAnthropic('modelInfo', body)).toEqual([]);
    expect(body).toMatchObject({ type: 'model', id: 'claude-sonnet-4-6', display_name: 'Claude Sonnet 4.6', created_at: '2026-02-17T00:00:00Z' });
  });

  it('retrieves a model by alias (answering its canonical id)', async () => {
    const res = await mock.fetch(anthropicGet('/v1/models/claude-haiku-4-5-20251001'));
    expect(((await res.json()) as { id: string }).id).toBe('claude-haiku-4-5');
  });

  it('404 not_found_error for an unknown model', async () => {
    await expectAnthropicError(await mock.fetch(anthropicGet('/v1/models/llama-9')), 404, 'not_found_error', 'model: llama-9');
  });

  it('HEAD answers the headers without a body', async () => {
    const res = await mock.fetch(anthropicGet('/v1/models/claude-sonnet-4-6', {}, 'HEAD'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
