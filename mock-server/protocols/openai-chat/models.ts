import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { modelNotFound } from '../openai-common/errors.ts';
import { openaiResponseHeaders } from '../openai-common/headers.ts';

/** A catalog model as OpenAI's `Model`: `created` in Unix seconds. */
export function encodeModel(model: CatalogModel) {
  return { id: model.id, object: 'model', created: Math.floor(Date.parse(model.createdAt) / 1000), owned_by: model.ownedBy };
}

/**
 * GET /v1/models in OpenAI's shape: every model of the catalog (every vendor's: each is usable
 * through Chat Completions), in one list without pagination.
 *
 * @see https://platform.openai.com/docs/api-reference/models/list
 */
export function listModels(call: OperationCall): OperationReply {
  return { kind: 'json', body: { object: 'list', data: call.server.catalog.list().map(encodeModel) }, headers: openaiResponseHeaders() };
}

/**
 * GET /v1/models/{model}: by id or alias; unknown → 404 `model_not_found`.
 *
 * @see https://platform.openai.com/docs/api-reference/models/retrieve
 */
export function retrieveModel(call: OperationCall): OperationReply {
  const id = call.pathParams.model ?? '';
  const model = call.server.catalog.find(id);
  if (!model) throw modelNotFound(id);
  return { kind: 'json', body: encodeModel(model), headers: openaiResponseHeaders() };
}
