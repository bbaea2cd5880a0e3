import { describe, expect, it } from 'vitest';
import { type RateLimitState, RateLimitedError, rateLimitOf, retryingFetch } from './retry-fetch.ts';

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

  it('returns other statuses at once', async () => {
    const server = scripted([500]);
    expect((await retryingFetch(server.fetchFn, { sleep: async () => {} })('http://t/')).status).toBe(500);
    expect(server.calls).toHaveLength(1);
  });

  it('gives up after the last attempt with what the target said, and then at once for every request', async () => {
    const busy = scripted([429, 429, 429, 429], { 'retry-after': '30', 'retry-after-ms': '30000' });
    const state: RateLimitState = { gaveUp: undefined };
    const fetchFn = retryingFetch(busy.fetchFn, { sleep: async () => {}, attempts: 3 }, state);
    const error = await fetchFn('http://t/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toBe('the target is rate-limiting: HTTP 429 after 3 attempt(s) (retry-after: 30, retry-after-ms: 30000); the run gave up on it');
    expect(busy.calls).toHaveLength(3);
    await expect(fetchFn('http://t/')).rejects.toBe(error);
    expect(busy.calls).toHaveLength(3);
    expect(rateLimitOf(new Error('wrapped', { cause: error }))).toBe(error);
  });
});
