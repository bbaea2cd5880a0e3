import { SCHEMA_BASE } from '../types.ts';

/** Base of every OpenAI Responses schema `$id`. */
export const RESPONSES_SCHEMA_BASE = `${SCHEMA_BASE}openai-responses/` as const;

/**
 * The `$id` of each OpenAI Responses JSON Schema, by what it describes. Validate with
 * `registry.validate(RESPONSES_SCHEMA_IDS.createResponseRequest, body)`. The error envelope is
 * shared with Chat Completions: `OPENAI_COMMON_SCHEMA_IDS.errorResponse`.
 *
 * @see https://platform.openai.com/docs/api-reference/responses
 */
export const RESPONSES_SCHEMA_IDS = {
  items: `${RESPONSES_SCHEMA_BASE}items.json`,
  createResponseRequest: `${RESPONSES_SCHEMA_BASE}create-response-request.json`,
  response: `${RESPONSES_SCHEMA_BASE}response.json`,
  streamEvent: `${RESPONSES_SCHEMA_BASE}stream-event.json`,
  inputTokensRequest: `${RESPONSES_SCHEMA_BASE}input-tokens-request.json`,
  inputTokensResponse: `${RESPONSES_SCHEMA_BASE}input-tokens-response.json`,
  inputItemList: `${RESPONSES_SCHEMA_BASE}input-item-list.json`,
  deletedResponse: `${RESPONSES_SCHEMA_BASE}deleted-response.json`,
} as const;

export type ResponsesSchemaName = keyof typeof RESPONSES_SCHEMA_IDS;
