import type { StreamEvent } from '../../core/protocol-adapter.ts';

/**
 * JSON exactly as Google's API front end writes it. Three spellings of the same data:
 * - reply and error bodies: pretty-printed, two-space indent, ending with a newline;
 * - SSE `data:` (`alt=sse`): one line, `": "` after each key and no space after commas:
 *   `{"candidates": [{"content": {"parts": [{"text": "Four."}],"role": "model"},"index": 0}]}`;
 * - the JSON-array stream (no `alt=sse`): `[` + first element pretty-printed, then
 *   `\n,\r\n` + each next element, then `\n]`.
 * Strings escape `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, as Google's serializer does.
 *
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 */
const HTML_UNSAFE = /[<>&]/g;
const ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

function escapeHtml(json: string): string {
  // `<`, `>` and `&` can only occur inside JSON strings, so replacing them everywhere is exact.
  return json.replace(HTML_UNSAFE, (c) => ESCAPES[c] ?? c);
}

/** A reply or error body: pretty-printed, newline-terminated. */
export function prettyJson(value: unknown): string {
  return `${escapeHtml(JSON.stringify(value, null, 2))}\n`;
}

/** One SSE `data:` payload, spaced as the API spaces it (`"key": value` joined by bare commas). */
export function sseJson(value: unknown): string {
  return escapeHtml(compact(value));
}

function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : compact(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compact(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The body chunks of a stream answered without `alt=sse`: one JSON array, an element per chunk. */
export function jsonArrayChunks(events: readonly StreamEvent[]): string[] {
  if (events.length === 0) return ['[]'];
  const elements = events.map((event) => escapeHtml(JSON.stringify(event.data, null, 2)));
  return elements.map((element, i) => (i === 0 ? `[${element}` : `\n,\r\n${element}`)).concat('\n]');
}
