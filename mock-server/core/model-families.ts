import type { CatalogModel, ModelFamily } from './model-catalog.ts';

/**
 * A vendor's model family: ids it would serve, and the limits and capabilities a model of the
 * family gets when the catalog does not list it. Generous on purpose (the family's largest
 * current limits): a fake upstream must not refuse a `max_tokens` the real model accepts.
 */
interface FamilyRule {
  readonly pattern: RegExp;
  readonly family: ModelFamily;
  readonly ownedBy: string;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly thinking: boolean;
  readonly embeddingDimensions?: number;
}

/**
 * Known families, first match wins (embedding families before their generation siblings).
 * Google's `text-embedding-004` precedes OpenAI's `text-embedding-*`. `o<digit>` is OpenAI's reasoning series (`o1`, `o3-mini`, `o4-mini`); `ft:` ids are fine-tunes.
 */
const FAMILY_RULES: readonly FamilyRule[] = [
  { pattern: /^(?:models\/)?(?:gemini-embedding-|text-embedding-0|embedding-0)/, family: 'google', ownedBy: 'google', maxInputTokens: 2048, maxOutputTokens: 1, thinking: false, embeddingDimensions: 3072 },
  { pattern: /^text-embedding-3-large(?:$|-)/, family: 'openai', ownedBy: 'system', maxInputTokens: 8191, maxOutputTokens: 1, thinking: false, embeddingDimensions: 3072 },
  { pattern: /^text-embedding-/, family: 'openai', ownedBy: 'system', maxInputTokens: 8191, maxOutputTokens: 1, thinking: false, embeddingDimensions: 1536 },
  { pattern: /^claude-/, family: 'anthropic', ownedBy: 'anthropic', maxInputTokens: 1_000_000, maxOutputTokens: 128_000, thinking: true },
  { pattern: /^(?:ft:)?(?:gpt-|chatgpt-|codex-|o\d)/, family: 'openai', ownedBy: 'openai', maxInputTokens: 1_047_576, maxOutputTokens: 128_000, thinking: true },
  { pattern: /^(?:models\/)?(?:gemini-|gemma-)/, family: 'google', ownedBy: 'google', maxInputTokens: 1_048_576, maxOutputTokens: 65_536, thinking: true },
];

// "May be set to an epoch value if the release date is unknown" (Anthropic's ModelInfo).
const UNKNOWN_RELEASE = '1970-01-01T00:00:00Z';

/**
 * The model the mock serves for an id it does not list, when the id belongs to a known vendor
 * family (`claude-sonnet-5`, `gpt-7`, `o5-mini`, `gemini-4-pro`, `text-embedding-4`…), else
 * `undefined` (the protocol's 404). The synthesized model carries the id as asked.
 */
export function familyModel(id: string): CatalogModel | undefined {
  const rule = FAMILY_RULES.find((r) => r.pattern.test(id));
  if (!rule) return undefined;
  return {
    id,
    displayName: id,
    createdAt: UNKNOWN_RELEASE,
    family: rule.family,
    ownedBy: rule.ownedBy,
    maxInputTokens: rule.maxInputTokens,
    maxOutputTokens: rule.maxOutputTokens,
    thinking: rule.thinking,
    ...(rule.embeddingDimensions !== undefined ? { kind: 'embedding' as const, embeddingDimensions: rule.embeddingDimensions } : {}),
  };
}
