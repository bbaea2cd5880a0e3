import { BodyTooLargeError, concatBytes, readBounded } from './bytes.ts';
import type { WireReply } from './wire-reply.ts';

export { BodyTooLargeError };

/**
 * A request as a server-side handler reads it: just what the handler needs, so that the node
 * transport can wrap an `IncomingMessage` without building a WHATWG `Request` (that costs a
 * measurable share of the mock's fast path), while `fetch`/msw callers wrap a `Request`.
 * The mock's pipeline, its transports and the suites' mutants and variations all speak it.
 */
export interface WireRequest {
  readonly method: string;
  /** Absolute URL, or path + query (the pipeline resolves it against a placeholder origin). */
  readonly url: string;
  /** A header value by lower-case name, or `undefined`. Repeated headers are joined with ", ". */
  header(name: string): string | undefined;
  /** Every header, lower-case names; for the request journal and lifecycle events. */
  headers(): Record<string, string>;
  /** The body as UTF-8 text; rejects with {@link BodyTooLargeError} past `limit` bytes. */
  readBody(limit: number): Promise<string>;
  /** Aborted when the client goes away; streams stop producing. */
  readonly signal?: AbortSignal;
}

/** The mock's historical name for {@link WireRequest}. */
export type MockRequest = WireRequest;

/** Anything that answers a transport-neutral request: a `MockServer`, a mutant or a variation wrapping one. */
export interface RequestHandlerLike {
  handle(request: WireRequest): Promise<WireReply>;
}

/** Wraps a WHATWG `Request` (fetch handlers, msw, tests). */
export function fromWebRequest(request: Request): WireRequest {
  return {
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name) ?? undefined,
    headers: () => Object.fromEntries(request.headers),
    readBody: (limit) => readWebBody(request, limit),
    signal: request.signal,
  };
}

async function readWebBody(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBounded(request.body, limit));
}

/** Joins byte chunks and decodes them as UTF-8 (invalid bytes become U+FFFD, as in `Response.text()`). */
export function decodeUtf8(chunks: readonly Uint8Array[], size: number): string {
  return new TextDecoder().decode(concatBytes(chunks, size));
}
