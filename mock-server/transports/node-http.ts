// Kept in the emitted declarations (`preserve`): they name `node:http`'s Server, and a consumer on
// TypeScript 6 (default `types: []`) has Node's types in its program only when something asks for them.
/// <reference types="node" preserve="true" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, decodeUtf8, type MockRequest, type RequestHandlerLike } from '../../wire/wire-request.ts';
import type { WireChunk, WireReply } from '../../wire/wire-reply.ts';

export type { RequestHandlerLike };

export interface NodeHttpOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1: never exposed beyond loopback unless asked). */
  readonly host?: string;
}

/** A listening node http server. */
export interface NodeHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`: the SDKs' `baseURL` (without `/v1`). */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops listening and closes every open connection (keep-alive included). */
  close(): Promise<void>;
}

/**
 * Serves a mock over node:http: the fast path. No framework and no msw in between (msw's
 * `getResponse()` serves 4.5-6x fewer requests than bare node:http on this hardware); the
 * request is wrapped, not converted into a WHATWG `Request`.
 */
export async function serveNodeHttp(handler: RequestHandlerLike, options: NodeHttpOptions = {}): Promise<NodeHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handler
      .handle(fromIncomingMessage(req, res))
      .then(
        (reply) => writeReply(res, reply),
        (error: unknown) => {
          // The pipeline renders every error itself; reaching this is a bug in a custom handler.
          console.error('[llm-conformance] Unhandled error in the request handler:', error);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error');
        },
      )
      .catch((error: unknown) => {
        // A streamed body failed after the status went out: cutting the connection is the only
        // signal left (and an unhandled rejection here would take the whole process down).
        console.error('[llm-conformance] A reply body failed while it was being written:', error);
        res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function fromIncomingMessage(req: IncomingMessage, res: ServerResponse): MockRequest {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    headers: () => Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
    readBody: (limit) => readBody(req, res, limit),
    signal: controller.signal,
  };
}

function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const tooLarge = () => {
      // Answer the 413 and close the connection rather than reading the rest of a huge body.
      res.setHeader('connection', 'close');
      req.removeAllListeners('data');
      req.resume();
      reject(new BodyTooLargeError(limit));
    };
    if (Number.isFinite(declared) && declared > limit) return tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) return tooLarge();
      chunks.push(chunk);
    });
    req.once('end', () => resolve(size === 0 ? '' : decodeUtf8(chunks, size)));
    req.once('error', reject);
  });
}

async function writeReply(res: ServerResponse, reply: WireReply): Promise<void> {
  const { body } = reply;
  if (typeof body === 'string') {
    // A whole body goes out with its length (as the vendors send JSON), in a single write.
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
    return;
  }
  if (!(Symbol.asyncIterator in body)) {
    // Every frame is ready: one write is byte-identical to many and much cheaper.
    res.writeHead(reply.status, reply.headers);
    res.end(joinChunks(Array.isArray(body) ? (body as WireChunk[]) : [...body]));
    return;
  }
  res.writeHead(reply.status, reply.headers);
  res.flushHeaders();
  for await (const chunk of body) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

/** The chunks as one write: a string when they are all text (the mock's case), else bytes. */
function joinChunks(chunks: readonly WireChunk[]): string | Buffer {
  if (chunks.every((c) => typeof c === 'string')) return chunks.join('');
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
}

/** Resolves on `drain`, or on `close`: a client that goes away mid-stream never drains. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
