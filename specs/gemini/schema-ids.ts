import { SCHEMA_BASE } from '../types.ts';

/** Base of every Gemini schema `$id`. */
export const GEMINI_SCHEMA_BASE = `${SCHEMA_BASE}gemini/` as const;

/**
 * The `$id` of each Gemini JSON Schema, by what it describes. Validate with
 * `registry.validate(GEMINI_SCHEMA_IDS.generateContentRequest, body)`.
 *
 * @see https://ai.google.dev/api/generate-content
 */
export const GEMINI_SCHEMA_IDS = {
  content: `${GEMINI_SCHEMA_BASE}content.json`,
  generateContentRequest: `${GEMINI_SCHEMA_BASE}generate-content-request.json`,
  generateContentResponse: `${GEMINI_SCHEMA_BASE}generate-content-response.json`,
  countTokensRequest: `${GEMINI_SCHEMA_BASE}count-tokens-request.json`,
  countTokensResponse: `${GEMINI_SCHEMA_BASE}count-tokens-response.json`,
  embedContentRequest: `${GEMINI_SCHEMA_BASE}embed-content-request.json`,
  embedContentResponse: `${GEMINI_SCHEMA_BASE}embed-content-response.json`,
  batchEmbedContentsRequest: `${GEMINI_SCHEMA_BASE}batch-embed-contents-request.json`,
  batchEmbedContentsResponse: `${GEMINI_SCHEMA_BASE}batch-embed-contents-response.json`,
  model: `${GEMINI_SCHEMA_BASE}model.json`,
  listModelsResponse: `${GEMINI_SCHEMA_BASE}list-models-response.json`,
  errorResponse: `${GEMINI_SCHEMA_BASE}error-response.json`,
} as const;

export type GeminiSchemaName = keyof typeof GEMINI_SCHEMA_IDS;
