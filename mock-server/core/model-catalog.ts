/** Which vendor a model comes from; every protocol serves every model (cross-protocol access). */
export type ModelFamily = 'anthropic' | 'openai' | 'google';

/** One model the mock serves. */
export interface CatalogModel {
  readonly id: string;
  /** Other ids accepted for the same model (dated snapshots, short aliases). */
  readonly aliases?: readonly string[];
  readonly displayName: string;
  /** RFC 3339 release date; the catalog lists newest first, as the vendors do. */
  readonly createdAt: string;
  readonly family: ModelFamily;
  readonly ownedBy: string;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly thinking: boolean;
  /**
   * `embedding` models answer only the embeddings endpoints (OpenAI `/v1/embeddings`, Gemini
   * `:embedContent`); `generation` (the default) models answer the generation endpoints.
   */
  readonly kind?: 'generation' | 'embedding';
  /** An embedding model's native vector length (before `dimensions`/`outputDimensionality`). */
  readonly embeddingDimensions?: number;
}

const embedding = (id: string, displayName: string, createdAt: string, family: ModelFamily, dimensions: number, maxInputTokens: number): CatalogModel => ({
  id,
  displayName,
  createdAt,
  family,
  ownedBy: family === 'openai' ? 'system' : family,
  maxInputTokens,
  maxOutputTokens: 1,
  thinking: false,
  kind: 'embedding',
  embeddingDimensions: dimensions,
});

const anthropic = (id: string, displayName: string, createdAt: string, maxOutputTokens: number, aliases?: string[]): CatalogModel => ({
  id,
  displayName,
  createdAt,
  family: 'anthropic',
  ownedBy: 'anthropic',
  maxInputTokens: 200_000,
  maxOutputTokens,
  thinking: true,
  ...(aliases ? { aliases } : {}),
});

/**
 * The default catalog: current model ids of the three vendors (illustrative release dates).
 * Replace or extend it with the `models` option of `createMockServer`.
 */
export const DEFAULT_MODELS: readonly CatalogModel[] = [
  anthropic('claude-opus-4-8', 'Claude Opus 4.8', '2026-09-30T00:00:00Z', 128_000),
  anthropic('claude-opus-4-7', 'Claude Opus 4.7', '2026-05-20T00:00:00Z', 128_000),
  anthropic('claude-sonnet-4-6', 'Claude Sonnet 4.6', '2026-02-17T00:00:00Z', 64_000),
  anthropic('claude-opus-4-6', 'Claude Opus 4.6', '2026-02-05T00:00:00Z', 128_000),
  anthropic('claude-opus-4-5', 'Claude Opus 4.5', '2025-11-24T00:00:00Z', 64_000, ['claude-opus-4-5-20251101']),
  anthropic('claude-haiku-4-5', 'Claude Haiku 4.5', '2025-10-15T00:00:00Z', 64_000, ['claude-haiku-4-5-20251001']),
  anthropic('claude-sonnet-4-5', 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z', 64_000, ['claude-sonnet-4-5-20250929']),
  anthropic('claude-opus-4-1', 'Claude Opus 4.1', '2025-08-05T00:00:00Z', 32_000, ['claude-opus-4-1-20250805']),
  { id: 'gpt-5', displayName: 'GPT-5', createdAt: '2025-08-07T00:00:00Z', family: 'openai', ownedBy: 'openai', maxInputTokens: 272_000, maxOutputTokens: 128_000, thinking: true },
  { id: 'gpt-5-mini', displayName: 'GPT-5 mini', createdAt: '2025-08-07T00:00:00Z', family: 'openai', ownedBy: 'openai', maxInputTokens: 272_000, maxOutputTokens: 128_000, thinking: true },
  { id: 'gpt-4.1', displayName: 'GPT-4.1', createdAt: '2025-04-14T00:00:00Z', family: 'openai', ownedBy: 'openai', maxInputTokens: 1_047_576, maxOutputTokens: 32_768, thinking: false },
  { id: 'o4-mini', displayName: 'o4-mini', createdAt: '2025-04-16T00:00:00Z', family: 'openai', ownedBy: 'openai', maxInputTokens: 200_000, maxOutputTokens: 100_000, thinking: true },
  { id: 'gpt-4o', displayName: 'GPT-4o', createdAt: '2024-05-13T00:00:00Z', family: 'openai', ownedBy: 'openai', maxInputTokens: 128_000, maxOutputTokens: 16_384, thinking: false },
  { id: 'gpt-4o-mini', displayName: 'GPT-4o mini', createdAt: '2024-07-18T00:00:00Z', family: 'openai', ownedBy: 'openai', maxInputTokens: 128_000, maxOutputTokens: 16_384, thinking: false },
  { id: 'gemini-3-pro-preview', displayName: 'Gemini 3 Pro Preview', createdAt: '2025-11-18T00:00:00Z', family: 'google', ownedBy: 'google', maxInputTokens: 1_048_576, maxOutputTokens: 65_536, thinking: true },
  { id: 'gemini-2.5-pro', displayName: 'Gemini 2.5 Pro', createdAt: '2025-06-17T00:00:00Z', family: 'google', ownedBy: 'google', maxInputTokens: 1_048_576, maxOutputTokens: 65_536, thinking: true },
  { id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', createdAt: '2025-06-17T00:00:00Z', family: 'google', ownedBy: 'google', maxInputTokens: 1_048_576, maxOutputTokens: 65_536, thinking: true },
  { id: 'gemini-2.5-flash-lite', displayName: 'Gemini 2.5 Flash-Lite', createdAt: '2025-07-22T00:00:00Z', family: 'google', ownedBy: 'google', maxInputTokens: 1_048_576, maxOutputTokens: 65_536, thinking: true },
  embedding('text-embedding-3-large', 'text-embedding-3-large', '2024-01-25T00:00:00Z', 'openai', 3072, 8191),
  embedding('text-embedding-3-small', 'text-embedding-3-small', '2024-01-25T00:00:00Z', 'openai', 1536, 8191),
  embedding('gemini-embedding-001', 'Gemini Embedding 001', '2025-07-14T00:00:00Z', 'google', 3072, 2048),
];

/** Looks models up by id or alias and lists them newest first. */
export class ModelCatalog {
  readonly #byId = new Map<string, CatalogModel>();
  readonly #models: readonly CatalogModel[];

  constructor(models: readonly CatalogModel[] = DEFAULT_MODELS) {
    this.#models = [...models].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    for (const model of this.#models) {
      for (const id of [model.id, ...(model.aliases ?? [])]) {
        if (this.#byId.has(id)) throw new Error(`[llm-conformance] Failed to build the model catalog: "${id}" is listed twice.`);
        this.#byId.set(id, model);
      }
    }
  }

  /** The model for an id or alias. */
  find(id: string): CatalogModel | undefined {
    return this.#byId.get(id);
  }

  /** Every model, newest first. */
  list(): readonly CatalogModel[] {
    return this.#models;
  }
}
