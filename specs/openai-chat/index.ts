import { OPENAI_COMMON_SCHEMAS } from '../openai-common/index.ts';
import type { ProtocolSpec } from '../types.ts';
import { OPENAI_CHAT_OFFICIAL_SCHEMAS } from './official-schemas.ts';
import { openaiChatOpenApi } from './openapi.ts';
import { OPENAI_CHAT_SCHEMA_IDS } from './schema-ids.ts';
import { openaiChatStreamGrammar, type OpenAIChatStreamEventType } from './stream-grammar.ts';
import chatCompletionChunk from './schemas/chat-completion-chunk.json' with { type: 'json' };
import chatCompletion from './schemas/chat-completion.json' with { type: 'json' };
import completionParts from './schemas/completion-parts.json' with { type: 'json' };
import createChatCompletionRequest from './schemas/create-chat-completion-request.json' with { type: 'json' };
import createEmbeddingRequest from './schemas/create-embedding-request.json' with { type: 'json' };
import createEmbeddingResponse from './schemas/create-embedding-response.json' with { type: 'json' };
import modelList from './schemas/model-list.json' with { type: 'json' };
import model from './schemas/model.json' with { type: 'json' };
import requestMessages from './schemas/request-messages.json' with { type: 'json' };
import streamEvent from './schemas/stream-event.json' with { type: 'json' };

export { openaiChatOpenApi } from './openapi.ts';
export { OPENAI_CHAT_SCHEMA_BASE, OPENAI_CHAT_SCHEMA_IDS, type OpenAIChatSchemaName } from './schema-ids.ts';
export {
  chatStreamEvent,
  chatStreamEventType,
  DONE_SENTINEL,
  OPENAI_CHAT_STREAM_EVENTS,
  openaiChatStreamGrammar,
  type OpenAIChatStreamEventType,
} from './stream-grammar.ts';

/**
 * The OpenAI Chat Completions protocol as data: JSON Schemas for the request, the
 * `chat.completion` object, the `chat.completion.chunk` stream, models and embeddings (plus the
 * shared OpenAI error envelope), the OpenAPI document, and the stream grammar.
 *
 * @see https://platform.openai.com/docs/api-reference/chat
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 */
export const openaiChatSpec: ProtocolSpec = {
  id: 'openai-chat',
  title: 'OpenAI Chat Completions',
  openapi: openaiChatOpenApi,
  schemas: [
    requestMessages,
    createChatCompletionRequest,
    completionParts,
    chatCompletion,
    chatCompletionChunk,
    streamEvent,
    model,
    modelList,
    createEmbeddingRequest,
    createEmbeddingResponse,
    ...OPENAI_COMMON_SCHEMAS,
  ],
  grammar: openaiChatStreamGrammar,
  officialSchemas: OPENAI_CHAT_OFFICIAL_SCHEMAS,
};

/**
 * The schema reference for the data of one stream event type, e.g. `…/stream-event.json#/$defs/usage`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 */
export function chatEventSchemaId(type: OpenAIChatStreamEventType): `${typeof OPENAI_CHAT_SCHEMA_IDS.streamEvent}#/$defs/${OpenAIChatStreamEventType}` {
  return `${OPENAI_CHAT_SCHEMA_IDS.streamEvent}#/$defs/${type}`;
}
