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

/** The request body is larger than the server accepts. */
export class BodyTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
    this.limit = limit;
  }
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
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return decodeUtf8(chunks, size);
}

/** Joins byte chunks and decodes them as UTF-8 (invalid bytes become U+FFFD, as in `Response.text()`). */
export function decodeUtf8(chunks: readonly Uint8Array[], size: number): string {
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
