/** One piece of a streamed body: text (UTF-8 encoded on the way out) or exact bytes. */
export type WireChunk = string | Uint8Array;

/**
 * What a transport writes: status, headers and a body that is either one string or the chunks of
 * a stream. Transports hold no protocol logic; they only copy this onto their socket or `Response`.
 * Byte chunks let a test server split a frame anywhere, even inside a UTF-8 character.
 */
export interface WireReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A whole body, or stream chunks (sync when they are all ready, async when paced). */
  readonly body: string | Iterable<WireChunk> | AsyncIterable<WireChunk>;
}

/** Turns a wire reply into a WHATWG `Response` (for `fetch` callers and msw); one chunk per read. */
export function toWebResponse(reply: WireReply): Response {
  const { body } = reply;
  if (typeof body === 'string') {
    return new Response(nullBodyStatus(reply.status) ? null : body, { status: reply.status, headers: reply.headers });
  }
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in body ? body[Symbol.asyncIterator]() : body[Symbol.iterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { status: reply.status, headers: reply.headers });
}

function nullBodyStatus(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}

/** Collects a wire reply body into one string (tests, mutants, small tools); byte chunks may split characters. */
export async function readWireBody(reply: WireReply): Promise<string> {
  if (typeof reply.body === 'string') return reply.body;
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of reply.body) out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}
