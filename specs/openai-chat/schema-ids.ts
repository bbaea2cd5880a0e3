import { SCHEMA_BASE } from '../types.ts';

/** Base of every OpenAI Chat Completions schema `$id`. */
export const OPENAI_CHAT_SCHEMA_BASE = `${SCHEMA_BASE}openai-chat/` as const;

/**
 * The `$id` of each OpenAI Chat Completions JSON Schema (chat, models, embeddings), by what it
 * describes. The error envelope is shared with the Responses API: `OPENAI_COMMON_SCHEMA_IDS`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat
 */
export const OPENAI_CHAT_SCHEMA_IDS = {
  requestMessages: `${OPENAI_CHAT_SCHEMA_BASE}request-messages.json`,
  createChatCompletionRequest: `${OPENAI_CHAT_SCHEMA_BASE}create-chat-completion-request.json`,
  completionParts: `${OPENAI_CHAT_SCHEMA_BASE}completion-parts.json`,
  chatCompletion: `${OPENAI_CHAT_SCHEMA_BASE}chat-completion.json`,
  chatCompletionChunk: `${OPENAI_CHAT_SCHEMA_BASE}chat-completion-chunk.json`,
  streamEvent: `${OPENAI_CHAT_SCHEMA_BASE}stream-event.json`,
  model: `${OPENAI_CHAT_SCHEMA_BASE}model.json`,
  modelList: `${OPENAI_CHAT_SCHEMA_BASE}model-list.json`,
  createEmbeddingRequest: `${OPENAI_CHAT_SCHEMA_BASE}create-embedding-request.json`,
  createEmbeddingResponse: `${OPENAI_CHAT_SCHEMA_BASE}create-embedding-response.json`,
} as const;

export type OpenAIChatSchemaName = keyof typeof OPENAI_CHAT_SCHEMA_IDS;
