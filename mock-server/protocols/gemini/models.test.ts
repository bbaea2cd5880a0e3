import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { DEFAULT_MODELS } from '../../core/model-catalog.ts';
import { ANTHROPIC_HEADERS, ORIGIN } from '../../test-support.ts';
import { DEFAULT_PAGE_SIZE } from './models.ts';
import { expectGoogleError, GEMINI_KEY, geminiGet, validateGemini } from './test-support.ts';

const mock = createMockServer({ seed: 'gemini-models', validateOutput: 'throw' });

interface Page {
  models: { name: string; supportedGenerationMethods: string[]; thinking?: boolean }[];
  nextPageToken?: string;
}

async function page(query = '', version = 'v1beta'): Promise<Page> {
  const res = await mock.fetch(geminiGet(`/${version}/models${query}`));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const body = JSON.parse(text) as Page;
  expect(validateGemini('listModelsResponse', body)).toEqual([]);
  return body;
}

describe('GET /v1beta/models', () => {
  it('lists every catalog model as models/<id>, newest first, in one default page', async () => {
    const body = await page();
    expect(DEFAULT_MODELS.length).toBeLessThanOrEqual(DEFAULT_PAGE_SIZE);
    expect(body.nextPageToken).toBeUndefined();
    expect(body.models.map((m) => m.name)).toEqual(mock.catalog.list().map((m) => `models/${m.id}`));
  });

  it('pages with pageSize and pageToken until the last page, which has no token', async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const body = await page(`?pageSize=4${token ? `&pageToken=${token}` : ''}`);
      expect(body.models.length).toBeLessThanOrEqual(4);
      names.push(...body.models.map((m) => m.name));
      token = body.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(DEFAULT_MODELS.length / 4));
    expect(names).toEqual((await page()).models.map((m) => m.name));
  });

  it('lists generation methods for generation models and embedContent for embedding models', async () => {
    const { models } = await page();
    expect(models.find((m) => m.name === 'models/gemini-2.5-flash')).toMatchObject({ supportedGenerationMethods: ['generateContent', 'countTokens'], thinking: true });
    expect(models.find((m) => m.name === 'models/gemini-embedding-001')?.supportedGenerationMethods).toEqual(['embedContent', 'countTokens']);
  });

  it('refuses a page token it did not issue, and a negative pageSize', async () => {
    await expectGoogleError(await mock.fetch(geminiGet('/v1beta/models?pageToken=bogus')), 400, 'INVALID_ARGUMENT', 'Invalid page token.');
    expect((await mock.fetch(geminiGet('/v1beta/models?pageSize=-1'))).status).toBe(400);
  });
});

describe('GET /v1beta/models/{model}', () => {
  it('answers one model with its limits', async () => {
    const res = await mock.fetch(geminiGet('/v1beta/models/gemini-2.5-pro'));
    const model = (await res.json()) as Record<string, unknown>;
    expect(validateGemini('model', model)).toEqual([]);
    expect(model).toMatchObject({ name: 'models/gemini-2.5-pro', displayName: 'Gemini 2.5 Pro', inputTokenLimit: 1_048_576, outputTokenLimit: 65_536, thinking: true });
  });

  it('answers an unknown model with the API’s 404', async () => {
    await expectGoogleError(await mock.fetch(geminiGet('/v1beta/models/nope-model-9')), 404, 'NOT_FOUND', 'Model is not found: models/nope-model-9 for api version v1beta');
  });
});

describe('the shared GET /v1/models', () => {
  it('answers Gemini’s shape to a caller that authenticates the Gemini way', async () => {
    expect((await page('', 'v1')).models[0]?.name).toMatch(/^models\//);
    const byQuery = (await (await mock.fetch(new Request(`${ORIGIN}/v1/models?key=${GEMINI_KEY}`))).json()) as Page;
    expect(byQuery.models).toHaveLength(DEFAULT_MODELS.length);
    const one = (await (await mock.fetch(geminiGet('/v1/models/gemini-2.5-flash'))).json()) as Record<string, unknown>;
    expect(one.name).toBe('models/gemini-2.5-flash');
  });

  it('still answers Anthropic’s shape to an Anthropic caller', async () => {
    const headers = { 'x-api-key': ANTHROPIC_HEADERS['x-api-key']!, 'anthropic-version': ANTHROPIC_HEADERS['anthropic-version']! };
    const list = (await (await mock.fetch(new Request(`${ORIGIN}/v1/models`, { headers }))).json()) as Record<string, unknown>;
    expect(list).toHaveProperty('has_more');
    const one = (await (await mock.fetch(new Request(`${ORIGIN}/v1/models/gemini-2.5-flash`, { headers }))).json()) as Record<string, unknown>;
    expect(one).toMatchObject({ type: 'model', id: 'gemini-2.5-flash' });
  });
});
