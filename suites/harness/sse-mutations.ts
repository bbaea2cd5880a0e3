import { clone, isStream, mapEvents, type SeenEvent, type SeenReply, type SeenRequest, withRequestJson } from './rewrite-hooks.ts';

/**
 * Deviations of SSE framing that every streaming protocol's mutants imitate, as reply and request
 * rewrites: the mutant ids, descriptions and the checks they break stay with each suite (or with
 * the factories of `common-mutants.ts` where they are the same everywhere).
 */

/** Every frame without its `event:` line (only `data:` lines, Chat Completions style). */
export function withoutEventLines(reply: SeenReply): SeenReply {
  return mapEvents(reply, (events) => events.map((e) => ({ ...e, event: undefined })));
}

/** A line that is not an SSE field inside the first frame. */
export function withStrayLine(reply: SeenReply): SeenReply {
  return isStream(reply) ? { ...reply, body: reply.body.replace('\n\n', '\nnot an sse field\n\n') } : reply;
}

/** A stream served with another content type. */
export function streamServedAs(reply: SeenReply, contentType: string): SeenReply {
  return isStream(reply) ? { ...reply, headers: { ...reply.headers, 'content-type': contentType } } : reply;
}

/** An OpenAI Chat `data: [DONE]` frame after the last event. */
export function withDoneSentinel(reply: SeenReply): SeenReply {
  return mapEvents(reply, (events) => [...events, { event: undefined, data: '[DONE]' }]);
}

/**
 * A server that streams only when `Accept` asks for text/event-stream: a `stream: true` request
 * sent with `Accept: application/json` (what the official SDKs send) is answered as JSON.
 * `unstream` turns the body into the protocol's non-streaming request (default: `stream: false`).
 */
export function streamOnlyWhenAccepted(request: SeenRequest, unstream: (json: Record<string, unknown>) => Record<string, unknown> = (json) => ({ ...json, stream: false })): SeenRequest {
  return request.json?.stream === true && request.headers.accept === 'application/json' ? withRequestJson(request, unstream(request.json)) : request;
}

/** An event's JSON data (`undefined` when it is raw text, such as `[DONE]`). */
export function eventData(event: SeenEvent): Record<string, unknown> | undefined {
  return typeof event.data === 'string' ? undefined : event.data;
}

/** An event's `data.type`, for protocols whose events name themselves (`T`: the protocol's event types). */
export function eventType<T extends string>(event: SeenEvent): T | undefined {
  return eventData(event)?.type as T | undefined;
}

/**
 * Rewrites (a copy of) the data of every event of some types: `edit` changes the copy in place
 * or returns a replacement.
 */
export function editEventsOfType<T extends string>(reply: SeenReply, types: readonly T[], edit: (data: Record<string, unknown>) => Record<string, unknown> | void): SeenReply {
  return mapEvents(reply, (events) =>
    events.map((e) => {
      const data = eventData(e);
      if (!data || !types.includes(data.type as T)) return e;
      const copy = clone(data);
      return { ...e, data: edit(copy) ?? copy };
    }),
  );
}
