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
}

/**
 * Encodes one frame: `event:` line (when set), one `data:` line per line of data, and the blank
 * line that ends the event. CR/LF inside `event`/`id` would split the frame, so they are refused;
 * multi-line data is split as the spec requires rather than sent raw.
 */
export function encodeSseFrame(frame: SseFrame): string {
  let out = '';
  if (frame.event !== undefined) out += `event: ${singleLine(frame.event, 'event')}\n`;
  if (frame.id !== undefined) out += `id: ${singleLine(frame.id, 'id')}\n`;
  if (frame.data.includes('\n') || frame.data.includes('\r')) {
    for (const line of frame.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  } else {
    out += `data: ${frame.data}\n`;
  }
  return `${out}\n`;
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
