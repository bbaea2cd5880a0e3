import { isStream, mapJson } from '../harness/rewrite-hooks.ts';
import { defineVariation, type Variation } from '../harness/variation.ts';
import { splitEvery } from '../harness/variations.ts';
import { candidatesIn, isArrayStream, mapChunks } from './chunks.ts';

const STREAM_DOCS = 'https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent';
const PROTO3_JSON = 'https://protobuf.dev/programming-guides/json/';

type Json = Record<string, unknown>;

/** Bytes per write of the JSON-array split: small enough to cut keys, strings and `\n,\r\n` separators. */
const ARRAY_SPLIT_BYTES = 3;

/**
 * Drops what proto3 JSON may omit because it is the default: `index: 0` of a candidate, an empty
 * `parts` list, zero token counts. The schema and the docs allow each (the live API omits
 * `candidatesTokenCount` before the first answer token).
 */
function omitDefaults(value: Json): Json {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  for (const candidate of candidatesIn(copy)) {
    if (candidate.index === 0) delete candidate.index;
    const content = candidate.content as Json | undefined;
    if (Array.isArray(content?.parts) && content.parts.length === 0) delete content.parts;
  }
  const usage = copy.usageMetadata as Json | undefined;
  if (usage) for (const [key, count] of Object.entries(usage)) if (count === 0) delete usage[key];
  return copy;
}

/**
 * The live API's other way to end a stream: the last content chunk without finishReason, then a
 * chunk with an empty text part that carries finishReason and the final usage.
 */
function finishApart(chunks: Json[]): Json[] {
  const last = chunks.at(-1);
  if (!last || candidatesIn(last).every((c) => c.finishReason === undefined)) return chunks;
  const content = JSON.parse(JSON.stringify(last)) as Json;
  for (const candidate of candidatesIn(content)) {
    delete candidate.finishReason;
    delete candidate.finishMessage;
  }
  const final = {
    ...last,
    candidates: candidatesIn(last).map((c) => ({ ...c, content: { parts: [{ text: '' }], role: 'model' } })),
  };
  return [...chunks.slice(0, -1), content, final];
}

/** Spec-valid variations of Gemini replies, beyond the generic SSE and JSON ones. */
export const geminiVariations: readonly Variation[] = [
  defineVariation({
    id: 'gemini-array-split',
    description: `The JSON-array stream (no alt=sse) written ${ARRAY_SPLIT_BYTES} bytes at a time: objects, strings and the \\n,\\r\\n separators cut across reads.`,
    allowedBy: STREAM_DOCS,
    rewrite: (reply) => (isArrayStream(reply) ? { ...reply, chunks: splitEvery(reply.body, ARRAY_SPLIT_BYTES) } : reply),
  }),
  defineVariation({
    id: 'gemini-sse-lf',
    description: 'SSE frames end with \\n\\n instead of the live API\'s \\r\\n\\r\\n.',
    allowedBy: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation',
    rewrite: (reply) => (isStream(reply) ? { ...reply, body: reply.body.replace(/\r\n/g, '\n') } : reply),
  }),
  defineVariation({
    id: 'gemini-proto3-defaults',
    description: 'Default values left out as proto3 JSON does: no index 0, no empty parts list, no zero token count.',
    allowedBy: PROTO3_JSON,
    rewrite: (reply) => {
      const streamed = mapChunks(reply, (chunks) => chunks.map(omitDefaults));
      return streamed === reply ? mapJson(reply, (json) => (Array.isArray(json.candidates) ? omitDefaults(json) : json)) : streamed;
    },
  }),
  defineVariation({
    id: 'gemini-finish-apart',
    description: 'The finishReason and final usage arrive in a chunk of their own, with an empty text part, after the last content chunk.',
    allowedBy: STREAM_DOCS,
    rewrite: (reply) => mapChunks(reply, finishApart),
  }),
];
