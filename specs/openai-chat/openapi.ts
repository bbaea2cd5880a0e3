import type { OpenAPIV3_1 } from 'openapi-types';
import { OPENAI_COMMON_SCHEMA_IDS } from '../openai-common/index.ts';
import { OPENAI_CHAT_SCHEMA_IDS as ids } from './schema-ids.ts';

// Helpers are left to type inference, as in the Anthropic document: openapi-types 12 intersects
// the 3.1 and 3.0 operation types, and plain `{ $ref }` literals fit both.
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schemaId: string) => ({ schema: { $ref: schemaId } });

/** Optional headers every OpenAI operation accepts (clients send them from `organization`/`project`). */
const COMMON_PARAMETERS = [param('OpenAIOrganization'), param('OpenAIProject')];

/** Every non-2xx body is the shared OpenAI error envelope; the status picks `error.type`. */
const ERROR_RESPONSES = {
  '4XX': {
    description: 'Client error (400 invalid_request_error, 401 invalid_api_key, 403, 404 model_not_found, 429 rate_limit_exceeded).',
    content: { 'application/json': json(OPENAI_COMMON_SCHEMA_IDS.errorResponse) },
  },
  '5XX': {
    description: 'Server error (500 server_error, 503 overloaded).',
    content: { 'application/json': json(OPENAI_COMMON_SCHEMA_IDS.errorResponse) },
  },
};

/**
 * The OpenAI Chat Completions API, with the Models and Embeddings endpoints it is used with, as an
 * OpenAPI 3.1 document: paths, operation ids (the official ones), Bearer auth, and each body
 * pointing at a project JSON Schema by its absolute `$id`. The mock's router builds routes,
 * authentication and parameter checks from it.
 *
 * `GET /v1/models/{model}` shares its route with Anthropic's `/v1/models/{model_id}`: the mock's
 * router tells the protocols apart by the caller (Bearer here), not by the template.
 *
 * @see https://platform.openai.com/docs/api-reference/chat
 * @see https://github.com/openai/openai-openapi
 */
export const openaiChatOpenApi = {
  openapi: '3.1.0',
  info: {
    title: 'OpenAI Chat Completions API (llm-conformance subset)',
    version: '2.3.0',
    description:
      'Create Chat Completion, Models and Embeddings endpoints of the OpenAI API, as the conformance suite and the reference mock understand them.',
  },
  servers: [{ url: 'https://api.openai.com' }],
  security: [{ bearer: [] }],
  paths: {
    '/v1/chat/completions': {
      post: {
        operationId: 'createChatCompletion',
        summary: 'Create chat completion',
        description: 'Generate the next assistant message of a conversation. See https://platform.openai.com/docs/api-reference/chat/create',
        parameters: COMMON_PARAMETERS,
        requestBody: { required: true, content: { 'application/json': json(ids.createChatCompletionRequest) } },
        responses: {
          '200': {
            description:
              'The chat completion (`application/json`), or a server-sent event stream (`text/event-stream`) when the body has `stream: true` — chosen by the body, never by the Accept header. Each frame is a `data:` line without `event:` line; the `text/event-stream` schema applies to each frame\'s data (a `chat.completion.chunk`, an error envelope, or the `[DONE]` sentinel), and the frame order is given by the stream grammar. See https://platform.openai.com/docs/api-reference/chat-streaming',
            content: {
              'application/json': json(ids.chatCompletion),
              'text/event-stream': json(ids.streamEvent),
            },
          },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/models': {
      get: {
        operationId: 'listModels',
        summary: 'List models',
        description: 'Every model the key may use, in one list. See https://platform.openai.com/docs/api-reference/models/list',
        parameters: COMMON_PARAMETERS,
        responses: {
          '200': { description: 'The models.', content: { 'application/json': json(ids.modelList) } },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/models/{model}': {
      get: {
        operationId: 'retrieveModel',
        summary: 'Retrieve model',
        description: 'One model by id. See https://platform.openai.com/docs/api-reference/models/retrieve',
        parameters: [...COMMON_PARAMETERS, param('ModelId')],
        responses: {
          '200': { description: 'The model.', content: { 'application/json': json(ids.model) } },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/embeddings': {
      post: {
        operationId: 'createEmbedding',
        summary: 'Create embeddings',
        description: 'Embedding vectors of the input text(s). See https://platform.openai.com/docs/api-reference/embeddings/create',
        parameters: COMMON_PARAMETERS,
        requestBody: { required: true, content: { 'application/json': json(ids.createEmbeddingRequest) } },
        responses: {
          '200': { description: 'The embeddings.', content: { 'application/json': json(ids.createEmbeddingResponse) } },
          ...ERROR_RESPONSES,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
    },
    parameters: {
      OpenAIOrganization: {
        name: 'OpenAI-Organization',
        in: 'header',
        required: false,
        description: 'The organization the request is billed to.',
        schema: { type: 'string' },
      },
      OpenAIProject: {
        name: 'OpenAI-Project',
        in: 'header',
        required: false,
        description: 'The project the request is billed to.',
        schema: { type: 'string' },
      },
      ModelId: {
        name: 'model',
        in: 'path',
        required: true,
        description: 'The model id.',
        schema: { type: 'string' },
      },
    },
  },
} satisfies OpenAPIV3_1.Document;
