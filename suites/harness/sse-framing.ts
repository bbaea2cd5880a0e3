import { excerpt, expect, preview } from './assert.ts';
import { expectMediaType, expectOk } from './replies.ts';
import type { ParsedEvent, StreamCapture } from './stream-capture.ts';

/**
 * Framing rules every SSE protocol whose events name themselves (`data.type`) shares: the bytes
 * and frames of a stream, the `event:` line of each frame, the vocabulary of its events and the
 * OpenAI `[DONE]` sentinel where it does not belong. `skip(data)` says which frames' data a rule
 * looks past because another check reports them (an OpenAI `[DONE]`, another protocol's
 * vocabulary).
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */

/**
 * An OpenAI Chat `data: [DONE]` frame: the end of a Chat stream, a stray on any other protocol's
 * stream (its no-done-sentinel check reports it, the other framing checks look past it).
 */
export function isDoneSentinel(data: string | undefined): boolean {
  return data?.trim() === '[DONE]';
}

/** Fails when a stream that ends with its own last event carries a `data: [DONE]` frame. */
export function expectNoDoneSentinel(capture: Pick<StreamCapture, 'exchange' | 'framing'>): void {
  const on = { exchange: capture.exchange.record };
  expect(!capture.framing.frames.some((f) => isDoneSentinel(f.data)), 'the stream carries a data: [DONE] frame', { ...on, expected: 'no [DONE] frame', actual: 'data: [DONE]' });
}

/** The `type` of a frame's data when it is a JSON object (else `undefined`). */
function dataType(data: string): unknown {
  try {
    return (JSON.parse(data) as { type?: unknown } | null)?.type;
  } catch {
    return undefined;
  }
}

/** Fails unless the body is valid UTF-8, every frame ends with a blank line, has only SSE fields and one JSON object as data. */
export function expectFramesWellFormed(capture: StreamCapture, name: string, skip: (data: string) => boolean): void {
  const on = { exchange: capture.exchange.record };
  expect(capture.exchange.utf8Valid, `the ${name} stream is not valid UTF-8`, on);
  expect(capture.framing.trailing === '', `the ${name} stream ends inside a frame: ${excerpt(capture.framing.trailing, 80)}`, on);
  capture.framing.frames.forEach((frame, i) => {
    expect(frame.strayLines.length === 0, `${name} stream, frame ${i} has lines that are not SSE fields: ${excerpt(frame.strayLines.join(' | '), 80)}`, on);
    if (frame.data === undefined || skip(frame.data)) return;
    let value: unknown;
    try {
      value = JSON.parse(frame.data);
    } catch {
      value = undefined;
    }
    expect(value !== null && typeof value === 'object' && !Array.isArray(value), `${name} stream, frame ${i} data is not a JSON object: ${excerpt(frame.data, 80)}`, on);
  });
}

/** Fails unless every frame (but the skipped) has an `event:` line equal to its data's `type`. */
export function expectEventLinesMatchType(capture: StreamCapture, name: string, skip: (data: string) => boolean): void {
  capture.framing.frames.forEach((frame, i) => {
    if (frame.data === undefined || skip(frame.data)) return;
    const type = dataType(frame.data);
    const details = { expected: `event: ${String(type)}`, actual: frame.event === undefined ? '(no event: line)' : `event: ${frame.event}`, exchange: capture.exchange.record };
    expect(frame.event !== undefined, `${name} stream, frame ${i} has no event: line (data ${excerpt(frame.data, 80)})`, details);
    expect(frame.event === type, `${name} stream, frame ${i}: event: ${frame.event} but data.type is ${preview(type)}`, details);
  });
}

/** Whether a frame's data is a JSON object without a string `type` (another protocol's vocabulary). */
export function isUntyped(data: string): boolean {
  return typeof dataType(data) !== 'string';
}

/**
 * What is wrong with an event's vocabulary, if anything: data that is not a JSON object (`[DONE]`
 * aside: no-done-sentinel reports it), an OpenAI Chat Completions chunk, an event without a string
 * type, else what `typeProblem` says of its type (another protocol's event, an undefined type).
 */
export function vocabularyProblem(event: ParsedEvent, typeProblem: (type: string) => string | undefined): string | undefined {
  if (event.json === undefined) return isDoneSentinel(event.data) ? undefined : `data that is not a JSON object (${excerpt(event.data, 60)})`;
  if (event.json.object === 'chat.completion.chunk') return 'an OpenAI Chat Completions chunk';
  if (event.type === undefined) return `an event without a string type (${excerpt(event.data, 60)})`;
  return typeProblem(event.type);
}

/** Fails when an event of the stream has a {@link vocabularyProblem}: the first one named, every kind listed. */
export function expectOwnVocabulary(capture: StreamCapture, name: string, typeProblem: (type: string) => string | undefined): void {
  const foreign = capture.events.map((e) => vocabularyProblem(e, typeProblem)).filter((f): f is string => f !== undefined);
  expect(foreign.length === 0, `the ${name} stream carries ${foreign[0]}`, { actual: [...new Set(foreign)].join('; '), exchange: capture.exchange.record });
}

/**
 * Fails unless a `stream: true` request sent with `Accept: application/json` (what the official
 * SDKs send) was answered with a stream that has a `startType` event: streaming is chosen by the
 * body, not by the Accept header.
 */
export function expectStreamedDespiteAccept(capture: StreamCapture, startType: string): void {
  expectOk(capture.exchange, 'the streaming request with Accept: application/json');
  expectMediaType(capture.exchange, 'text/event-stream', 'the reply to stream: true with Accept: application/json');
  expect(capture.events.some((e) => e.type === startType), `no ${startType} event in the body`, { exchange: capture.exchange.record });
}
