import { isStream, withRequestJson } from './rewrite-hooks.ts';
import { defineVariation, encodeParts, mapJsonText, mapObjects, reframe, type Variation } from './variation.ts';

const SSE_SPEC = 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation';
const RFC_8259 = 'https://www.rfc-editor.org/rfc/rfc8259';

/** The field `unknown-fields` adds to every object (and strips from requests). */
export const VARIANT_FIELD = 'x_llm_conformance_variant';

const SPLIT_BYTES = 7;

/** Splits bytes every `size` bytes: frames, lines and multi-byte UTF-8 characters end up cut. */
export function splitEvery(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; at += size) chunks.push(bytes.slice(at, at + size));
  return chunks;
}

/** Removes `key` from every object of a JSON value. */
function strip(value: unknown, key: string): unknown {
  return mapObjects(value, new Set(), (object) => {
    const { [key]: _removed, ...rest } = object;
    return rest;
  });
}

/** Escapes every non-ASCII character as `\uXXXX` and `/` as `\/` (both valid JSON, RFC 8259 §7). */
function escapeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Variations every protocol must tolerate. (A UTF-8 byte order mark at the start of a stream is
 * also allowed by the SSE spec, but the official Anthropic SDK decodes with `ignoreBOM: true` and
 * then drops the first event: a client deviation, so it is not among them.)
 */
export const GENERIC_VARIATIONS: readonly Variation[] = [
  defineVariation({
    id: 'sse-crlf',
    description: 'SSE lines end with CRLF instead of LF.',
    allowedBy: SSE_SPEC,
    rewrite: (reply) => (isStream(reply) ? { ...reply, body: reply.body.replace(/\n/g, '\r\n') } : reply),
  }),
  defineVariation({
    id: 'sse-cr',
    description: 'SSE lines end with a lone CR.',
    allowedBy: SSE_SPEC,
    rewrite: (reply) => (isStream(reply) ? { ...reply, body: reply.body.replace(/\n/g, '\r') } : reply),
  }),
  defineVariation({
    id: 'sse-comments',
    description: 'Comment lines before, inside and after every frame, and a `: keepalive` after the last event.',
    allowedBy: SSE_SPEC,
    rewrite: (reply) =>
      reframe(
        reply,
        (parts) => {
          const [first, ...rest] = encodeParts(parts).split('\n');
          return `: before\n${[first, ': inside', ...rest].join('\n')}`;
        },
        ': keepalive\n\n',
      ),
  }),
  defineVariation({
    id: 'sse-no-space-after-colon',
    description: 'Fields written without the optional space after the colon (`data:{…}`).',
    allowedBy: SSE_SPEC,
    rewrite: (reply) => reframe(reply, (parts) => encodeParts(parts).replace(/^(event|data|id): /gm, '$1:')),
  }),
  defineVariation({
    id: 'sse-id-and-retry',
    description: 'A `retry:` field before the first frame and an `id:` line in every frame.',
    allowedBy: SSE_SPEC,
    rewrite: (reply) => {
      const framed = reframe(reply, (parts, i) => encodeParts({ ...parts, id: String(i + 1) }));
      return framed === reply ? reply : { ...framed, body: `retry: 3000\n\n${framed.body}` };
    },
  }),
  defineVariation({
    id: 'sse-extra-blank-lines',
    description: 'Extra blank lines between frames (an empty event is never dispatched).',
    allowedBy: SSE_SPEC,
    rewrite: (reply) => reframe(reply, (parts) => `\n${encodeParts(parts)}\n`),
  }),
  defineVariation({
    id: 'sse-multiline-data',
    description: 'Event data pretty-printed over several `data:` lines (clients join them with LF).',
    allowedBy: SSE_SPEC,
    rewrite: (reply) => (isStream(reply) ? mapJsonText(reply, (value) => JSON.stringify(value, null, 2)) : reply),
  }),
  defineVariation({
    id: 'split-writes',
    description: `The body written ${SPLIT_BYTES} bytes at a time: frames, lines and UTF-8 characters cut across reads.`,
    allowedBy: SSE_SPEC,
    rewrite: (reply) => ({ ...reply, chunks: splitEvery(reply.body, SPLIT_BYTES) }),
  }),
  defineVariation({
    id: 'json-whitespace',
    description: 'Insignificant whitespace in every JSON value: bodies pretty-printed, stream data spaced out on one line.',
    allowedBy: `${RFC_8259}#section-2`,
    rewrite: (reply) =>
      mapJsonText(reply, (value) => (isStream(reply) ? JSON.stringify(value, null, 1).replace(/\n */g, ' ') : JSON.stringify(value, null, 2))),
  }),
  defineVariation({
    id: 'json-key-order',
    description: 'The members of every JSON object in reverse order.',
    allowedBy: `${RFC_8259}#section-4`,
    rewrite: (reply, { opaqueKeys }) => mapJsonText(reply, (value) => JSON.stringify(mapObjects(value, opaqueKeys, (o) => Object.fromEntries(Object.entries(o).reverse())))),
  }),
  defineVariation({
    id: 'json-unicode-escapes',
    description: 'Non-ASCII characters written as \\uXXXX escapes and "/" as "\\/".',
    allowedBy: `${RFC_8259}#section-7`,
    rewrite: (reply) => mapJsonText(reply, escapeJson),
  }),
  defineVariation({
    id: 'unknown-fields',
    description: `An unknown field (${VARIANT_FIELD}) in every JSON object of every reply, error bodies and stream events included.`,
    allowedBy: 'https://docs.claude.com/en/api/versioning',
    rewrite: (reply, { opaqueKeys }) =>
      mapJsonText(reply, (value) => JSON.stringify(mapObjects(value, opaqueKeys, (o) => ({ ...o, [VARIANT_FIELD]: { added: true } })))),
    undo: (request) => (request.json ? withRequestJson(request, strip(request.json, VARIANT_FIELD) as Record<string, unknown>) : request),
  }),
  defineVariation({
    id: 'content-type-parameters',
    description: 'Content types spelled differently: upper-case charset, no space (`application/json;charset=UTF-8`).',
    allowedBy: 'https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1',
    rewrite: (reply) => {
      const type = reply.headers['content-type'];
      if (!type) return reply;
      return { ...reply, headers: { ...reply.headers, 'content-type': `${type.split(';')[0]!.trim()};charset=UTF-8` } };
    },
  }),
];
