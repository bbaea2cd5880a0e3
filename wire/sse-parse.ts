import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** One frame as it appears on the wire, for checks that test the framing itself. */
export interface RawFrame {
  /** The frame's text without its terminating blank line. */
  readonly raw: string;
  readonly lines: readonly string[];
  /** Value of the `event:` field, if the frame has one. */
  readonly event: string | undefined;
  /** The `data:` lines joined with "\n", or `undefined` when there are none. */
  readonly data: string | undefined;
  /** Lines that are neither a known field nor a comment. */
  readonly strayLines: readonly string[];
}

/** The strict reading of an SSE body: frames, plus text left after the last blank line. */
export interface RawFraming {
  readonly frames: readonly RawFrame[];
  /** Non-empty when the body does not end with a blank line (a frame cut off). */
  readonly trailing: string;
}

const FIELDS = new Set(['event', 'data', 'id', 'retry']);

/**
 * Splits an SSE body into frames by the letter of the spec (blank line = end of event; CRLF, LF
 * and CR line endings), keeping each frame's raw lines so framing checks can point at them.
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export function parseRawFrames(body: string): RawFraming {
  const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
  const lines = text.split(/\r\n|\r|\n/);
  // The last element is what follows the final line break ('' for a well-terminated body).
  const tail = lines.pop() ?? '';
  const frames: RawFrame[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) frames.push(readFrame(current));
    current = [];
  };
  for (const line of lines) {
    if (line === '') flush();
    else current.push(line);
  }
  const trailing = [...current, tail].filter((l) => l !== '').join('\n');
  return { frames, trailing };
}

function readFrame(lines: string[]): RawFrame {
  let event: string | undefined;
  const data: string[] = [];
  const strayLines: string[] = [];
  for (const line of lines) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (!FIELDS.has(field)) strayLines.push(line);
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return { raw: lines.join('\n'), lines, event, data: data.length > 0 ? data.join('\n') : undefined, strayLines };
}

/**
 * The lenient reading of an SSE body, as a browser `EventSource` (and the SDKs) would read it,
 * via eventsource-parser: used where a check wants the events, not the framing.
 */
export function parseSseEvents(body: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  parser.feed(body);
  return events;
}
