import { SCHEMA_BASE } from '../types.ts';

/** Base of every Anthropic Messages schema `$id`. */
export const ANTHROPIC_SCHEMA_BASE = `${SCHEMA_BASE}anthropic-messages/` as const;

/**
 * The `$id` of each Anthropic Messages JSON Schema, by what it describes. Validate with
 * `registry.validate(ANTHROPIC_SCHEMA_IDS.createMessageRequest, body)`.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export const ANTHROPIC_SCHEMA_IDS = {
  contentBlocks: `${ANTHROPIC_SCHEMA_BASE}content-blocks.json`,
  createMessageRequest: `${ANTHROPIC_SCHEMA_BASE}create-message-request.json`,
  countTokensRequest: `${ANTHROPIC_SCHEMA_BASE}count-tokens-request.json`,
  countTokensResponse: `${ANTHROPIC_SCHEMA_BASE}count-tokens-response.json`,
  message: `${ANTHROPIC_SCHEMA_BASE}message.json`,
  streamEvent: `${ANTHROPIC_SCHEMA_BASE}stream-event.json`,
  modelInfo: `${ANTHROPIC_SCHEMA_BASE}model-info.json`,
  modelList: `${ANTHROPIC_SCHEMA_BASE}model-list.json`,
  errorResponse: `${ANTHROPIC_SCHEMA_BASE}error-response.json`,
} as const;

export type AnthropicSchemaName = keyof typeof ANTHROPIC_SCHEMA_IDS;

/**
 * Where the beta surface (`POST /v1/messages?beta=true`) requires more than the GA one: the beta
 * Message (`context_management`, `usage.iterations`) and stream events (the same in
 * `message_start` and `message_delta`). Fragments of the GA documents, which they extend.
 *
 * @see https://docs.claude.com/en/api/beta-headers
 */
export const ANTHROPIC_BETA_SCHEMA_IDS = {
  message: `${ANTHROPIC_SCHEMA_IDS.message}#/$defs/BetaMessage`,
  streamEvent: `${ANTHROPIC_SCHEMA_IDS.streamEvent}#/$defs/BetaStreamEvent`,
} as const;
