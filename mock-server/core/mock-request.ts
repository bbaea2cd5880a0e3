import { BodyTooLargeError, concatBytes, readBounded } from './bytes.ts';

export { BodyTooLargeError };

/**
 * The request as the pipeline sees it: just what it reads, so that the node transport can wrap an
 * `IncomingMessage` without building a WHATWG `Request` (that costs a measurable share of the fast
 * path), while `fetch`/msw callers wrap a `Request`.
 */
export interface MockRequest {
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

/** Wraps a WHATWG `Request` (fetch handlers, msw, tests). */
export function fromWebRequest(request: Request): MockRequest {
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
