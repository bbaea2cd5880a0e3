import type { AnthropicStreamEventType } from '../../specs/anthropic-messages/index.ts';
import { jsonReply, mapJson, type SeenReply, type SeenRequest } from '../harness/mutant.ts';
import { editEventsOfType, eventData, eventType } from '../harness/sse-mutations.ts';

/** Building blocks of the Anthropic mutants: request predicates, the error envelope, event and block edits. */

export type Json = Record<string, unknown>;

/** A check id of this suite. */
export const id = (name: string) => `anthropic-messages/${name}`;

/** An Anthropic error reply, as a broken target would send it. */
export function anthropicError(status: number, type: string, message: string): SeenReply {
  return jsonReply(status, { type: 'error', error: { type, message }, request_id: 'req_011Cmutant' }, { 'request-id': 'req_011Cmutant' });
}

export const isMessages = (r: SeenRequest) => r.url.pathname === '/v1/messages';
export const isCount = (r: SeenRequest) => r.url.pathname === '/v1/messages/count_tokens';
export const isModelList = (r: SeenRequest) => r.url.pathname === '/v1/models';
export const isModelGet = (r: SeenRequest) => r.url.pathname.startsWith('/v1/models/');

/** An event's JSON data (`undefined` when it is raw text). */
export const dataOf = eventData;
/** An event's data.type. */
export const typeOf = eventType<AnthropicStreamEventType>;
/** Rewrites (a copy of) the data of events of some types. */
export const editEvents = editEventsOfType<AnthropicStreamEventType>;

/** Rewrites a JSON Message reply's content blocks. */
export function editBlocks(reply: SeenReply, edit: (block: Json) => Json): SeenReply {
  return mapJson(reply, (json) => (Array.isArray(json.content) ? { ...json, content: (json.content as Json[]).map(edit) } : json));
}
