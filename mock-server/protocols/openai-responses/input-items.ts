import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { OpenAIError } from '../openai-common/errors.ts';
import { requireStored } from './stored-responses.ts';

/**
 * GET /v1/responses/{response_id}/input_items: the stored input items of a response (each with
 * its id), newest first unless `order=asc`, as a cursor page (`limit`, `after`, `has_more`),
 * which openai-node's `CursorPage` walks.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/input-items
 */
export function listInputItems(call: OperationCall): OperationReply {
  const { record } = requireStored(call);
  const query = call.url.searchParams;
  const items = query.get('order') === 'asc' ? record.input : [...record.input].reverse();
  const after = query.get('after');
  let start = 0;
  if (after !== null) {
    const at = items.findIndex((item) => item.id === after);
    if (at === -1) throw new OpenAIError('not_found', `Item with id '${after}' not found.`, { param: 'after' });
    start = at + 1;
  }
  const limit = Number(query.get('limit') ?? 20);
  const data = items.slice(start, start + limit);
  return {
    kind: 'json',
    body: { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: start + limit < items.length },
  };
}
