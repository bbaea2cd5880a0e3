import { clone, mapEvents, mapJson, type SeenReply, type SeenRequest } from '../harness/mutant.ts';
import { eventData } from '../harness/sse-mutations.ts';
import { openaiErrorReply } from '../openai-common/mutant-replies.ts';
import { LENGTH_LIMIT } from './requests.ts';

/**
 * Helpers for the Chat suite's mutants: which request a reply answers, and rewrites of chunks,
 * choices and tool-call deltas.
 */

export type Json = Record<string, unknown>;

export const id = (name: string) => `openai-chat/${name}`;

/** An OpenAI error reply. */
export function openaiError(status: number, type: string, message: string, param: string | null = null, code: string | null = null): SeenReply {
  return openaiErrorReply(status, message, { type, param, code });
}

export const isChat = (r: SeenRequest) => r.url.pathname === '/v1/chat/completions';
export const isEmbeddings = (r: SeenRequest) => r.url.pathname === '/v1/embeddings';
export const isModelList = (r: SeenRequest) => r.url.pathname === '/v1/models';
export const isModelGet = (r: SeenRequest) => r.url.pathname.startsWith('/v1/models/');
export const isStreamRequest = (r: SeenRequest) => r.json?.stream === true;

/** The basic prompt (plain text, budget 64, no stop, n, logprobs, format or tools): the basic reply and streams. */
export function isBasicPrompt(r: SeenRequest): boolean {
  const body = r.json;
  return isChat(r) && body?.max_tokens === 64 && ['stop', 'n', 'logprobs', 'response_format', 'tools'].every((k) => body[k] === undefined);
}

/** The length prompt, under either name of the budget. */
export const isLengthPrompt = (r: SeenRequest) => isChat(r) && (r.json?.max_tokens === LENGTH_LIMIT || r.json?.max_completion_tokens === LENGTH_LIMIT);

/** The same request body without some top-level fields. */
export function without(body: Json, ...keys: string[]): Json {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k)));
}

/** Rewrites every JSON chunk of a stream (return `undefined` to drop it, an array to split it); `[DONE]` is kept. */
export function editChunks(reply: SeenReply, edit: (chunk: Json) => Json | Json[] | undefined): SeenReply {
  return mapEvents(reply, (events) =>
    events.flatMap((e) => {
      const data = eventData(e);
      if (!data) return [e];
      const out = edit(clone(data));
      return (out === undefined ? [] : Array.isArray(out) ? out : [out]).map((d) => ({ ...e, data: d }));
    }),
  );
}

/** Rewrites every choice item of every chunk of a stream. */
export function editStreamChoices(reply: SeenReply, edit: (choice: Json, chunk: Json) => Json): SeenReply {
  return editChunks(reply, (chunk) => (Array.isArray(chunk.choices) ? { ...chunk, choices: (chunk.choices as Json[]).map((c) => edit(c, chunk)) } : chunk));
}

/** Rewrites every `tool_calls[]` delta of a stream. */
export function editToolDeltas(reply: SeenReply, edit: (delta: Json) => Json): SeenReply {
  return editStreamChoices(reply, (choice) => {
    const delta = (choice.delta ?? {}) as Json;
    return Array.isArray(delta.tool_calls) ? { ...choice, delta: { ...delta, tool_calls: (delta.tool_calls as Json[]).map(edit) } } : choice;
  });
}

/** Rewrites every choice of a non-streaming completion. */
export function editChoices(body: Json, edit: (choice: Json) => Json): Json {
  return Array.isArray(body.choices) ? { ...body, choices: (body.choices as Json[]).map(edit) } : body;
}

/** Rewrites the message of every choice of a non-streaming completion. */
export function editMessages(body: Json, edit: (message: Json) => Json): Json {
  return editChoices(body, (choice) => ({ ...choice, message: edit((choice.message ?? {}) as Json) }));
}

/** Renames a finish_reason in a completion and in a stream's chunks. */
export function renameFinish(reply: SeenReply, from: string, to: string): SeenReply {
  const rename = (choice: Json) => (choice.finish_reason === from ? { ...choice, finish_reason: to } : choice);
  return editStreamChoices(
    mapJson(reply, (body) => editChoices(body, rename)),
    rename,
  );
}

/** The usage of a usage chunk, rewritten (other chunks untouched). */
export function editUsageChunks(reply: SeenReply, edit: (usage: Json) => Json): SeenReply {
  return editChunks(reply, (chunk) => (chunk.usage !== null && typeof chunk.usage === 'object' ? { ...chunk, usage: edit(chunk.usage as Json) } : chunk));
}
