import Anthropic from '@anthropic-ai/sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCheck } from './check.ts';
import { mediaType, rawExchange } from './http.ts';
import type { ExchangeRecord } from './recorder.ts';
import { runChecks } from './runner.ts';
import { resolveTarget } from './target.ts';

// A hostile target: an endless body, a silent socket, stream headers then silence, invalid UTF-8.
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/endless')) {
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
    if (req.url?.startsWith('/stall')) {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders(); // then nothing
      return;
    }
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

describe('the recording fetch bounds SDK exchanges too', () => {
  it('cuts an SDK stream that never ends at the byte cap, and records it', async () => {
    const records: ExchangeRecord[] = [];
    const target = resolveTarget({ baseUrl: `${baseUrl}/endless`, timeoutMs: 20_000, maxResponseBytes: 512 * 1024, onExchange: (r) => records.push(r) }, 'm');
    const client = new Anthropic({ apiKey: 'sk-secret-value', baseURL: target.baseUrl, maxRetries: 0, fetch: target.fetch });
    const error = await client.messages.stream({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] }).finalMessage().catch((e: unknown) => e);
    expect(String((error as Error).message) + String((error as Error).cause)).toMatch(/larger than 524288 bytes/);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ method: 'POST', status: 200, error: 'response body larger than 524288 bytes' });
    expect(record!.responseBytes).toBeGreaterThan(512 * 1024);
    expect(record!.requestHeaders.authorization).toBe('Bearer [redacted]');
    expect(record!.requestBody).toContain('"max_tokens":1');
    expect(JSON.stringify(record)).not.toContain('sk-secret-value');
  });

  it("stops an SDK request when its check times out (headers sent, then silence)", async () => {
    const records: ExchangeRecord[] = [];
    const target = resolveTarget({ baseUrl: `${baseUrl}/stall`, timeoutMs: 60_000, onExchange: (r) => records.push(r) }, 'm');
    const check = defineCheck({
      id: 'anthropic-messages/test/sdk-stall',
      protocol: 'anthropic-messages',
      level: 'must',
      description: 'x',
      spec: 'x',
      async run(ctx) {
        const client = new Anthropic({ apiKey: 'k', baseURL: ctx.target.baseUrl, maxRetries: 0, timeout: 60_000, fetch: ctx.target.fetch });
        await client.messages.stream({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
      },
    });
    const [result] = await runChecks([check], target, { checkTimeoutMs: 100 });
    expect(result).toMatchObject({ status: 'fail', message: 'timed out after 100 ms' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(records.map((r) => r.error)).toEqual(['cancelled (the check ended or timed out)']);
    expect(result?.evidence?.exchange).toMatchObject({ method: 'POST', status: 200, error: 'cancelled (the check ended or timed out)' });
  });
});
