import { normalizeProtoJson } from '../../../specs/gemini/proto-json.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall } from '../../core/protocol-adapter.ts';
import { modelNotSupported } from './errors.ts';

/** Google's JSON content type, on every JSON body the API sends. */
export const GOOGLE_JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=UTF-8' };

/** The API version of the request path (`v1beta` or `v1`), as error messages name it. */
export function apiVersion(call: OperationCall): string {
  return call.url.pathname.split('/')[1] ?? 'v1beta';
}

/**
 * The (schema-valid) request body with one spelling: fields in lowerCamelCase, enum values in
 * upper case, as the API's JSON parser reads them.
 */
export function readBody<T>(call: OperationCall, schemaId: string): T {
  return normalizeProtoJson(call.body, { $ref: schemaId }, schemaId, (id) => call.server.registry.get(id)) as T;
}

/**
 * The catalog model of the `{model}` path parameter, if it serves `method`: embedding models
 * serve only the embedding methods, the others every generation method. Any other → the API's
 * 404 (`models/x is not found for API version v1beta, or is not supported for generateContent…`).
 */
export function requireModel(call: OperationCall, method: string, kind: 'generation' | 'embedding' | 'any'): CatalogModel {
  const id = call.pathParams.model ?? '';
  const model = call.server.catalog.find(id);
  const modelKind = model?.kind ?? 'generation';
  if (!model || (kind !== 'any' && modelKind !== kind)) throw modelNotSupported(id, apiVersion(call), method);
  return model;
}
