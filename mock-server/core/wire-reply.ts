/**
 * What a transport writes: status, headers and a body that is either one string or the frames of
 * a stream. Transports hold no protocol logic; they only copy this onto their socket or `Response`.
 */
export interface WireReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A whole body, or stream chunks (sync when they are all ready, async when paced). */
  readonly body: string | Iterable<string> | AsyncIterable<string>;
}

/** Turns a wire reply into a WHATWG `Response` (for `fetch` callers and msw). */
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
      else controller.enqueue(encoder.encode(value));
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

/** Collects a wire reply body into one string (tests, mutants, small tools). */
export async function readWireBody(reply: WireReply): Promise<string> {
  if (typeof reply.body === 'string') return reply.body;
  let out = '';
  for await (const chunk of reply.body) out += chunk;
  return out;
}
