import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { OpenAIError } from '../openai-common/errors.ts';
import { encodeStream } from './encode-stream.ts';
import { planStored } from './output-items.ts';
import { type BackgroundStage, ResponseStore, responseView, type StoredResponse } from './store.ts';

/** The next stage a poll moves a background response to. */
const NEXT_STAGE: Readonly<Record<BackgroundStage, BackgroundStage>> = { queued: 'in_progress', in_progress: 'done', done: 'done', cancelled: 'cancelled' };

/** The stored response a call names, or the API's 404. */
export function requireStored(call: OperationCall): { store: ResponseStore; record: StoredResponse } {
  const store = new ResponseStore(call.server.state);
  const id = call.pathParams.response_id ?? '';
  const record = store.get(id);
  if (!record) throw new OpenAIError('not_found', `Response with id '${id}' not found.`, { param: 'response_id' });
  return { store, record };
}

/**
 * GET /v1/responses/{response_id}: the stored response. A background response moves one stage
 * per poll (queued → in_progress → completed), so polling ends without timers. With `stream=true`
 * its events are sent again, as the first stream sent them.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/get
 * @see https://platform.openai.com/docs/guides/background
 */
export function getResponse(call: OperationCall): OperationReply {
  const { store, record } = requireStored(call);
  const query = call.url.searchParams;
  if (query.get('stream') === 'true') return replay(call, store, record);
  // A HEAD request looks without polling: it must not move a background response on.
  const advanced = record.stage === undefined || call.request.method === 'HEAD' ? record : { ...record, stage: NEXT_STAGE[record.stage] };
  if (advanced !== record) store.update(advanced);
  return { kind: 'json', body: responseView(advanced) };
}

function replay(call: OperationCall, store: ResponseStore, record: StoredResponse): OperationReply {
  const { response } = record;
  if (record.stage === 'cancelled') throw new OpenAIError('invalid_request', `Response with id '${response.id}' was cancelled: it has no events to stream.`);
  // The mock checks every stream it sends against the grammar, which wants the whole stream.
  if (call.url.searchParams.has('starting_after')) {
    throw new OpenAIError('invalid_request', 'The llm-conformance mock streams stored responses from their first event only: starting_after is not supported.', {
      param: 'starting_after',
    });
  }
  if (record.stage !== undefined && record.stage !== 'done') store.update({ ...record, stage: 'done' });
  const obfuscation = record.obfuscation && call.url.searchParams.get('include_obfuscation') !== 'false';
  const events = encodeStream(response, planStored(response.output), { background: record.stage !== undefined, obfuscation, key: response.id });
  return { kind: 'stream', events };
}

/**
 * DELETE /v1/responses/{response_id}: forgets a stored response.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/delete
 */
export function deleteResponse(call: OperationCall): OperationReply {
  const { store, record } = requireStored(call);
  store.delete(record.response.id);
  return { kind: 'json', body: { id: record.response.id, object: 'response', deleted: true } };
}

/**
 * POST /v1/responses/{response_id}/cancel: cancels a background response that has not finished;
 * a finished one is returned unchanged (cancelling twice is harmless), a foreground one refused.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/cancel
 */
export function cancelResponse(call: OperationCall): OperationReply {
  const { store, record } = requireStored(call);
  if (record.stage === undefined) throw new OpenAIError('invalid_request', 'Cannot cancel a synchronous response.');
  if (record.stage === 'done' || record.stage === 'cancelled') return { kind: 'json', body: responseView(record) };
  const cancelled = { ...record, stage: 'cancelled' as const };
  store.update(cancelled);
  return { kind: 'json', body: responseView(cancelled) };
}
