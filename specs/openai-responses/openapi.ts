import type { OpenAPIV3_1 } from 'openapi-types';
import { OPENAI_COMMON_SCHEMA_IDS } from '../openai-common/index.ts';
import { RESPONSES_SCHEMA_IDS as ids } from './schema-ids.ts';

// Helpers are left to type inference on purpose (see specs/anthropic-messages/openapi.ts):
// openapi-types 12 intersects the 3.1 and 3.0 operation types.
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schemaId: string) => ({ schema: { $ref: schemaId } });

/** Error responses: every non-2xx body is the shared OpenAI envelope; the status picks `error.type`. */
const ERROR_RESPONSES = {
  '4XX': {
    description: 'Client error (400 invalid_request_error, 401 invalid_api_key, 403, 404 for an unknown response, model or previous_response_id, 413, 429 rate_limit_exceeded).',
    content: { 'application/json': json(OPENAI_COMMON_SCHEMA_IDS.errorResponse) },
  },
  '5XX': {
    description: 'Server error (500 server_error, 503 overloaded).',
    content: { 'application/json': json(OPENAI_COMMON_SCHEMA_IDS.errorResponse) },
  },
};

const RESPONSE_BODY = { description: 'The Response object.', content: { 'application/json': json(ids.response) } };

/**
 * The OpenAI Responses API as an OpenAPI 3.1 document: paths, operations, Bearer auth, and each
 * body pointing at a project JSON Schema by its absolute `$id`. The mock's router builds routes,
 * authentication and parameter checks from it. Operation ids follow the official document (whose
 * input-token operation is spelled `Getinputtokencounts`).
 *
 * @see https://platform.openai.com/docs/api-reference/responses
 */
export const openaiResponsesOpenApi = {
  openapi: '3.1.0',
  info: {
    title: 'OpenAI Responses API (llm-conformance subset)',
    version: '2.3.0',
    description: 'Create, retrieve, delete and cancel responses, list their input items and count input tokens, as the conformance suite and the reference mock understand them.',
  },
  servers: [{ url: 'https://api.openai.com' }],
  security: [{ bearer: [] }],
  paths: {
    '/v1/responses': {
      post: {
        operationId: 'createResponse',
        summary: 'Create a model response',
        description:
          'Generate a response from text, image and file inputs, function calls and earlier responses. See https://platform.openai.com/docs/api-reference/responses/create',
        requestBody: { required: true, content: { 'application/json': json(ids.createResponseRequest) } },
        responses: {
          '200': {
            description:
              'The Response (`application/json`), or a server-sent event stream (`text/event-stream`) when the request body has `stream: true` — streaming is chosen by the body, never by the Accept header. The `text/event-stream` schema applies to the JSON `data` of each event; every event also has an `event:` line equal to its `type`, and the event order and `sequence_number` are given by the stream grammar. See https://platform.openai.com/docs/api-reference/responses-streaming',
            content: { 'application/json': json(ids.response), 'text/event-stream': json(ids.streamEvent) },
          },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/responses/input_tokens': {
      post: {
        operationId: 'getInputTokenCounts',
        summary: 'Get input token counts',
        description: 'Count the input tokens of a request without creating a response. See https://platform.openai.com/docs/api-reference/responses/input-tokens',
        requestBody: { required: true, content: { 'application/json': json(ids.inputTokensRequest) } },
        responses: {
          '200': { description: 'The input token count.', content: { 'application/json': json(ids.inputTokensResponse) } },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/responses/{response_id}': {
      get: {
        operationId: 'getResponse',
        summary: 'Get a model response',
        description:
          'Retrieve a stored response (`store: true`, the default); with `stream=true` its events are streamed again. Background responses advance while polled. See https://platform.openai.com/docs/api-reference/responses/get',
        parameters: [param('ResponseId'), param('Include'), param('Stream'), param('StartingAfter'), param('IncludeObfuscation')],
        responses: {
          '200': {
            description: 'The Response, or its event stream with `stream=true`.',
            content: { 'application/json': json(ids.response), 'text/event-stream': json(ids.streamEvent) },
          },
          ...ERROR_RESPONSES,
        },
      },
      delete: {
        operationId: 'deleteResponse',
        summary: 'Delete a model response',
        description: 'Delete a stored response. See https://platform.openai.com/docs/api-reference/responses/delete',
        parameters: [param('ResponseId')],
        responses: {
          '200': { description: 'The deletion confirmation.', content: { 'application/json': json(ids.deletedResponse) } },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/responses/{response_id}/cancel': {
      post: {
        operationId: 'cancelResponse',
        summary: 'Cancel a response',
        description:
          'Cancel a background response (`background: true`); cancelling a finished one returns it unchanged. See https://platform.openai.com/docs/api-reference/responses/cancel',
        parameters: [param('ResponseId')],
        responses: { '200': RESPONSE_BODY, ...ERROR_RESPONSES },
      },
    },
    '/v1/responses/{response_id}/input_items': {
      get: {
        operationId: 'listInputItems',
        summary: 'List input items',
        description: 'The input items of a stored response, as a cursor page. See https://platform.openai.com/docs/api-reference/responses/input-items',
        parameters: [param('ResponseId'), param('Limit'), param('Order'), param('After'), param('Include')],
        responses: {
          '200': { description: 'A page of input items.', content: { 'application/json': json(ids.inputItemList) } },
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
      ResponseId: { name: 'response_id', in: 'path', required: true, description: 'The id of a response (`resp_…`).', schema: { type: 'string' } },
      Include: {
        name: 'include',
        in: 'query',
        required: false,
        description: 'Additional output data to include (`include[]=reasoning.encrypted_content`, repeated).',
        schema: { type: 'array', items: { type: 'string' } },
      },
      Stream: { name: 'stream', in: 'query', required: false, description: 'Stream the response events again.', schema: { type: 'boolean' } },
      StartingAfter: {
        name: 'starting_after',
        in: 'query',
        required: false,
        description: 'With `stream=true`: the sequence number after which to start.',
        schema: { type: 'integer', minimum: -1 },
      },
      IncludeObfuscation: {
        name: 'include_obfuscation',
        in: 'query',
        required: false,
        description: 'With `stream=true`: whether delta events carry the `obfuscation` padding (default true).',
        schema: { type: 'boolean' },
      },
      Limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Items per page, 1 to 100.',
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      },
      Order: { name: 'order', in: 'query', required: false, description: '`desc` (default) or `asc`.', schema: { type: 'string', enum: ['asc', 'desc'] } },
      After: { name: 'after', in: 'query', required: false, description: 'Cursor: an item id; the page starts after it.', schema: { type: 'string' } },
    },
  },
} satisfies OpenAPIV3_1.Document;
