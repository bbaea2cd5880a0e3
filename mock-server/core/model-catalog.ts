import { familyModel } from './model-families.ts';

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

const openai = (id: string, displayName: string, createdAt: string, maxInputTokens: number, maxOutputTokens: number, thinking: boolean): CatalogModel => ({
  id,
  displayName,
  createdAt,
  family: 'openai',
  ownedBy: 'openai',
  maxInputTokens,
  maxOutputTokens,
  thinking,
});

const google = (id: string, displayName: string, createdAt: string): CatalogModel => ({
  id,
  displayName,
  createdAt,
  family: 'google',
  ownedBy: 'google',
  maxInputTokens: 1_048_576,
  maxOutputTokens: 65_536,
  thinking: true,
});

/**
 * The default catalog: current model ids of the three vendors, as the official SDKs list them
 * (`@anthropic-ai/sdk` `Model`, `openai` `ChatModel`, `@google/genai`), with illustrative release
 * dates. Ids of a known family that are not listed are served too (see `model-families.ts`)
 * unless the server is restricted to its catalog. Replace or extend it with the `models` option
 * of `createMockServer`.
 */
export const DEFAULT_MODELS: readonly CatalogModel[] = [
  anthropic('claude-opus-5-5', 'Claude Opus 5.5', '2026-11-10T00:00:00Z', 128_000),
  anthropic('claude-sonnet-5-5', 'Claude Sonnet 5.5', '2026-11-10T00:00:00Z', 128_000),
  anthropic('claude-haiku-5-5', 'Claude Haiku 5.5', '2026-11-03T00:00:00Z', 128_000),
  anthropic('claude-opus-5', 'Claude Opus 5', '2026-10-20T00:00:00Z', 128_000),
  anthropic('claude-sonnet-5', 'Claude Sonnet 5', '2026-10-20T00:00:00Z', 128_000),
  anthropic('claude-opus-4-8', 'Claude Opus 4.8', '2026-09-30T00:00:00Z', 128_000),
  anthropic('claude-opus-4-7', 'Claude Opus 4.7', '2026-05-20T00:00:00Z', 128_000),
  anthropic('claude-sonnet-4-6', 'Claude Sonnet 4.6', '2026-02-17T00:00:00Z', 128_000),
  anthropic('claude-opus-4-6', 'Claude Opus 4.6', '2026-02-05T00:00:00Z', 128_000),
  anthropic('claude-opus-4-5', 'Claude Opus 4.5', '2025-11-24T00:00:00Z', 64_000, ['claude-opus-4-5-20251101']),
  anthropic('claude-haiku-4-5', 'Claude Haiku 4.5', '2025-10-15T00:00:00Z', 64_000, ['claude-haiku-4-5-20251001']),
  anthropic('claude-sonnet-4-5', 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z', 64_000, ['claude-sonnet-4-5-20250929']),
  anthropic('claude-opus-4-1', 'Claude Opus 4.1', '2025-08-05T00:00:00Z', 32_000, ['claude-opus-4-1-20250805']),
  openai('gpt-6.2-sol', 'GPT-6.2 Sol', '2026-11-05T00:00:00Z', 1_047_576, 128_000, true),
  openai('gpt-6-astra', 'GPT-6 Astra', '2026-09-15T00:00:00Z', 1_047_576, 128_000, true),
  openai('gpt-5.5', 'GPT-5.5', '2026-04-23T00:00:00Z', 1_047_576, 128_000, true),
  openai('gpt-5.4', 'GPT-5.4', '2026-03-17T00:00:00Z', 1_047_576, 128_000, true),
  openai('gpt-5.4-mini', 'GPT-5.4 mini', '2026-03-17T00:00:00Z', 400_000, 128_000, true),
  openai('gpt-5.2', 'GPT-5.2', '2025-12-11T00:00:00Z', 400_000, 128_000, true),
  openai('gpt-5.1', 'GPT-5.1', '2025-11-13T00:00:00Z', 400_000, 128_000, true),
  openai('gpt-5', 'GPT-5', '2025-08-07T00:00:00Z', 272_000, 128_000, true),
  openai('gpt-5-mini', 'GPT-5 mini', '2025-08-07T00:00:00Z', 272_000, 128_000, true),
  openai('gpt-4.1', 'GPT-4.1', '2025-04-14T00:00:00Z', 1_047_576, 32_768, false),
  openai('o4-mini', 'o4-mini', '2025-04-16T00:00:00Z', 200_000, 100_000, true),
  openai('o3', 'o3', '2025-04-16T00:00:00Z', 200_000, 100_000, true),
  openai('gpt-4o', 'GPT-4o', '2024-05-13T00:00:00Z', 128_000, 16_384, false),
  openai('gpt-4o-mini', 'GPT-4o mini', '2024-07-18T00:00:00Z', 128_000, 16_384, false),
  google('gemini-3.8-flash', 'Gemini 3.8 Flash', '2026-10-01T00:00:00Z'),
  google('gemini-3-pro-preview', 'Gemini 3 Pro Preview', '2025-11-18T00:00:00Z'),
  google('gemini-2.5-pro', 'Gemini 2.5 Pro', '2025-06-17T00:00:00Z'),
  google('gemini-2.5-flash', 'Gemini 2.5 Flash', '2025-06-17T00:00:00Z'),
  google('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', '2025-07-22T00:00:00Z'),
  google('gemini-2.0-flash', 'Gemini 2.0 Flash', '2025-02-05T00:00:00Z'),
  embedding('text-embedding-3-large', 'text-embedding-3-large', '2024-01-25T00:00:00Z', 'openai', 3072, 8191),
  embedding('text-embedding-3-small', 'text-embedding-3-small', '2024-01-25T00:00:00Z', 'openai', 1536, 8191),
  embedding('gemini-embedding-001', 'Gemini Embedding 001', '2025-07-14T00:00:00Z', 'google', 3072, 2048),
];

/** Options of {@link ModelCatalog}. */
export interface ModelCatalogOptions {
  /**
   * Serve only the listed models: an unlisted id of a known family is the protocol's 404 as
   * well (default false: such ids are served with their family's limits).
   */
  readonly catalogOnly?: boolean;
}

/**
 * Looks models up by id or alias and lists them newest first. An unlisted id of a known vendor
 * family (`claude-*`, `gpt-*`, `o<digit>*`, `gemini-*`, embedding families…) is found as a model
 * of that family, unless `catalogOnly`; listings show the catalog only.
 */
export class ModelCatalog {
  readonly #byId = new Map<string, CatalogModel>();
  readonly #models: readonly CatalogModel[];
  readonly #catalogOnly: boolean;

  constructor(models: readonly CatalogModel[] = DEFAULT_MODELS, options: ModelCatalogOptions = {}) {
    this.#catalogOnly = options.catalogOnly === true;
    this.#models = [...models].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    for (const model of this.#models) {
      for (const id of [model.id, ...(model.aliases ?? [])]) {
        if (this.#byId.has(id)) throw new Error(`[llm-conformance] Failed to build the model catalog: "${id}" is listed twice.`);
        this.#byId.set(id, model);
      }
    }
  }

  /** The model for an id or alias; else, unless `catalogOnly`, a model of the id's family. */
  find(id: string): CatalogModel | undefined {
    return this.#byId.get(id) ?? (this.#catalogOnly ? undefined : familyModel(id));
  }

  /** Whether only listed models are served. */
  get catalogOnly(): boolean {
    return this.#catalogOnly;
  }

  /** Every model, newest first. */
  list(): readonly CatalogModel[] {
    return this.#models;
  }
}
