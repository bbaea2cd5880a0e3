import { parseRawFrames, parseSseEvents, type RawFraming } from '../../wire/sse-parse.ts';
import { expect } from './assert.ts';
import { type RawExchange, type RawRequest, jsonObject, rawExchange } from './http.ts';
import { describeReply, expectOk } from './replies.ts';
import type { ResolvedTarget } from './target.ts';

/** One stream event as a check sees it: the lenient parse plus the JSON of its data. */
export interface ParsedEvent {
  /** The `event:` field, if any. */
  readonly event: string | undefined;
  readonly data: string;
  /** `data` parsed as a JSON object (`undefined` when it is not one). */
  readonly json: Record<string, unknown> | undefined;
  /** `json.type` when it is a string (Anthropic and OpenAI Responses events name themselves so). */
  readonly type: string | undefined;
}

/** A streamed exchange, read three ways: raw bytes, strict framing, lenient events. */
export interface StreamCapture {
  readonly exchange: RawExchange;
  readonly framing: RawFraming;
  readonly events: readonly ParsedEvent[];
}

/**
 * Sends a request whose reply is an SSE stream and reads it whole (bounded by the target), as
 * bytes, as strictly parsed frames (for framing checks) and as the events a client sees.
 */
export async function captureStream(target: ResolvedTarget, request: RawRequest): Promise<StreamCapture> {
  const exchange = await rawExchange(target, request);
  return { exchange, framing: parseRawFrames(exchange.text), events: parseSseEvents(exchange.text).map(toParsedEvent) };
}

function toParsedEvent(message: { event?: string | undefined; data: string }): ParsedEvent {
  let json: Record<string, unknown> | undefined;
  try {
    json = jsonObject(JSON.parse(message.data));
  } catch {
    json = undefined;
  }
  return { event: message.event, data: message.data, json, type: typeof json?.type === 'string' ? json.type : undefined };
}

/**
 * Fails unless the stream request succeeded (HTTP 200) and carried at least one SSE event: an
 * HTML page or a JSON body where a stream belongs is a failure, never "nothing to check".
 */
export function okStream(capture: StreamCapture, what: string): StreamCapture {
  expectOk(capture.exchange, what);
  expect(capture.events.length > 0, `${what} carried no SSE events: ${describeReply(capture.exchange)}`, {
    expected: 'an SSE stream (text/event-stream frames)',
    actual: describeReply(capture.exchange),
    exchange: capture.exchange.record,
  });
  return capture;
}

/**
 * The sequence of event types, repeats folded, for messages and evidence:
 * `message_start, content_block_start, content_block_delta ×20, content_block_stop`.
 */
export function eventSequence(events: readonly ParsedEvent[]): string {
  const out: string[] = [];
  let last: string | undefined;
  let count = 0;
  const flush = () => {
    if (last !== undefined) out.push(count > 1 ? `${last} ×${count}` : last);
  };
  for (const event of events) {
    const type = event.type ?? event.event ?? '?';
    if (type === last) {
      count++;
      continue;
    }
    flush();
    last = type;
    count = 1;
  }
  flush();
  return out.join(', ') || '(none)';
}

/** Events whose `type` is `type`. */
export function eventsOf<T extends string>(events: readonly ParsedEvent[], type: T): ParsedEvent[] {
  return events.filter((e) => e.type === type);
}

/** The data of the first event of a type (fails when absent). */
export function firstEvent<T extends string>(events: readonly ParsedEvent[], type: T, what: string): Record<string, unknown> {
  const found = events.find((e) => e.type === type)?.json;
  expect(found, `${what}: no '${type}' event in the stream`, { expected: `a '${type}' event`, actual: `events: ${eventSequence(events)}` });
  return found;
}
