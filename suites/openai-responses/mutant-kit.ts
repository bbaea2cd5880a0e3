import type { ResponsesStreamEventType } from '../../specs/openai-responses/index.ts';
import { clone, jsonReply, mapEvents, mapJson, type SeenEvent, type SeenReply, type SeenRequest } from '../harness/mutant.ts';

/** Helpers the Responses mutants are written with: the OpenAI envelope, request predicates, event edits. */

export type Json = Record<string, unknown>;

/** A check id of this suite. */
export const id = (name: string) => `openai-responses/${name}`;

/** An OpenAI error reply. */
export function openaiError(status: number, message: string, fields: Json = {}): SeenReply {
  return jsonReply(status, { error: { message, type: 'invalid_request_error', param: null, code: null, ...fields } }, { 'x-request-id': 'req_mutant' });
}

/** POST /v1/responses (Create Response). */
export const isCreate = (r: SeenRequest) => r.method === 'POST' && r.url.pathname === '/v1/responses';
/** A Create Response request that declares tools. */
export const hasTools = (r: SeenRequest) => Array.isArray(r.json?.tools) && r.json.tools.length > 0;

const dataOf = (e: SeenEvent) => (typeof e.data === 'string' ? undefined : e.data);
/** The type of an event's data. */
export const typeOf = (e: SeenEvent) => dataOf(e)?.type as ResponsesStreamEventType | undefined;

/** Rewrites (a copy of) the data of the events of some types; `edit` may return a replacement. */
export function editEvents(reply: SeenReply, types: readonly ResponsesStreamEventType[], edit: (data: Json) => Json | void): SeenReply {
  return mapEvents(reply, (events) =>
    events.map((e) => {
      const data = dataOf(e);
      if (!data || !types.includes(data.type as ResponsesStreamEventType)) return e;
      const copy = clone(data);
      return { ...e, data: edit(copy) ?? copy };
    }),
  );
}

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
