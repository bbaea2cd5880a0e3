import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaType, rawExchange } from './http.ts';
import { resolveTarget } from './target.ts';

// A hostile target: an endless body, a silent socket, invalid UTF-8.
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    if (req.url === '/silent') return; // never answers
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])); // {"a":"\xff"}
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('rawExchange against a hostile target', () => {
  it('stops reading an endless body at the size cap', async () => {
    const target = resolveTarget({ baseUrl, timeoutMs: 20_000, maxResponseBytes: 1024 * 1024 }, 'm');
    await expect(rawExchange(target, { path: '/endless' })).rejects.toThrow(`response body larger than ${1024 * 1024} bytes`);
  });

  it('gives up on a silent target after the request timeout', async () => {
    const target = resolveTarget({ baseUrl, timeoutMs: 200 }, 'm');
    await expect(rawExchange(target, { path: '/silent' })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('keeps the exact bytes and says when they are not valid UTF-8', async () => {
    const exchange = await rawExchange(resolveTarget({ baseUrl }, 'm'), { path: '/bytes' });
    expect(exchange.bytes.byteLength).toBe(9);
    expect(exchange.utf8Valid).toBe(false);
    expect(exchange.json).toEqual({ a: '\uFFFD' });
    expect(mediaType(exchange.headers)).toBe('application/json');
  });
});
