import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { apiVersion, GOOGLE_JSON_HEADERS } from './call-context.ts';
import { GeminiError } from './errors.ts';

/** `pageSize` when absent or 0, and the largest one honoured (larger values are read as this). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/**
 * The methods each kind of model lists: the live API's names, restricted to those the mock
 * serves (the live list also has `createCachedContent`, `batchGenerateContent`, …).
 */
const METHODS = {
  generation: ['generateContent', 'countTokens'],
  embedding: ['embedContent', 'countTokens'],
} as const;

/**
 * A catalog model as the API's `Model`, in its key order. Every catalog model is listed
 * (cross-protocol access: a `claude-*` model answers `:generateContent` too). The live API leaves
 * `baseModelId` out, and sampling defaults and `thinking` appear only on generation models.
 *
 * @see https://ai.google.dev/api/models#Model
 */
export function encodeModel(model: CatalogModel) {
  const embedding = model.kind === 'embedding';
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.displayName,
    description: model.displayName,
    inputTokenLimit: model.maxInputTokens,
    outputTokenLimit: model.maxOutputTokens,
    supportedGenerationMethods: [...METHODS[embedding ? 'embedding' : 'generation']],
    ...(embedding ? {} : { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 }),
    ...(!embedding && model.thinking ? { thinking: true } : {}),
  };
}

/** A page token names the first model of the next page (`models/<id>`, URL-safe base64). */
function pageToken(model: CatalogModel): string {
  return Buffer.from(`models/${model.id}`).toString('base64url');
}

/**
 * GET /{version}/models: `pageSize` models (default 50, at most 1000) and `nextPageToken` while
 * more remain; `pageToken` continues where the previous page stopped.
 *
 * @see https://ai.google.dev/api/models#method:-models.list
 */
export function listModels(call: OperationCall): OperationReply {
  const all = call.server.catalog.list();
  const query = call.url.searchParams;
  const size = Math.min(MAX_PAGE_SIZE, Number(query.get('pageSize') ?? 0) || DEFAULT_PAGE_SIZE);
  const token = query.get('pageToken');
  let start = 0;
  if (token) {
    start = all.findIndex((m) => pageToken(m) === token);
    if (start === -1) throw new GeminiError('invalid_request', 'Invalid page token.');
  }
  const page = all.slice(start, start + size);
  const next = all[start + size];
  return {
    kind: 'json',
    body: { models: page.map(encodeModel), ...(next ? { nextPageToken: pageToken(next) } : {}) },
    headers: GOOGLE_JSON_HEADERS,
  };
}

/**
 * GET /{version}/models/{model}: one model; unknown → 404 `Model is not found: models/x for api version v1beta`.
 *
 * @see https://ai.google.dev/api/models#method:-models.get
 */
export function getModel(call: OperationCall): OperationReply {
  const id = call.pathParams.model ?? '';
  const model = call.server.catalog.find(id);
  if (!model) throw new GeminiError('not_found', `Model is not found: models/${id} for api version ${apiVersion(call)}`);
  return { kind: 'json', body: encodeModel(model), headers: GOOGLE_JSON_HEADERS };
}
