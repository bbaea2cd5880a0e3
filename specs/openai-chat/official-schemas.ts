import { OPENAI_COMMON_SCHEMA_IDS } from '../openai-common/index.ts';
import { OPENAI_CHAT_SCHEMA_IDS as ID } from './schema-ids.ts';

const def = (id: string, name: string) => `${id}#/$defs/${name}`;

/**
 * Our OpenAI Chat schemas → the components of the official OpenAPI document they describe
 * (github.com/openai/openai-openapi), for `llm-conformance spec-drift`. Whole documents first,
 * then the `$defs` reached through a different path than the official one.
 *
 * Against the official document 2.3.0 the differences left are deliberate: unknown top-level
 * request parameters are refused (the live API refuses them; the document allows them),
 * `system_fingerprint` may be null and a chunk choice may omit `finish_reason` (the live API and
 * openai-node do so), streamed tool-call deltas may be `custom`, and an embedding may be a base64
 * string (`encoding_format: "base64"`). One finding is the tool's: `tool_choice` is a union of a
 * string and a discriminated object whose branches all require `type`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat
 */
export const OPENAI_CHAT_OFFICIAL_SCHEMAS: Readonly<Record<string, string>> = {
  [ID.createChatCompletionRequest]: 'CreateChatCompletionRequest',
  [ID.chatCompletion]: 'CreateChatCompletionResponse',
  [ID.chatCompletionChunk]: 'CreateChatCompletionStreamResponse',
  [ID.model]: 'Model',
  [ID.modelList]: 'ListModelsResponse',
  [ID.createEmbeddingRequest]: 'CreateEmbeddingRequest',
  [ID.createEmbeddingResponse]: 'CreateEmbeddingResponse',
  [OPENAI_COMMON_SCHEMA_IDS.errorResponse]: 'ErrorResponse',
  [def(ID.requestMessages, 'Message')]: 'ChatCompletionRequestMessage',
  [def(ID.requestMessages, 'UserContentPart')]: 'ChatCompletionRequestUserMessageContentPart',
  [def(ID.completionParts, 'Usage')]: 'CompletionUsage',
  [def(ID.completionParts, 'TokenLogprob')]: 'ChatCompletionTokenLogprob',
  [def(ID.completionParts, 'ResponseMessage')]: 'ChatCompletionResponseMessage',
  [def(ID.completionParts, 'FunctionToolCall')]: 'ChatCompletionMessageToolCall',
  [def(ID.completionParts, 'CustomToolCall')]: 'ChatCompletionMessageCustomToolCall',
  [def(ID.createChatCompletionRequest, 'FunctionTool')]: 'ChatCompletionTool',
  [def(ID.createChatCompletionRequest, 'CustomTool')]: 'CustomToolChatCompletions',
  [def(ID.createChatCompletionRequest, 'ResponseFormatJsonSchema')]: 'ResponseFormatJsonSchema',
};
