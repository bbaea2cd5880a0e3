import { describe, expect, it } from 'vitest';
import { type CatalogModel, DEFAULT_MODELS, ModelCatalog } from './model-catalog.ts';

const model = (id: string, createdAt: string, aliases?: string[]): CatalogModel => ({
  id,
  displayName: id,
  createdAt,
  family: 'anthropic',
  ownedBy: 'anthropic',
  maxInputTokens: 1000,
  maxOutputTokens: 100,
  thinking: false,
  ...(aliases ? { aliases } : {}),
});

describe('ModelCatalog', () => {
  it('finds a model by id and by alias, and nothing for an unknown id (catalog only)', () => {
    const catalog = new ModelCatalog(DEFAULT_MODELS, { catalogOnly: true });
    expect(catalog.catalogOnly).toBe(true);
    expect(catalog.find('claude-sonnet-4-5')?.id).toBe('claude-sonnet-4-5');
    expect(catalog.find('claude-sonnet-4-5-20250929')?.id).toBe('claude-sonnet-4-5');
    expect(catalog.find('claude-sonnet-4-5-2025')).toBeUndefined();
    expect(catalog.find('')).toBeUndefined();
  });

  it('serves an unlisted id of a known family with the family’s limits, and nothing outside every family', () => {
    const catalog = new ModelCatalog();
    expect(catalog.catalogOnly).toBe(false);
    expect(catalog.find('claude-sonnet-4-6')?.displayName).toBe('Claude Sonnet 4.6');
    const cases: [string, string, 'generation' | 'embedding'][] = [
      ['claude-sonnet-5-9', 'anthropic', 'generation'],
      ['claude-x', 'anthropic', 'generation'],
      ['gpt-7', 'openai', 'generation'],
      ['chatgpt-5-latest', 'openai', 'generation'],
      ['o5-mini', 'openai', 'generation'],
      ['ft:gpt-4o-mini:org::abc', 'openai', 'generation'],
      ['gemini-4-pro', 'google', 'generation'],
      ['text-embedding-4', 'openai', 'embedding'],
      ['gemini-embedding-002', 'google', 'embedding'],
    ];
    for (const [id, family, kind] of cases) {
      const found = catalog.find(id);
      expect(found, id).toMatchObject({ id, family, createdAt: '1970-01-01T00:00:00Z' });
      expect(found?.kind ?? 'generation', id).toBe(kind);
      if (kind === 'embedding') expect(found?.embeddingDimensions, id).toBeGreaterThan(0);
      else expect(found?.maxOutputTokens, id).toBeGreaterThanOrEqual(64_000);
    }
    expect(catalog.find('text-embedding-3-large-v2')?.embeddingDimensions).toBe(3072);
    for (const id of ['llama-3', 'mistral-large', 'omni', 'claud', 'gpt4', '']) expect(catalog.find(id), id).toBeUndefined();
    // Listings show the catalog only.
    expect(catalog.list().some((m) => m.id === 'gpt-7')).toBe(false);
  });

  it('lists newest first, whatever the input order', () => {
    const catalog = new ModelCatalog([model('old', '2024-01-01T00:00:00Z'), model('new', '2026-01-01T00:00:00Z'), model('mid', '2025-01-01T00:00:00Z')]);
    expect(catalog.list().map((m) => m.id)).toEqual(['new', 'mid', 'old']);
  });

  it('the default catalog is newest first and serves every vendor family', () => {
    const list = new ModelCatalog().list();
    expect(list).toHaveLength(DEFAULT_MODELS.length);
    for (let i = 1; i < list.length; i++) expect(list[i - 1]!.createdAt >= list[i]!.createdAt).toBe(true);
    expect(new Set(list.map((m) => m.family))).toEqual(new Set(['anthropic', 'openai', 'google']));
  });

  it('rejects an id listed twice, and an alias that collides with an id', () => {
    expect(() => new ModelCatalog([model('a', '2025-01-01T00:00:00Z'), model('a', '2024-01-01T00:00:00Z')])).toThrow(/"a" is listed twice/);
    expect(() => new ModelCatalog([model('a', '2025-01-01T00:00:00Z'), model('b', '2024-01-01T00:00:00Z', ['a'])])).toThrow(/"a" is listed twice/);
  });

  it('does not change the array it was given', () => {
    const input = [model('old', '2024-01-01T00:00:00Z'), model('new', '2026-01-01T00:00:00Z')];
    new ModelCatalog(input);
    expect(input.map((m) => m.id)).toEqual(['old', 'new']);
  });
});
