import type { ResponsesStreamEventType } from '../../specs/openai-responses/index.ts';
import { clone, mapJson, type SeenEvent, type SeenReply, type SeenRequest } from '../harness/mutant.ts';
import { editEventsOfType, eventType } from '../harness/sse-mutations.ts';
import { openaiErrorReply } from '../openai-common/mutant-replies.ts';

/** Helpers the Responses mutants are written with: the OpenAI envelope, request predicates, event edits. */

export type Json = Record<string, unknown>;

/** A check id of this suite. */
export const id = (name: string) => `openai-responses/${name}`;

/** An OpenAI error reply. */
export const openaiError = openaiErrorReply;

/** POST /v1/responses (Create Response). */
export const isCreate = (r: SeenRequest) => r.method === 'POST' && r.url.pathname === '/v1/responses';
/** A Create Response request that declares tools. */
export const hasTools = (r: SeenRequest) => Array.isArray(r.json?.tools) && r.json.tools.length > 0;

/** The type of an event's data. */
export const typeOf = eventType<ResponsesStreamEventType>;
/** Rewrites (a copy of) the data of the events of some types; `edit` may return a replacement. */
export const editEvents = editEventsOfType<ResponsesStreamEventType>;

/** Rewrites a (non-streamed) Response body: `object: "response"` JSON replies only. */
export function editResponse(reply: SeenReply, edit: (response: Json) => Json): SeenReply {
  return mapJson(reply, (json) => (json.object === 'response' ? edit(clone(json)) : json));
}

/** The items of a Response, each rewritten. */
export function mapOutput(response: Json, edit: (item: Json) => Json): Json {
  return Array.isArray(response.output) ? { ...response, output: (response.output as Json[]).map(edit) } : response;
}

/** The events numbered again from 0, as a server that drops or adds events must (one deviation at a time). */
export function renumber(events: SeenEvent[]): SeenEvent[] {
  let next = 0;
  return events.map((e) => (typeof e.data === 'string' || typeof e.data.sequence_number !== 'number' ? e : { ...e, data: { ...e.data, sequence_number: next++ } }));
}
