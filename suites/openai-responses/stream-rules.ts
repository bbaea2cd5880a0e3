import { RESPONSES_LIFECYCLE_EVENTS, responsesStreamGrammar } from '../../specs/openai-responses/index.ts';
import { formatDiagnostics } from '../../specs/tooling/diagnostic.ts';
import { checkStreamGrammar } from '../../specs/tooling/stream-grammar.ts';
import { expect, expectEqual, fail, preview } from '../harness/assert.ts';
import { eventSequence, type StreamCapture } from '../harness/stream-capture.ts';
import { addedItems, grammarEvents, outputOf, terminalEvent, wrappedResponse } from './stream-read.ts';

/**
 * The rules of a Responses stream a check (or a shared exchange) applies to one captured stream:
 * the grammar of `specs/openai-responses` split by concern, and the lifecycle payloads.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */

/** Event order: lifecycle start, output, exactly one terminal event, nothing after it. */
export const ORDER_RULES: ReadonlySet<string> = new Set(['grammar.order', 'grammar.incomplete', 'grammar.after-end']);
/** Output items and content parts: next index, events only for open ones, their own kinds, closed before completion. */
export const ITEM_RULES: ReadonlySet<string> = new Set(['grammar.block-index', 'grammar.block-closed', 'grammar.block-unclosed', 'grammar.delta-type']);
/** Item identity: every event of an item repeats the id its output_item.added announced. */
export const IDENTITY_RULES: ReadonlySet<string> = new Set(['grammar.block-identity']);

/** Fails with the grammar findings of `rules` on one stream. */
export function expectGrammar(capture: StreamCapture, name: string, rules: ReadonlySet<string>): void {
  const diagnostics = checkStreamGrammar(responsesStreamGrammar, grammarEvents(capture.events)).filter((d) => rules.has(d.keyword));
  if (diagnostics.length > 0) {
    fail(`${name} stream: ${formatDiagnostics(diagnostics, 3)}`, { actual: `events: ${eventSequence(capture.events)}`, exchange: capture.exchange.record });
  }
}

/** Fails unless every item `output_item.added` announces has a non-empty id of its own. */
export function expectItemIds(capture: StreamCapture, name: string): void {
  const seen = new Set<string>();
  for (const [index, item] of addedItems(capture.events)) {
    const id = item.id;
    const on = { actual: preview(item, 200), exchange: capture.exchange.record };
    expect(typeof id === 'string' && id.length > 0, `${name} stream: output_item.added announces item ${index} without an id (item_id of its deltas refers to nothing)`, on);
    expect(!seen.has(id), `${name} stream: items share the id ${preview(id)}`, on);
    seen.add(id);
  }
}

/** Fails unless the stream has a terminal event (response.completed, .incomplete or .failed). */
export function expectTerminal(capture: StreamCapture, name: string): void {
  expect(terminalEvent(capture.events), `the ${name} stream ended without response.completed, response.incomplete or response.failed`, {
    expected: '… response.completed',
    actual: `events: ${eventSequence(capture.events)}`,
    exchange: capture.exchange.record,
  });
}

const LIFECYCLE: ReadonlySet<string> = new Set(RESPONSES_LIFECYCLE_EVENTS);
const STATUS_OF: Readonly<Record<string, readonly string[]>> = {
  'response.created': ['in_progress', 'queued'],
  'response.queued': ['queued'],
  'response.in_progress': ['in_progress'],
  'response.completed': ['completed'],
  'response.incomplete': ['incomplete'],
  'response.failed': ['failed'],
};

/**
 * Fails unless every lifecycle event wraps the whole Response in `response`: an object with the
 * same `id` throughout, `object: "response"`, an `output` list and the status of its event.
 */
export function expectLifecycle(capture: StreamCapture, name: string): void {
  let id: unknown;
  for (const event of capture.events) {
    if (!LIFECYCLE.has(event.type ?? '')) continue;
    const response = wrappedResponse(event);
    const on = { exchange: capture.exchange.record, actual: preview(event.json, 300) };
    expect(response, `${name} stream: ${event.type} does not wrap the Response in a response object`, { ...on, expected: `{"type":"${event.type}","sequence_number":…,"response":{"id":…,"object":"response",…}}` });
    expect(response.object === 'response' && typeof response.id === 'string' && Array.isArray(response.output), `${name} stream: ${event.type}.response is not a Response (object ${preview(response.object)}, id ${preview(response.id)}, output ${preview(response.output, 60)})`, on);
    id ??= response.id;
    expect(response.id === id, `${name} stream: ${event.type}.response.id is ${preview(response.id)}, but the stream began as ${preview(id)}`, on);
    const statuses = STATUS_OF[event.type!] ?? [];
    expect(statuses.includes(String(response.status)), `${name} stream: ${event.type}.response.status is ${preview(response.status)}, expected ${statuses.map((s) => `"${s}"`).join(' or ')}`, {
      ...on,
      expected: statuses.join(' or '),
      actual: preview(response.status),
    });
  }
}

/**
 * Fails unless the final Response's output holds exactly the streamed items: the ids and types
 * output_item.added announced, in output_index order (openai-node checks each final item against
 * the streamed one).
 */
export function expectFinalOutput(capture: StreamCapture, response: Record<string, unknown>, name: string): void {
  const streamed = [...addedItems(capture.events)].sort(([a], [b]) => a - b).map(([, item]) => `${String(item.type)} ${String(item.id)}`);
  const final = outputOf(response).map((item) => `${String(item.type)} ${String(item.id)}`);
  expectEqual(final, streamed, `the ${name} stream's final output`, { exchange: capture.exchange.record });
}
