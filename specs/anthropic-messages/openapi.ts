import type { OpenAPIV3_1 } from 'openapi-types';
import { ANTHROPIC_SCHEMA_IDS as ids } from './schema-ids.ts';

// Helpers are left to type inference on purpose: openapi-types 12 intersects the 3.1 operation types
// with the 3.0 ones, so a value annotated with a 3.1 media type no longer fits; plain `{ $ref }`
// literals fit both.
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schemaId: string) => ({ schema: { $ref: schemaId } });

/** Headers and the `?beta=true` marker that every Anthropic operation accepts. */
const COMMON_PARAMETERS = [param('AnthropicVersion'), param('AnthropicBeta'), param('BetaQuery')];

/** Either scheme alone is enough. */
const SECURITY: OpenAPIV3_1.SecurityRequirementObject[] = [{ apiKey: [] }, { bearer: [] }];

/** Error responses: every non-2xx body has the same envelope; the status picks `error.type`. */
const ERROR_RESPONSES = {
  '4XX': {
    description: 'Client error (400 invalid_request_error, 401, 403, 404, 413 request_too_large, 429 rate_limit_error).',
    content: { 'application/json': json(ids.errorResponse) },
  },
  '5XX': {
    description: 'Server error (500 api_error, 504 timeout_error, 529 overloaded_error).',
    content: { 'application/json': json(ids.errorResponse) },
  },
};

/**
 * The `anthropic-version` the project's raw requests send (the one the docs use; the official SDK
 * sends its own, newer one). Defined once, here: the suite and the mock's tests import it.
 *
 * @see https://docs.claude.com/en/api/versioning
 */
export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * The Anthropic Messages API as an OpenAPI 3.1 document: paths, operations, auth and required
 * headers, each body pointing at a project JSON Schema by its absolute `$id`. The mock's router
 * builds routes, authentication and header checks from it.
 *
 * Either `x-api-key` or `Authorization: Bearer` authenticates (real clients send both forms).
 * `anthropic-version` is required and any date-shaped value is accepted (SDK 1.12 sends
 * `2026-10-21`, older clients `2023-06-01`).
 *
 * @see https://docs.claude.com/en/api/messages
 * @see https://docs.claude.com/en/api/versioning
 */
export const anthropicMessagesOpenApi = {
  openapi: '3.1.0',
  info: {
    title: 'Anthropic Messages API (llm-conformance subset)',
    version: ANTHROPIC_VERSION,
    description:
      'Create Message, Count Tokens and Models endpoints of the Anthropic API, as the conformance suite and the reference mock understand them.',
  },
  servers: [{ url: 'https://api.anthropic.com' }],
  security: SECURITY,
  paths: {
    '/v1/messages': {
      post: {
        operationId: 'createMessage',
        summary: 'Create a Message',
        description:
          'Send a structured list of input messages and get the next assistant message. See https://docs.claude.com/en/api/messages',
        parameters: COMMON_PARAMETERS,
        requestBody: { required: true, content: { 'application/json': json(ids.createMessageRequest) } },
        responses: {
          '200': {
            description:
              'The Message (`application/json`), or a server-sent event stream (`text/event-stream`) when the request body has `stream: true` — streaming is chosen by the body, never by the Accept header. The `text/event-stream` schema applies to the JSON `data` of each event; every event also has an `event:` line naming its type (the `$defs` entry of the same name), and the event order is given by the stream grammar. A beta call (`?beta=true`, or any `anthropic-beta` header) answers the beta shape, which adds required fields: `message.json#/$defs/BetaMessage` and `stream-event.json#/$defs/BetaStreamEvent`. See https://docs.claude.com/en/docs/build-with-claude/streaming',
            content: {
              'application/json': json(ids.message),
              'text/event-stream': json(ids.streamEvent),
            },
          },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/messages/count_tokens': {
      post: {
        operationId: 'countTokens',
        summary: 'Count tokens in a Message',
        description:
          'Count the input tokens of a Create Message request without creating it. See https://docs.claude.com/en/api/messages-count-tokens',
        parameters: COMMON_PARAMETERS,
        requestBody: { required: true, content: { 'application/json': json(ids.countTokensRequest) } },
        responses: {
          '200': { description: 'The token count.', content: { 'application/json': json(ids.countTokensResponse) } },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/models': {
      get: {
        operationId: 'listModels',
        summary: 'List Models',
        description: 'List available models, most recently released first. See https://docs.claude.com/en/api/models-list',
        parameters: [...COMMON_PARAMETERS, param('Limit'), param('AfterId'), param('BeforeId')],
        responses: {
          '200': { description: 'A page of models.', content: { 'application/json': json(ids.modelList) } },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/models/{model_id}': {
      get: {
        operationId: 'getModel',
        summary: 'Get a Model',
        description: 'Get one model by id or alias. See https://docs.claude.com/en/api/models',
        parameters: [...COMMON_PARAMETERS, param('ModelId')],
        responses: {
          '200': { description: 'The model.', content: { 'application/json': json(ids.modelInfo) } },
          ...ERROR_RESPONSES,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      bearer: { type: 'http', scheme: 'bearer' },
    },
    parameters: {
      AnthropicVersion: {
        name: 'anthropic-version',
        in: 'header',
        required: true,
        description: 'API version date. See https://docs.claude.com/en/api/versioning',
        schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
      AnthropicBeta: {
        name: 'anthropic-beta',
        in: 'header',
        required: false,
        description: 'Comma-separated beta feature names, e.g. `interleaved-thinking-2025-05-14,context-1m-2025-08-07`. See https://docs.claude.com/en/api/beta-headers',
        schema: { type: 'string' },
      },
      BetaQuery: {
        name: 'beta',
        in: 'query',
        required: false,
        description: 'Stainless SDKs append `?beta=true` to calls made through `client.beta.*`.',
        schema: { type: 'string', enum: ['true', 'false'] },
      },
      Limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Number of items per page.',
        schema: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
      },
      AfterId: {
        name: 'after_id',
        in: 'query',
        required: false,
        description: 'Cursor: return the page right after this object id.',
        schema: { type: 'string' },
      },
      BeforeId: {
        name: 'before_id',
        in: 'query',
        required: false,
        description: 'Cursor: return the page right before this object id.',
        schema: { type: 'string' },
      },
      ModelId: {
        name: 'model_id',
        in: 'path',
        required: true,
        description: 'Model identifier or alias.',
        schema: { type: 'string' },
      },
    },
  },
} satisfies OpenAPIV3_1.Document;
