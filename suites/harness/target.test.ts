import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicClient } from '../anthropic-messages/client.ts';
import { rawExchange } from './http.ts';
import { resolveTarget } from './target.ts';

const seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ input_tokens: 3 }));
});
let baseUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('resolveTarget headers', () => {
  const headers = { 'x-portkey-provider': 'anthropic', 'x-api-key': 'from-header' };

  it('sends the custom headers on SDK requests, replacing same-named ones', async () => {
    seen.length = 0;
    const target = resolveTarget({ baseUrl, apiKey: 'from-option', headers }, 'claude-haiku-4-5');
    await anthropicClient(target).messages.countTokens({ model: target.model, messages: [{ role: 'user', content: 'hi' }] });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ 'x-portkey-provider': 'anthropic', 'x-api-key': 'from-header' });
    expect(seen[0]!.authorization).toBe('Bearer from-option');
  });

  it('sends them on raw requests too, and keeps the request own headers', async () => {
    seen.length = 0;
    const target = resolveTarget({ baseUrl, headers }, 'm');
    await rawExchange(target, { path: '/v1/messages', body: { a: 1 }, headers: { 'anthropic-version': '2023-06-01', 'x-api-key': 'raw' } });
    await target.fetch(new Request(`${baseUrl}/v1/models`, { headers: { 'x-from-request': '1' } }));
    expect(seen[0]).toMatchObject({ 'x-portkey-provider': 'anthropic', 'x-api-key': 'from-header', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    expect(seen[1]).toMatchObject({ 'x-portkey-provider': 'anthropic', 'x-from-request': '1' });
    expect(target.headers).toEqual(headers);
  });

  it('adds nothing without custom headers', async () => {
    seen.length = 0;
    await rawExchange(resolveTarget({ baseUrl }, 'm'), { path: '/v1/models' });
    expect(seen[0]!['x-portkey-provider']).toBeUndefined();
  });
});
