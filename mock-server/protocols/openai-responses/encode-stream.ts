import type { ResponsesStreamEventType } from '../../../specs/openai-responses/stream-grammar.ts';
import { deterministicString } from '../../core/hash.ts';
import type { StreamEvent } from '../../core/protocol-adapter.ts';
import type { PlannedItem } from './output-items.ts';
import type { ResponseObject } from './store.ts';
import type { StoredItem } from './wire-types.ts';

/** How a stream is sent, beyond the response it carries. */
export interface StreamOptions {
  /** Background mode: `response.created` and `response.queued` show the response queued. */
  readonly background: boolean;
  /** Delta events carry `obfuscation` padding (`stream_options.include_obfuscation`, default true). */
  readonly obfuscation: boolean;
  /** Seeds the padding, so that the same request streams the same bytes. */
  readonly key: string;
}

/**
 * The event stream of a response, in the order the live API sends it: `response.created` (and
 * `response.queued` in background mode), `response.in_progress`, then per output item
 * `output_item.added` → its parts and deltas → `output_item.done`, and `response.completed` (or
 * `response.incomplete`) wrapping the final Response, whose item ids are the streamed ones.
 * Every event carries `sequence_number` (0, 1, 2…); its fields follow `type` in alphabetical
 * order, as the API writes them.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export function encodeStream(final: ResponseObject, plan: readonly PlannedItem[], options: StreamOptions): StreamEvent[] {
  const events: StreamEvent[] = [];
  const emit = (type: ResponsesStreamEventType, fields: Record<string, unknown>) => {
    const data: Record<string, unknown> = { type };
    const all: Record<string, unknown> = { ...fields, sequence_number: events.length };
    for (const name of Object.keys(all).sort()) data[name] = all[name];
    events.push({ type, data });
  };
  const pad: Pad = (delta) => (options.obfuscation ? { obfuscation: deterministicString(`${options.key}|obfuscation|${events.length}`, Math.max(2, 16 - delta.length)) } : {});
  const snapshot = (status: string) => ({ ...final, status, completed_at: null, incomplete_details: null, output: [], usage: null });

  emit('response.created', { response: snapshot(options.background ? 'queued' : 'in_progress') });
  if (options.background) emit('response.queued', { response: snapshot('queued') });
  emit('response.in_progress', { response: snapshot('in_progress') });
  plan.forEach((planned, output_index) => {
    const { item } = planned;
    const item_id = item.id;
    emit('response.output_item.added', { item: opened(item), output_index });
    if (item.type === 'message') emitMessage(planned, output_index, emit, pad);
    else if (item.type === 'function_call') {
      for (const delta of planned.pieces) emit('response.function_call_arguments.delta', { delta, item_id, output_index, ...pad(delta) });
      emit('response.function_call_arguments.done', { arguments: item.arguments, item_id, name: item.name, output_index });
    } else if (item.type === 'reasoning') emitSummary(planned, output_index, emit, pad);
    emit('response.output_item.done', { item, output_index });
  });
  emit(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
  return events;
}

type Emit = (type: ResponsesStreamEventType, fields: Record<string, unknown>) => void;
type Pad = (delta: string) => { readonly obfuscation?: string };

/** The item as `output_item.added` announces it: in progress, with nothing generated yet. */
function opened(item: StoredItem): StoredItem {
  switch (item.type) {
    case 'message':
      return { id: item.id, type: 'message', status: 'in_progress', content: [], role: 'assistant' };
    case 'function_call':
      return { id: item.id, type: 'function_call', status: 'in_progress', arguments: '', call_id: item.call_id, name: item.name };
    case 'reasoning':
      return { id: item.id, type: 'reasoning', summary: [] };
    default:
      return item;
  }
}

/** One `output_text` part: added empty, a delta per token (with its log probability when asked), done. */
function emitMessage(planned: PlannedItem, output_index: number, emit: Emit, pad: Pad): void {
  const item_id = planned.item.id;
  const [part] = planned.item.content as readonly { text: string; logprobs: readonly unknown[] }[];
  if (!part) return;
  const content_index = 0;
  emit('response.content_part.added', { content_index, item_id, output_index, part: { ...part, logprobs: [], text: '' } });
  planned.pieces.forEach((delta, i) => {
    const logprob = part.logprobs[i];
    emit('response.output_text.delta', { content_index, delta, item_id, logprobs: logprob === undefined ? [] : [logprob], output_index, ...pad(delta) });
  });
  emit('response.output_text.done', { content_index, item_id, logprobs: part.logprobs, output_index, text: part.text });
  emit('response.content_part.done', { content_index, item_id, output_index, part });
}

/** The reasoning summary, when shown: one `summary_text` part, added empty, a delta per token, done. */
function emitSummary(planned: PlannedItem, output_index: number, emit: Emit, pad: Pad): void {
  const item_id = planned.item.id;
  (planned.item.summary as readonly { type: string; text: string }[]).forEach((part, summary_index) => {
    emit('response.reasoning_summary_part.added', { item_id, output_index, part: { ...part, text: '' }, summary_index });
    for (const delta of planned.pieces) emit('response.reasoning_summary_text.delta', { delta, item_id, output_index, summary_index, ...pad(delta) });
    emit('response.reasoning_summary_text.done', { item_id, output_index, summary_index, text: part.text });
    emit('response.reasoning_summary_part.done', { item_id, output_index, part, summary_index });
  });
}
