import { jsonObject } from '../harness/http.ts';
import type { ParsedEvent } from '../harness/stream-capture.ts';

/**
 * Reading GenerateContentResponses (whole replies and stream chunks) without trusting their
 * shape: every accessor returns an empty value for a missing or mistyped field, so a check judges
 * what it reads instead of throwing a TypeError of ours.
 *
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 */

export type Json = Record<string, unknown>;

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(jsonObject).filter((v): v is Json => v !== undefined) : [];
}

/** The candidates of a response. */
export function candidatesOf(response: unknown): Json[] {
  return objects(jsonObject(response)?.candidates);
}

/** The parts of a candidate (the first by default). */
export function partsOf(response: unknown, candidate = 0): Json[] {
  return objects(jsonObject(candidatesOf(response)[candidate]?.content)?.parts);
}

/** The answer text of a candidate: its text parts without thoughts, joined (what `response.text` gives). */
export function textOf(response: unknown, candidate = 0): string {
  return partsOf(response, candidate)
    .filter((p) => typeof p.text === 'string' && p.thought !== true)
    .map((p) => p.text as string)
    .join('');
}

/** The functionCall objects of a candidate, in order. */
export function functionCallsOf(response: unknown, candidate = 0): Json[] {
  return partsOf(response, candidate)
    .map((p) => jsonObject(p.functionCall))
    .filter((c): c is Json => c !== undefined);
}

/** `finishReason` of a candidate (undefined while it is still being generated). */
export function finishReasonOf(response: unknown, candidate = 0): unknown {
  return candidatesOf(response)[candidate]?.finishReason;
}

/** `usageMetadata` of a response (an empty object when absent). */
export function usageOf(response: unknown): Json {
  return jsonObject(jsonObject(response)?.usageMetadata) ?? {};
}

/** Whether a value is a token count: an integer ≥ 0 (proto3 JSON writes int32 as a number). */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A count that proto3 JSON may omit when it is 0. */
export function countOr0(value: unknown): number {
  return isCount(value) ? value : 0;
}

/** The chunks of an SSE stream: the JSON object of every event (non-JSON data left out). */
export function sseChunks(events: readonly ParsedEvent[]): Json[] {
  return events.map((e) => e.json).filter((j): j is Json => j !== undefined);
}

/** The answer text of a stream's chunks, joined. */
export function streamText(chunks: readonly unknown[]): string {
  return chunks.map((chunk) => textOf(chunk)).join('');
}

/** The finishReason of the first candidate in the stream (the last one set). */
export function streamFinishReason(chunks: readonly unknown[]): unknown {
  return chunks.map((chunk) => finishReasonOf(chunk)).filter((r) => r !== undefined && r !== '').at(-1);
}

/** The functionCall objects of a stream's chunks, in order. */
export function streamFunctionCalls(chunks: readonly unknown[]): Json[] {
  return chunks.flatMap((chunk) => functionCallsOf(chunk));
}

/** Every part of every chunk of a stream (first candidate). */
export function streamParts(chunks: readonly unknown[]): Json[] {
  return chunks.flatMap((chunk) => partsOf(chunk));
}

/** `models/gemini-2.5-flash` → `gemini-2.5-flash`. */
export function modelIdOf(name: unknown): string | undefined {
  return typeof name === 'string' ? name.replace(/^models\//, '') : undefined;
}

/**
 * Another protocol's reply where a GenerateContentResponse belongs, named for the reader
 * (`undefined` for anything else): what a gateway that answers in its own format sends.
 */
export function foreignReply(value: unknown): string | undefined {
  const json = jsonObject(value);
  if (!json || 'candidates' in json || 'promptFeedback' in json) return undefined;
  if (json.object === 'chat.completion' || Array.isArray(json.choices)) return 'an OpenAI Chat Completions body';
  if (json.object === 'response' && Array.isArray(json.output)) return 'an OpenAI Responses object';
  if (json.type === 'message' && Array.isArray(json.content)) return 'an Anthropic Message';
  return undefined;
}
