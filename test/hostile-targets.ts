import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockServer, type NodeHttpServer, type RequestHandlerLike, serveNodeHttp } from '../mock-server/index.ts';

/**
 * Targets that hurt a runner: each behaves like the reference mock except where it is hostile.
 * All bind 127.0.0.1 on port 0; `close()` stops them and every connection.
 */
export interface HostileTarget {
  readonly url: string;
  close(): Promise<void>;
}

const isStreamRequest = async (request: Parameters<RequestHandlerLike['handle']>[0]) => {
  const body = await request.readBody(1024 * 1024);
  return { body, stream: /"stream"\s*:\s*true/.test(body) };
};

/** Replays a request whose body was already read. */
function withBody(request: Parameters<RequestHandlerLike['handle']>[0], body: string): Parameters<RequestHandlerLike['handle']>[0] {
  return { ...request, readBody: async () => body };
}

/** The mock, but every stream sends its headers and then nothing, until the client goes away. */
export async function stallingStreams(): Promise<HostileTarget> {
  const mock = createMockServer();
  return serve({
    async handle(request) {
      const { body, stream } = await isStreamRequest(request);
      if (!stream) return mock.handle(withBody(request, body));
      // Yields nothing until the client goes away: the headers are out, the body never comes.
      const silence: AsyncIterable<string> = {
        [Symbol.asyncIterator]: () => ({
          next: () => new Promise<IteratorResult<string>>((resolve) => request.signal?.addEventListener('abort', () => resolve({ done: true, value: undefined }))),
        }),
      };
      return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: silence };
    },
  });
}

/** The mock, but every stream is endless (64 KiB chunks until the client goes away). */
export async function endlessStreams(): Promise<HostileTarget> {
  const mock = createMockServer();
  const chunk = `: ${'x'.repeat(64 * 1024)}\n`;
  return serve({
    async handle(request) {
      const { body, stream } = await isStreamRequest(request);
      if (!stream) return mock.handle(withBody(request, body));
      async function* endless(): AsyncGenerator<string> {
        while (!request.signal?.aborted) yield chunk;
      }
      return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: endless() };
    },
  });
}

/** A bare server answering every request with `answer` (status, headers, body). */
export async function answering(status: number, headers: Record<string, string>, body: string): Promise<HostileTarget & { readonly requests: () => number }> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(handler: RequestHandlerLike): Promise<HostileTarget> {
  const server: NodeHttpServer = await serveNodeHttp(handler);
  return { url: server.url, close: () => server.close() };
}
