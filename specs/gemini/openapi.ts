import type { OpenAPIV3_1 } from 'openapi-types';
import { GEMINI_SCHEMA_IDS as ids } from './schema-ids.ts';

// Helpers are left to type inference on purpose (see specs/anthropic-messages/openapi.ts).
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schemaId: string) => ({ schema: { $ref: schemaId } });

/** Either credential alone authenticates: the `x-goog-api-key` header or the `key` query parameter. */
const SECURITY: OpenAPIV3_1.SecurityRequirementObject[] = [{ apiKeyHeader: [] }, { apiKeyQuery: [] }];

/** The API versions served; `@google/genai` 3 defaults to `v1`, older clients and the AI SDK use `v1beta`. */
export const GEMINI_API_VERSIONS = ['v1beta', 'v1'] as const;

export type GeminiApiVersion = (typeof GEMINI_API_VERSIONS)[number];

/** Every non-2xx body is the Google envelope; `error.status` names the google.rpc code. */
const ERROR_RESPONSES = {
  '4XX': {
    description:
      'Client error: 400 INVALID_ARGUMENT (bad body, or a bad API key: reason API_KEY_INVALID), 403 PERMISSION_DENIED (no API key), 404 NOT_FOUND, 429 RESOURCE_EXHAUSTED.',
    content: { 'application/json': json(ids.errorResponse) },
  },
  '5XX': {
    description: 'Server error: 500 INTERNAL, 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED.',
    content: { 'application/json': json(ids.errorResponse) },
  },
};

/** The operationId of an operation under an API version: `generateContent` (v1beta), `generateContentV1` (v1). */
export function geminiOperationId(name: string, version: GeminiApiVersion): string {
  return version === 'v1beta' ? name : `${name}V1`;
}

interface PostOptions {
  readonly parameters?: { $ref: string }[];
  /** The 200 response, when it is more than one JSON body. */
  readonly ok?: { description: string; content: Record<string, { schema: Record<string, unknown> }> };
}

function post(name: string, version: GeminiApiVersion, summary: string, request: string, response: string, options: PostOptions = {}) {
  return {
    post: {
      operationId: geminiOperationId(name, version),
      summary,
      description: `${summary}. See https://ai.google.dev/api`,
      parameters: options.parameters ?? [param('Model')],
      requestBody: { required: true, content: { 'application/json': json(request) } },
      responses: { '200': options.ok ?? { description: 'The answer.', content: { 'application/json': json(response) } }, ...ERROR_RESPONSES },
    },
  };
}

/** The 200 of :streamGenerateContent: SSE with `alt=sse`, one JSON array without it. */
const STREAM_OK = {
  description:
    'With `alt=sse`: `text/event-stream`, one `data: <GenerateContentResponse>` frame per chunk, lines ending in CRLF, no `[DONE]`. Without it: `application/json`, one JSON array of GenerateContentResponse chunks written as they come (`[{…}\\n,\\r\\n{…}\\n]`, each element pretty-printed). The schema applies to each chunk; their order is the stream grammar. See https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent',
  content: {
    'text/event-stream': json(ids.generateContentResponse),
    'application/json': { schema: { type: 'array', items: { $ref: ids.generateContentResponse } } },
  },
};

function versionPaths(version: GeminiApiVersion) {
  const v = `/${version}/models`;
  const stream = post('streamGenerateContent', version, 'Generate a response, streamed', ids.generateContentRequest, ids.generateContentResponse, {
    parameters: [param('Model'), param('Alt')],
    ok: STREAM_OK,
  });
  return {
    [`${v}/{model}:generateContent`]: post('generateContent', version, 'Generate a response', ids.generateContentRequest, ids.generateContentResponse),
    [`${v}/{model}:streamGenerateContent`]: stream,
    [`${v}/{model}:countTokens`]: post('countTokens', version, 'Count the tokens of a prompt', ids.countTokensRequest, ids.countTokensResponse),
    [`${v}/{model}:embedContent`]: post('embedContent', version, 'Embed one content', ids.embedContentRequest, ids.embedContentResponse),
    [`${v}/{model}:batchEmbedContents`]: post('batchEmbedContents', version, 'Embed several contents', ids.batchEmbedContentsRequest, ids.batchEmbedContentsResponse),
    [v]: {
      get: {
        operationId: geminiOperationId('listModels', version),
        summary: 'List models',
        description: 'A page of models (`pageSize`, default 50, at most 1000), `nextPageToken` while more remain. See https://ai.google.dev/api/models#method:-models.list',
        parameters: [param('PageSize'), param('PageToken')],
        responses: { '200': { description: 'A page of models.', content: { 'application/json': json(ids.listModelsResponse) } }, ...ERROR_RESPONSES },
      },
    },
    [`${v}/{model}`]: {
      get: {
        operationId: geminiOperationId('getModel', version),
        summary: 'Get a model',
        description: 'One model by id (`models/{model}`). See https://ai.google.dev/api/models#method:-models.get',
        parameters: [param('Model')],
        responses: { '200': { description: 'The model.', content: { 'application/json': json(ids.model) } }, ...ERROR_RESPONSES },
      },
    },
  };
}

/**
 * The Gemini API (generativelanguage.googleapis.com) as an OpenAPI 3.1 document: generateContent,
 * streamGenerateContent, countTokens, embedContent, batchEmbedContents and the model listing,
 * under `/v1beta` and `/v1` alike (the proto's `{model=models/*}:method` bindings, with `{model}`
 * the bare model id). Auth is an API key in `x-goog-api-key` or `?key=`.
 *
 * @see https://ai.google.dev/api
 * @see https://github.com/googleapis/googleapis/blob/master/google/ai/generativelanguage/v1beta/generative_service.proto
 */
export const geminiOpenApi = {
  openapi: '3.1.0',
  info: {
    title: 'Gemini API (llm-conformance subset)',
    version: 'v1beta',
    description:
      'Content generation, token counting, embeddings and models of the Gemini Developer API, as the conformance suite and the reference mock understand them.',
  },
  servers: [{ url: 'https://generativelanguage.googleapis.com' }],
  security: SECURITY,
  paths: { ...versionPaths('v1beta'), ...versionPaths('v1') },
  components: {
    securitySchemes: {
      apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-goog-api-key' },
      apiKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
    },
    parameters: {
      Model: {
        name: 'model',
        in: 'path',
        required: true,
        description: 'The model id, e.g. `gemini-2.5-flash` (the resource name is `models/{model}`).',
        schema: { type: 'string', minLength: 1 },
      },
      Alt: {
        name: 'alt',
        in: 'query',
        required: false,
        description: '`sse` for Server-Sent Events (what the SDKs send); `json` or absent for one streamed JSON array.',
        schema: { type: 'string', enum: ['sse', 'json'] },
      },
      PageSize: {
        name: 'pageSize',
        in: 'query',
        required: false,
        description: 'Models per page: default 50, at most 1000 (a larger value is read as 1000).',
        schema: { type: 'integer', minimum: 0 },
      },
      PageToken: {
        name: 'pageToken',
        in: 'query',
        required: false,
        description: 'The `nextPageToken` of the previous page.',
        schema: { type: 'string' },
      },
    },
  },
} satisfies OpenAPIV3_1.Document;
