import { DONE_SENTINEL } from '../../specs/openai-chat/index.ts';
import { jsonObject } from '../harness/http.ts';
import type { ParsedEvent } from '../harness/stream-capture.ts';

type Json = Record<string, unknown>;

/** One tool call of a streamed choice, as its deltas add up. */
export interface StreamedToolCall {
  readonly index: number;
  /** The first delta of the call, as sent. */
  readonly first: Json;
  id: unknown;
  type: unknown;
  name: unknown;
  /** The `function.arguments` fragments joined. */
  arguments: string;
}

/** One choice of a stream (one per `n`), as its chunks add up. */
export interface StreamedChoice {
  readonly index: number;
  /** The first delta of the choice, as sent. */
  readonly first: Json;
  content: string;
  /** Every non-null `finish_reason` the choice carried, in order. */
  readonly finishReasons: unknown[];
  /** Whether an item of the choice came after its first non-null `finish_reason`. */
  continuedAfterFinish: boolean;
  /** Tool calls by `tool_calls[].index`; deltas without an integer index are counted apart. */
  readonly toolCalls: Map<number, StreamedToolCall>;
  /** Every tool-call delta that carried an `id` (a call's first delta), with its index as sent. */
  readonly toolHeaders: { readonly index: unknown; readonly id: unknown }[];
  unindexedToolDeltas: number;
  /** The `logprobs.content` entries of every chunk, joined; `chunksWithLogprobs` counts the chunks that had any. */
  readonly logprobs: unknown[];
  chunksWithLogprobs: number;
}

/** A chat stream read as a client reads it. */
export interface ChatStreamReading {
  /** The JSON object data of every event before `[DONE]` (or to the end when there is none). */
  readonly chunks: readonly Json[];
  readonly choices: ReadonlyMap<number, StreamedChoice>;
  /** The chunks whose `usage` is an object, with their position in `chunks`. */
  readonly usageChunks: readonly { readonly position: number; readonly chunk: Json }[];
  /** Whether a `data: [DONE]` event came, and how many events followed it. */
  readonly done: boolean;
  readonly eventsAfterDone: number;
  /** Events whose data is neither a JSON object nor `[DONE]`. */
  readonly invalid: number;
}

/** Whether an event is the `[DONE]` sentinel. */
export function isDone(event: Pick<ParsedEvent, 'data'>): boolean {
  return event.data === DONE_SENTINEL;
}

/**
 * Reads the events of a chat stream as the SDK's accumulator does: content joined per choice,
 * tool calls assembled per `tool_calls[].index`, finish reasons and logprobs collected. Every
 * field is read defensively: the stream is the target's, not ours.
 *
 * @see https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 */
export function readChatStream(events: readonly ParsedEvent[]): ChatStreamReading {
  const chunks: Json[] = [];
  const choices = new Map<number, StreamedChoice>();
  const usageChunks: { position: number; chunk: Json }[] = [];
  let done = false;
  let eventsAfterDone = 0;
  let invalid = 0;
  for (const event of events) {
    if (done) {
      eventsAfterDone++;
      continue;
    }
    if (isDone(event)) {
      done = true;
      continue;
    }
    if (!event.json) {
      invalid++;
      continue;
    }
    chunks.push(event.json);
    if (jsonObject(event.json.usage)) usageChunks.push({ position: chunks.length - 1, chunk: event.json });
    if (Array.isArray(event.json.choices)) for (const item of event.json.choices) addChoiceItem(choices, jsonObject(item));
  }
  return { chunks, choices, usageChunks, done, eventsAfterDone, invalid };
}

function addChoiceItem(choices: Map<number, StreamedChoice>, item: Json | undefined): void {
  const index = item?.index;
  if (!item || typeof index !== 'number' || !Number.isInteger(index)) return;
  const delta = jsonObject(item.delta) ?? {};
  let choice = choices.get(index);
  if (!choice) {
    choice = { index, first: delta, content: '', finishReasons: [], continuedAfterFinish: false, toolCalls: new Map(), toolHeaders: [], unindexedToolDeltas: 0, logprobs: [], chunksWithLogprobs: 0 };
    choices.set(index, choice);
  } else if (choice.finishReasons.length > 0) {
    choice.continuedAfterFinish = true;
  }
  if (typeof delta.content === 'string') choice.content += delta.content;
  if (Array.isArray(delta.tool_calls)) for (const call of delta.tool_calls) addToolDelta(choice, jsonObject(call));
  const logprobs = jsonObject(item.logprobs)?.content;
  if (Array.isArray(logprobs) && logprobs.length > 0) {
    choice.logprobs.push(...(logprobs as unknown[]));
    choice.chunksWithLogprobs++;
  }
  if (item.finish_reason !== undefined && item.finish_reason !== null) choice.finishReasons.push(item.finish_reason);
}

function addToolDelta(choice: StreamedChoice, delta: Json | undefined): void {
  const index = delta?.index;
  if (delta?.id !== undefined && delta.id !== null) choice.toolHeaders.push({ index, id: delta.id });
  if (!delta || typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    choice.unindexedToolDeltas++;
    return;
  }
  const fn = jsonObject(delta.function) ?? {};
  let call = choice.toolCalls.get(index);
  if (!call) {
    call = { index, first: delta, id: delta.id, type: delta.type, name: fn.name, arguments: '' };
    choice.toolCalls.set(index, call);
  }
  if (typeof fn.arguments === 'string') call.arguments += fn.arguments;
}

/** Parses JSON text the target wrote (tool arguments, structured content); `undefined` when it is not JSON. */
export function parseJsonText(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The first choice of a non-streaming completion body (`{}` when absent). */
export function firstChoice(completion: Json): Json {
  return (Array.isArray(completion.choices) ? jsonObject(completion.choices[0]) : undefined) ?? {};
}

/** The message of a completion choice (`{}` when absent). */
export function messageOf(choice: Json): Json {
  return jsonObject(choice.message) ?? {};
}

/** The `usage` object of a body or chunk (`{}` when absent). */
export function usageOf(value: Json | undefined): Json {
  return jsonObject(value?.usage) ?? {};
}
