import type { ProtocolSpec } from '../types.ts';
import { ANTHROPIC_OFFICIAL_SCHEMAS } from './official-schemas.ts';
import { anthropicMessagesOpenApi } from './openapi.ts';
import { ANTHROPIC_SCHEMA_IDS } from './schema-ids.ts';
import { anthropicStreamGrammar, type AnthropicStreamEventType } from './stream-grammar.ts';
import contentBlocks from './schemas/content-blocks.json' with { type: 'json' };
import countTokensRequest from './schemas/count-tokens-request.json' with { type: 'json' };
import countTokensResponse from './schemas/count-tokens-response.json' with { type: 'json' };
import createMessageRequest from './schemas/create-message-request.json' with { type: 'json' };
import errorResponse from './schemas/error-response.json' with { type: 'json' };
import message from './schemas/message.json' with { type: 'json' };
import modelInfo from './schemas/model-info.json' with { type: 'json' };
import modelList from './schemas/model-list.json' with { type: 'json' };
import streamEvent from './schemas/stream-event.json' with { type: 'json' };

export { ANTHROPIC_VERSION, anthropicMessagesOpenApi } from './openapi.ts';
export { ANTHROPIC_BETA_SCHEMA_IDS, ANTHROPIC_SCHEMA_BASE, ANTHROPIC_SCHEMA_IDS, type AnthropicSchemaName } from './schema-ids.ts';
export { ANTHROPIC_STREAM_EVENTS, anthropicStreamGrammar, type AnthropicStreamEventType } from './stream-grammar.ts';

/**
 * The Anthropic Messages protocol as data: JSON Schemas for every request, response and stream
 * event, the OpenAPI document, and the stream grammar.
 *
 * @see https://docs.claude.com/en/api/messages
 * @see https://docs.claude.com/en/docs/build-with-claude/streaming
 */
export const anthropicMessagesSpec: ProtocolSpec = {
  id: 'anthropic-messages',
  title: 'Anthropic Messages',
  openapi: anthropicMessagesOpenApi,
  schemas: [
    contentBlocks,
    createMessageRequest,
    countTokensRequest,
    countTokensResponse,
    message,
    streamEvent,
    modelInfo,
    modelList,
    errorResponse,
  ],
  grammar: anthropicStreamGrammar,
  officialSchemas: ANTHROPIC_OFFICIAL_SCHEMAS,
};

/**
 * The schema reference for the data of one stream event type, e.g.
 * `…/stream-event.json#/$defs/content_block_delta`.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/streaming#event-types
 */
export function eventSchemaId(type: AnthropicStreamEventType): `${typeof ANTHROPIC_SCHEMA_IDS.streamEvent}#/$defs/${AnthropicStreamEventType}` {
  return `${ANTHROPIC_SCHEMA_IDS.streamEvent}#/$defs/${type}`;
}
