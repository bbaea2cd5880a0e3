import { RESPONSES_STREAM_EVENTS, RESPONSES_TERMINAL_EVENTS } from '../../specs/openai-responses/index.ts';
import type { GrammarEvent } from '../../specs/tooling/stream-grammar.ts';
import { jsonObject } from '../harness/http.ts';
import type { ParsedEvent } from '../harness/stream-capture.ts';

type Json = Record<string, unknown>;

/**
 * Reading a Responses stream and a Response object the way clients do: the terminal event, the
 * items each `output_item.added` announced, the text the deltas of each content part add up to.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */

/** Every event type the Responses API defines (what openai-node's stream helper accepts). */
export const KNOWN_EVENTS: ReadonlySet<string> = new Set(RESPONSES_STREAM_EVENTS);
const TERMINAL: ReadonlySet<string> = new Set(RESPONSES_TERMINAL_EVENTS);

/** The last event that ends a response (completed, incomplete or failed), if any. */
export function terminalEvent(events: readonly ParsedEvent[]): ParsedEvent | undefined {
  return events.findLast((e) => TERMINAL.has(e.type ?? ''));
}

/** The Response a lifecycle event wraps (`undefined` when it wraps none). */
export function wrappedResponse(event: ParsedEvent | undefined): Json | undefined {
  return jsonObject(event?.json?.response);
}

/** The documented events of a stream, for the grammar: unknown types are stream/known-event-types' business. */
export function grammarEvents(events: readonly ParsedEvent[]): GrammarEvent[] {
  return events.filter((e) => KNOWN_EVENTS.has(e.type ?? '')).map((e) => ({ type: e.type!, data: e.json }));
}

/** The item each `response.output_item.added` announced, by output_index (the first announcement wins). */
export function addedItems(events: readonly ParsedEvent[]): Map<number, Json> {
  const items = new Map<number, Json>();
  for (const e of events) {
    const index = e.json?.output_index;
    const item = jsonObject(e.json?.item);
    if (e.type === 'response.output_item.added' && typeof index === 'number' && item && !items.has(index)) items.set(index, item);
  }
  return items;
}

/** The fields `field` of the events of `type`, concatenated per `(output_index, content_index)`. */
export function joinedByPart(events: readonly ParsedEvent[], type: string, field: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const e of events) {
    if (e.type !== type || !e.json) continue;
    const key = partKey(e.json);
    parts.set(key, (parts.get(key) ?? '') + String(e.json[field] ?? ''));
  }
  return parts;
}

/** `output_index/content_index` of an event (`?` for a missing index). */
export function partKey(json: Json): string {
  const at = (value: unknown) => (typeof value === 'number' ? String(value) : '?');
  return `${at(json.output_index)}/${at(json.content_index)}`;
}

/** A Response's output items (`[]` when absent or not an array). */
export function outputOf(response: Json | undefined): Json[] {
  return Array.isArray(response?.output) ? (response.output as unknown[]).map((item) => jsonObject(item) ?? {}) : [];
}

/** The text of a Response's message items: every output_text part, joined (what the SDK's `output_text` is). */
export function messageText(response: Json | undefined): string {
  return outputOf(response)
    .filter((item) => item.type === 'message')
    .flatMap((item) => (Array.isArray(item.content) ? (item.content as unknown[]) : []))
    .map((part) => jsonObject(part))
    .filter((part) => part?.type === 'output_text')
    .map((part) => String(part?.text ?? ''))
    .join('');
}

/** The first output item of a type. */
export function firstItem(response: Json | undefined, type: string): Json | undefined {
  return outputOf(response).find((item) => item.type === type);
}
