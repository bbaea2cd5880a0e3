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
  it('finds a model by id and by alias, and nothing for an unknown id', () => {
    const catalog = new ModelCatalog();
    expect(catalog.find('claude-sonnet-4-5')?.id).toBe('claude-sonnet-4-5');
    expect(catalog.find('claude-sonnet-4-5-20250929')?.id).toBe('claude-sonnet-4-5');
    expect(catalog.find('claude-sonnet-4-5-2025')).toBeUndefined();
    expect(catalog.find('')).toBeUndefined();
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
