import type { AnySchemaObject } from 'ajv';
import type { ProtocolSpec } from '../types.ts';
import { geminiOpenApi } from './openapi.ts';
import { protoJsonRequestSchema } from './proto-json.ts';
import { geminiStreamGrammar } from './stream-grammar.ts';
import batchEmbedContentsRequest from './schemas/batch-embed-contents-request.json' with { type: 'json' };
import batchEmbedContentsResponse from './schemas/batch-embed-contents-response.json' with { type: 'json' };
import content from './schemas/content.json' with { type: 'json' };
import countTokensRequest from './schemas/count-tokens-request.json' with { type: 'json' };
import countTokensResponse from './schemas/count-tokens-response.json' with { type: 'json' };
import embedContentRequest from './schemas/embed-content-request.json' with { type: 'json' };
import embedContentResponse from './schemas/embed-content-response.json' with { type: 'json' };
import errorResponse from './schemas/error-response.json' with { type: 'json' };
import generateContentRequest from './schemas/generate-content-request.json' with { type: 'json' };
import generateContentResponse from './schemas/generate-content-response.json' with { type: 'json' };
import listModelsResponse from './schemas/list-models-response.json' with { type: 'json' };
import model from './schemas/model.json' with { type: 'json' };

export { GEMINI_API_VERSIONS, geminiOpenApi, geminiOperationId, type GeminiApiVersion } from './openapi.ts';
export { normalizeProtoJson, protoFieldPath, protoJsonRequestSchema, toJsonName, toProtoName } from './proto-json.ts';
export { GEMINI_SCHEMA_BASE, GEMINI_SCHEMA_IDS, type GeminiSchemaName } from './schema-ids.ts';
export { GEMINI_CHUNK_TYPES, geminiChunkType, geminiStreamGrammar, type GeminiChunkType } from './stream-grammar.ts';

/**
 * The request schemas as the API reads them: the files spell fields in lowerCamelCase and enum
 * values in upper case; the registered copies also take snake_case names and lower-case values.
 */
const REQUEST_SCHEMAS: readonly AnySchemaObject[] = [content, generateContentRequest, countTokensRequest, embedContentRequest, batchEmbedContentsRequest].map(
  (schema) => protoJsonRequestSchema(schema as AnySchemaObject),
);

/**
 * The Gemini API as data: JSON Schemas for every request, response and stream chunk, the OpenAPI
 * document (`/v1beta` and `/v1`), and the stream grammar. Field names and enums come from
 * Google's protos (google.ai.generativelanguage.v1beta).
 *
 * @see https://ai.google.dev/api
 * @see https://github.com/googleapis/googleapis/tree/master/google/ai/generativelanguage/v1beta
 */
export const geminiSpec: ProtocolSpec = {
  id: 'gemini',
  title: 'Gemini',
  openapi: geminiOpenApi,
  schemas: [
    ...REQUEST_SCHEMAS,
    generateContentResponse,
    countTokensResponse,
    embedContentResponse,
    batchEmbedContentsResponse,
    model,
    listModelsResponse,
    errorResponse,
  ],
  grammar: geminiStreamGrammar,
};
