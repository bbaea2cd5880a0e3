import { encodeSseFrame } from '../../wire/sse-encode.ts';
import { parseRawFrames } from '../../wire/sse-parse.ts';
import { isStream, type SeenReply } from '../harness/rewrite-hooks.ts';

/**
 * Rewriting the chunks of a :streamGenerateContent reply, whichever way it was framed (SSE frames
 * with `alt=sse`, one JSON array without): what the Gemini mutants and variations are made of.
 */

type Json = Record<string, unknown>;

/** Whether a reply is the JSON-array form of a stream (a JSON body that is an array). */
export function isArrayStream(reply: SeenReply): boolean {
  return !isStream(reply) && reply.body.trimStart().startsWith('[');
}

function parse(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Rewrites the list of chunks of a stream reply (SSE or JSON array) and writes it back in the same
 * framing: SSE frames with LF line ends (a string chunk is sent as raw data, e.g. `[DONE]`), or a
 * compact JSON array. SSE data that is not a JSON object is dropped. Other replies are unchanged.
 */
export function mapChunks(reply: SeenReply, rewrite: (chunks: Json[]) => readonly unknown[]): SeenReply {
  if (isArrayStream(reply)) {
    const value = parse(reply.body);
    return Array.isArray(value) ? { ...reply, body: JSON.stringify(rewrite(value as Json[])) } : reply;
  }
  if (!isStream(reply)) return reply;
  const chunks = parseRawFrames(reply.body)
    .frames.map((f) => parse(f.data))
    .filter((c): c is Json => c !== null && typeof c === 'object' && !Array.isArray(c));
  const body = rewrite(chunks)
    .map((c) => encodeSseFrame({ data: typeof c === 'string' ? c : JSON.stringify(c) }))
    .join('');
  return { ...reply, body };
}

/** Edits every chunk in place (each a copy). */
export function editChunks(reply: SeenReply, edit: (chunk: Json, index: number, count: number) => void): SeenReply {
  return mapChunks(reply, (chunks) =>
    chunks.map((chunk, i) => {
      const copy = JSON.parse(JSON.stringify(chunk)) as Json;
      edit(copy, i, chunks.length);
      return copy;
    }),
  );
}

/** The candidates of a chunk (or reply), for in-place edits. */
export function candidatesIn(chunk: Json): Json[] {
  return Array.isArray(chunk.candidates) ? (chunk.candidates as Json[]) : [];
}

/** The parts of every candidate of a chunk, for in-place edits. */
export function partsIn(chunk: Json): Json[] {
  return candidatesIn(chunk).flatMap((c) => {
    const parts = (c.content as Json | undefined)?.parts;
    return Array.isArray(parts) ? (parts as Json[]) : [];
  });
}
