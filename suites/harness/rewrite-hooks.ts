import { encodeSseFrame } from '../../wire/sse-encode.ts';
import { parseRawFrames } from '../../wire/sse-parse.ts';
import { readWireBody, type WireChunk, type WireReply } from '../../wire/wire-reply.ts';
import type { RequestHandlerLike, WireRequest } from '../../wire/wire-request.ts';

/**
 * Request/reply rewriting around a handler (the reference mock): what mutants (deliberately
 * broken variants) and variations (spec-valid variants) are made of, plus helpers for hooks.
 */

/** The request as a mutant sees it: body already read, JSON parsed when it is JSON. */
export interface SeenRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText: string;
  readonly json: Record<string, unknown> | undefined;
}

/** A materialised reply a hook can rewrite: the body is one string. */
export interface SeenReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /**
   * The exact chunks to write instead of `body` (same bytes, split where the hook wants, even
   * inside a UTF-8 character): each becomes one separate read on the client side.
   */
  readonly chunks?: readonly WireChunk[];
}

export interface RewriteHooks {
  /** Rewrite the request, or answer it directly (return a reply). */
  request?(request: SeenRequest): SeenRequest | SeenReply;
  /** Rewrite the reference mock's reply. */
  reply?(reply: SeenReply, request: SeenRequest): SeenReply;
}

/** Wraps a handler with rewriting hooks: the request is read whole, the reply materialised. */
export function wrapHandler(inner: RequestHandlerLike, hooks: RewriteHooks): RequestHandlerLike {
  return {
    async handle(request) {
      const seen = await see(request);
      const rewritten = hooks.request ? hooks.request(seen) : seen;
      if ('status' in rewritten) return toWire(rewritten);
      const reply = await inner.handle(replay(rewritten, request.signal));
      const body = await readWireBody(reply);
      const seenReply: SeenReply = { status: reply.status, headers: reply.headers, body };
      return toWire(hooks.reply ? hooks.reply(seenReply, rewritten) : seenReply);
    },
  };
}

function toWire(reply: SeenReply): WireReply {
  if (!reply.chunks) return { status: reply.status, headers: reply.headers, body: reply.body };
  const chunks = reply.chunks;
  // An async iterable: transports then write (and clients read) every chunk separately.
  async function* paced() {
    for (const chunk of chunks) yield chunk;
  }
  return { status: reply.status, headers: reply.headers, body: paced() };
}

async function see(request: WireRequest): Promise<SeenRequest> {
  const bodyText = await request.readBody(64 * 1024 * 1024);
  let json: Record<string, unknown> | undefined;
  try {
    const value: unknown = bodyText ? JSON.parse(bodyText) : undefined;
    json = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { method: request.method, url: new URL(request.url, 'http://mutant.invalid'), headers: request.headers(), bodyText, json };
}

function replay(seen: SeenRequest, signal: AbortSignal | undefined): WireRequest {
  return {
    method: seen.method,
    url: `${seen.url.pathname}${seen.url.search}`,
    header: (name) => seen.headers[name],
    headers: () => ({ ...seen.headers }),
    readBody: async () => seen.bodyText,
    ...(signal ? { signal } : {}),
  };
}

// ---- helpers for hooks ---------------------------------------------------------------------

/** The same request with a different JSON body. */
export function withRequestJson(request: SeenRequest, json: Record<string, unknown>): SeenRequest {
  return { ...request, json, bodyText: JSON.stringify(json) };
}

/** The same request without some headers (lower-case names). */
export function withoutHeaders(request: SeenRequest, ...names: string[]): SeenRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !names.includes(k)));
  return { ...request, headers };
}

/** Whether a reply is an SSE stream. */
export function isStream(reply: SeenReply): boolean {
  return (reply.headers['content-type'] ?? '').startsWith('text/event-stream');
}

/** A JSON reply's body parsed (or `undefined`). */
export function replyJson(reply: SeenReply): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(reply.body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The reply with a new JSON body (content-type kept). */
export function withJson(reply: SeenReply, json: unknown): SeenReply {
  return { ...reply, body: JSON.stringify(json) };
}

/** A fresh JSON reply. */
export function jsonReply(status: number, json: unknown, headers: Record<string, string> = {}): SeenReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) };
}

/** One SSE event a hook can rewrite: `event` line and parsed data (or raw text when not JSON). */
export interface SeenEvent {
  event: string | undefined;
  data: Record<string, unknown> | string;
}

/** Rewrites every event of a stream reply; returns the reply unchanged when it is not a stream. */
export function mapEvents(reply: SeenReply, rewrite: (events: SeenEvent[]) => SeenEvent[]): SeenReply {
  if (!isStream(reply)) return reply;
  const events: SeenEvent[] = parseRawFrames(reply.body).frames.map((frame) => {
    let data: Record<string, unknown> | string = frame.data ?? '';
    try {
      data = JSON.parse(frame.data ?? '') as Record<string, unknown>;
    } catch {
      // keep the raw text
    }
    return { event: frame.event, data };
  });
  const body = rewrite(events)
    .map((e) => encodeSseFrame({ ...(e.event !== undefined ? { event: e.event } : {}), data: typeof e.data === 'string' ? e.data : JSON.stringify(e.data) }))
    .join('');
  return { ...reply, body };
}

/** Rewrites a JSON body when it is one; returns the reply unchanged otherwise. */
export function mapJson(reply: SeenReply, rewrite: (json: Record<string, unknown>) => unknown): SeenReply {
  if (isStream(reply)) return reply;
  const json = replyJson(reply);
  return json ? withJson(reply, rewrite(json)) : reply;
}

/** Deep-clones JSON data (hooks mutate freely). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
