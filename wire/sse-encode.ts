/**
 * One Server-Sent Events frame. `data` is the exact text to send (protocols serialise their own
 * JSON, because vendors differ in spacing: Anthropic's `ping` is `{"type": "ping"}` with a space).
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export interface SseFrame {
  readonly event?: string;
  readonly data: string;
  readonly id?: string;
  /**
   * Line ending of every line of the frame (default `\n`). Gemini ends its lines with `\r\n`
   * (`data: {…}\r\n\r\n`); the SSE spec allows CRLF, LF and CR alike.
   */
  readonly eol?: '\n' | '\r\n';
}

/**
 * Encodes one frame: `event:` line (when set), one `data:` line per line of data, and the blank
 * line that ends the event. CR/LF inside `event`/`id` would split the frame, so they are refused;
 * multi-line data is split as the spec requires rather than sent raw.
 */
export function encodeSseFrame(frame: SseFrame): string {
  const eol = frame.eol ?? '\n';
  let out = '';
  if (frame.event !== undefined) out += `event: ${singleLine(frame.event, 'event')}${eol}`;
  if (frame.id !== undefined) out += `id: ${singleLine(frame.id, 'id')}${eol}`;
  if (frame.data.includes('\n') || frame.data.includes('\r')) {
    for (const line of frame.data.split(/\r\n|\r|\n/)) out += `data: ${line}${eol}`;
  } else {
    out += `data: ${frame.data}${eol}`;
  }
  return `${out}${eol}`;
}

function singleLine(value: string, field: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`[llm-conformance] Failed to encode an SSE frame: the ${field} field contains a line break.`);
  return value;
}

/** Headers of every SSE response the mock sends (the vendors add `charset=utf-8`). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
};
