import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';

const support = (supported: boolean) => ({ supported });

/**
 * What a model offers, in Anthropic's `ModelCapabilities` shape (every key always present). The
 * mock serves every feature for every generation model; thinking and effort follow the catalog.
 *
 * @see https://docs.claude.com/en/api/models
 */
export function encodeCapabilities(model: CatalogModel) {
  const generation = model.kind !== 'embedding';
  const thinking = generation && model.thinking;
  return {
    batch: support(generation),
    citations: support(generation),
    code_execution: support(generation),
    context_management: { supported: generation, clear_thinking_20251015: support(thinking), clear_tool_uses_20250919: support(generation), compact_20260112: support(generation) },
    effort: { supported: thinking, low: support(thinking), medium: support(thinking), high: support(thinking), max: support(thinking), xhigh: support(thinking) },
    image_input: support(generation),
    pdf_input: support(generation),
    structured_outputs: support(generation),
    thinking: { supported: thinking, types: { enabled: support(thinking), adaptive: support(thinking) } },
  };
}

/** A catalog model as Anthropic's `ModelInfo`, with the fields the official spec requires. */
export function encodeModelInfo(model: CatalogModel) {
  return {
    type: 'model',
    id: model.id,
    display_name: model.displayName,
    created_at: model.createdAt,
    max_input_tokens: model.maxInputTokens,
    max_tokens: model.maxOutputTokens,
    capabilities: encodeCapabilities(model),
  };
}

/**
 * GET /v1/models: cursor pagination with `limit` (default 20), `after_id` and `before_id`, newest
 * first; `first_id`/`last_id` are the page's ends and drive the SDK's auto-pagination.
 *
 * @see https://docs.claude.com/en/api/models-list
 */
export function listModels(call: OperationCall): OperationReply {
  const all = call.server.catalog.list();
  const query = call.url.searchParams;
  const limit = Number(query.get('limit') ?? 20);
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let start = 0;
  let end = all.length;
  if (afterId) start = all.findIndex((m) => m.id === afterId) + 1 || all.length;
  if (beforeId) end = Math.max(0, all.findIndex((m) => m.id === beforeId));
  // `before_id` pages backwards: the page is the `limit` items just before the cursor.
  const page = beforeId ? all.slice(Math.max(start, end - limit), end) : all.slice(start, Math.min(end, start + limit));
  const hasMore = beforeId ? end - limit > start : start + limit < end;
  return {
    kind: 'json',
    body: {
      data: page.map(encodeModelInfo),
      has_more: hasMore,
      first_id: page[0]?.id ?? null,
      last_id: page[page.length - 1]?.id ?? null,
    },
  };
}

/**
 * GET /v1/models/{model_id}: by id or alias; unknown → 404 `not_found_error`.
 *
 * @see https://docs.claude.com/en/api/models
 */
export function getModel(call: OperationCall): OperationReply {
  const id = call.pathParams.model_id ?? '';
  const model = call.server.catalog.find(id);
  if (!model) throw new MockProtocolError('not_found', `model: ${id}`);
  return { kind: 'json', body: encodeModelInfo(model) };
}
