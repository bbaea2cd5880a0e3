import { excerpt, expect, preview } from './assert.ts';
import type { StreamCapture } from './stream-capture.ts';

/**
 * Framing rules every SSE protocol whose events name themselves (`data.type`) shares: the bytes
 * and frames of a stream, and the `event:` line of each frame. `skip(data)` says which frames'
 * data a rule looks past because another check reports them (an OpenAI `[DONE]`, another
 * protocol's vocabulary).
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */

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
