import { describe, expect, it } from 'vitest';
import { retryingFetch } from './retry-fetch.ts';

function scripted(statuses: number[], headers: Record<string, string> = {}) {
  const calls: (string | undefined)[] = [];
  const fetchFn = (async (_input: unknown, init?: RequestInit) => {
    calls.push(init?.body as string | undefined);
    return new Response('{}', { status: statuses[calls.length - 1] ?? 200, headers });
  }) as typeof fetch;
  return { fetchFn, calls };
}

describe('retryingFetch', () => {
  it('retries 429 and 529 with the body, waiting what the target asks', async () => {
    const waits: number[] = [];
    const { fetchFn, calls } = scripted([429, 529, 200], { 'retry-after': '2' });
    const response = await retryingFetch(fetchFn, { sleep: async (ms) => void waits.push(ms) })('http://t/', { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(calls).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(waits).toEqual([2000, 2000]);
  });

  it('prefers retry-after-ms, caps the wait, and backs off exponentially without a hint', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    await retryingFetch(scripted([429, 200], { 'retry-after-ms': '150', 'retry-after': '9' }).fetchFn, { sleep })('http://t/');
    await retryingFetch(scripted([429, 200], { 'retry-after': '600' }).fetchFn, { sleep, maxDelayMs: 5_000 })('http://t/');
    await retryingFetch(scripted([529, 529, 200]).fetchFn, { sleep })('http://t/');
    expect(waits).toEqual([150, 5_000, 1_000, 2_000]);
  });

  it('returns other statuses at once, and gives up after the last attempt', async () => {
    const sleep = async () => {};
    const server = scripted([500]);
    expect((await retryingFetch(server.fetchFn, { sleep })('http://t/')).status).toBe(500);
    expect(server.calls).toHaveLength(1);
    const busy = scripted([429, 429, 429]);
    expect((await retryingFetch(busy.fetchFn, { sleep, attempts: 3 })('http://t/')).status).toBe(429);
    expect(busy.calls).toHaveLength(3);
  });
});
