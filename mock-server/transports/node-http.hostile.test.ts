import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer } from '../create-mock-server.ts';
import type { MockRequest } from '../../wire/wire-request.ts';
import type { LifecycleEvents } from '../core/lifecycle.ts';
import { ANTHROPIC_HEADERS, messageBody } from '../test-support.ts';
import { type NodeHttpServer, type RequestHandlerLike, serveNodeHttp } from './node-http.ts';

const LIMIT = 4096;
const mock = createMockServer({ seed: 'hostile', maxBodyBytes: LIMIT });
let server: NodeHttpServer;
beforeAll(async () => {
  server = await serveNodeHttp(mock);
});
afterAll(() => server?.close());

/** Sends raw bytes on a fresh connection and collects everything until the server closes it. */
function exchange(port: number, ...parts: (string | Uint8Array)[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (out += chunk));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    for (const part of parts) socket.write(part);
  });
}

const head = (lines: Record<string, string | number>) =>
  `POST /v1/messages HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${Object.entries({ ...ANTHROPIC_HEADERS, ...lines })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

const nextEvent = <K extends keyof LifecycleEvents>(type: K) =>
  new Promise<LifecycleEvents[K]>((resolve) => {
    const off = mock.on(type, (payload) => {
      off();
      resolve(payload);
    });
  });

async function stillServes(): Promise<void> {
  const res = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: ANTHROPIC_HEADERS, body: JSON.stringify(messageBody('still here')) });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { content: unknown }).content).toEqual([{ type: 'text', text: 'still here', citations: null }]);
}

describe('hostile input over a real socket', () => {
  it('413 for a declared content-length over the limit, without reading the body', async () => {
    const reply = await exchange(server.port, head({ 'content-length': 10 * LIMIT }), 'x'.repeat(100));
    expect(reply.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(reply).toContain('{"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum allowed number of bytes."}');
    await stillServes();
  });

  it('413 for a chunked body that grows past the limit', async () => {
    const chunk = 'y'.repeat(LIMIT + 10);
    const reply = await exchange(server.port, head({ 'transfer-encoding': 'chunked' }), `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
    expect(reply.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(reply).toContain('"type":"request_too_large"');
    await stillServes();
  });

  it('413 through fetch for a body over the limit', async () => {
    const res = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: ANTHROPIC_HEADERS, body: JSON.stringify(messageBody('z'.repeat(2 * LIMIT))) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('request_too_large');
  });

  it('decodes invalid UTF-8 as U+FFFD instead of failing', async () => {
    const json = new TextEncoder().encode(JSON.stringify(messageBody('before-X-after')));
    const at = new TextDecoder().decode(json).indexOf('X');
    const body = new Uint8Array([...json.slice(0, at), 0xff, 0xc3, ...json.slice(at + 1)]);
    const res = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: ANTHROPIC_HEADERS, body });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { content: { text: string }[] }).content[0]?.text).toBe('before-\ufffd\ufffd-after');
  });

  it('a content-length larger than the body, then the client closing: a 400 in the log, no error event, no crash', async () => {
    const errors: unknown[] = [];
    const offError = mock.on('error', (e) => errors.push(e.error));
    const started = nextEvent('request:start');
    const ended = nextEvent('request:end');
    const socket: Socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write(head({ 'content-length': 500 }) + '{"model":');
    await started;
    socket.destroy();
    expect((await ended).status).toBe(400);
    offError();
    expect(errors).toEqual([]);
    await stillServes();
  });
});

describe('clients that go away mid-stream', () => {
  /** Serves the mock, but hands each stream over one frame at a time, as a paced stream would. */
  function paced(onAbort: (request: MockRequest) => Promise<void>, cleanedUp: () => void): RequestHandlerLike {
    return {
      async handle(request) {
        const reply = await mock.handle(request);
        if (typeof reply.body === 'string') return reply;
        const frames = [...(reply.body as Iterable<string>)];
        async function* body() {
          try {
            yield frames[0]!;
            await onAbort(request);
            yield* frames.slice(1);
          } finally {
            cleanedUp();
          }
        }
        return { ...reply, body: body() };
      },
    };
  }

  const aborted = (request: MockRequest) => new Promise<void>((resolve) => request.signal?.addEventListener('abort', () => resolve(), { once: true }));

  it('an abort after the first frame stops the stream and the server keeps serving', async () => {
    let cleanedUp!: () => void;
    const finished = new Promise<void>((resolve) => (cleanedUp = resolve));
    const paced1 = await serveNodeHttp(paced(aborted, () => cleanedUp()));
    try {
      const controller = new AbortController();
      const res = await fetch(`${paced1.url}/v1/messages`, { method: 'POST', headers: ANTHROPIC_HEADERS, body: JSON.stringify(messageBody('abort me', { stream: true })), signal: controller.signal });
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toContain('event: message_start');
      controller.abort();
      await finished;
      await stillServes();
    } finally {
      await paced1.close();
    }
  });

  it('a client that stops reading and leaves while the server waits for drain does not leak the stream', async () => {
    let cleanedUp!: () => void;
    const finished = new Promise<void>((resolve) => (cleanedUp = resolve));
    let handOver!: () => void;
    const writing = new Promise<void>((resolve) => (handOver = resolve));
    // One chunk far larger than any socket buffer: the write cannot drain while the client does not read.
    const stuck = await serveNodeHttp({
      async handle() {
        async function* body() {
          try {
            handOver();
            yield 'x'.repeat(32 * 1024 * 1024);
            yield 'never sent';
          } finally {
            cleanedUp();
          }
        }
        return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: body() };
      },
    });
    try {
      const socket = connect(stuck.port, '127.0.0.1');
      socket.on('error', () => {});
      socket.pause();
      socket.write('GET / HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
      await writing;
      socket.destroy();
      await finished;
    } finally {
      await stuck.close();
    }
  });

  it('a stream body that throws mid-way cuts the connection instead of crashing the process', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = await serveNodeHttp({
      async handle() {
        async function* body() {
          yield 'event: message_start\ndata: {}\n\n';
          throw new Error('pacer broke');
        }
        return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: body() };
      },
    });
    try {
      const res = await fetch(`${failing.url}/v1/messages`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('failed while it was being written'), expect.any(Error));
    } finally {
      logged.mockRestore();
      await failing.close();
    }
  });
});

describe('close()', () => {
  it('resolves with keep-alive connections still open, and closes them', async () => {
    const own = await serveNodeHttp(mock);
    const socket = connect(own.port, '127.0.0.1');
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const answered = new Promise<string>((resolve) => socket.once('data', (d) => resolve(String(d))));
    socket.write('GET / HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\n\r\n');
    expect(await answered).toMatch(/^HTTP\/1\.1 200 /);
    await own.close();
    await closed;
    expect(own.server.listening).toBe(false);
  });
});
