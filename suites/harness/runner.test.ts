import { describe, expect, it } from 'vitest';
import { expect as check, expectEqual } from './assert.ts';
import { type Check, CheckFailure, defineCheck } from './check.ts';
import { defineExchange } from './exchange.ts';
import { rawExchange } from './http.ts';
import { okJson } from './replies.ts';
import { runChecks } from './runner.ts';
import { resolveTarget } from './target.ts';
import { requireCapability, requireObserved } from './verdict.ts';

/** A target answered in-process by `answer` (no socket). */
function targetOf(answer: (signal: AbortSignal | undefined) => Response | Promise<Response>, options: { timeoutMs?: number } = {}) {
  return resolveTarget({ baseUrl: 'http://target.invalid', apiKey: 'sk-test-secret-key', timeoutMs: options.timeoutMs ?? 1_000, fetch: async (_input, init) => answer(init?.signal ?? undefined), retry: { sleep: async () => {} } }, 'model-x');
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const ok = targetOf(() => json(200, { ok: true }));

function define(name: string, run: Check['run'], level: Check['level'] = 'must'): Check {
  return defineCheck({ id: `anthropic-messages/test/${name}`, protocol: 'anthropic-messages', level, description: name, spec: 'https://example.com', run });
}
const get = (ctx: Parameters<Check['run']>[0]) => rawExchange(ctx.target, { path: '/x', headers: { 'x-api-key': ctx.target.apiKey } });

describe('runChecks: verdicts', () => {
  it('turns outcomes into pass, fail and skip with messages, in the order given', async () => {
    const results = await runChecks(
      [
        define('passes', async (ctx) => void (await get(ctx))),
        define('fails', async (ctx) => {
          await get(ctx);
          throw new CheckFailure('nope');
        }),
        define('not-observed', async (ctx) => {
          await get(ctx);
          requireObserved(false, 'the reply ended within the budget');
        }),
        define('absent', async () => requireCapability(false, 'no thinking here')),
      ],
      ok,
      { concurrency: 3 },
    );
    expect(results.map((r) => [r.id.split('/')[2], r.status, r.skipKind, r.message])).toEqual([
      ['passes', 'pass', undefined, ''],
      ['fails', 'fail', undefined, 'nope'],
      ['not-observed', 'skip', 'not-observed', 'the reply ended within the budget'],
      ['absent', 'skip', 'capability-absent', 'no thinking here'],
    ]);
  });

  it('skips an absent capability whatever the level', async () => {
    const run: Check['run'] = async () => requireCapability(false, 'no thinking here');
    const results = await runChecks([define('should', run, 'should'), define('must', run, 'must')], ok);
    expect(results.map((r) => r.status)).toEqual(['skip', 'skip']);
  });

  it('reports a bug of ours as an internal error, never as a verdict', async () => {
    const [crash, idle] = await runChecks(
      [
        define('crashes', async (ctx) => {
          await get(ctx);
          (undefined as unknown as { x: number }).x = 1;
        }),
        define('idle', async () => {}),
      ],
      ok,
    );
    expect(crash).toMatchObject({ status: 'skip', skipKind: 'internal-error' });
    expect(crash?.internalError).toContain('TypeError');
    expect(idle).toMatchObject({ status: 'skip', skipKind: 'internal-error' });
    expect(idle?.message).toContain('without making or using any exchange');
  });

  it('names the target when it cannot be reached', async () => {
    const target = resolveTarget({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1_000 }, 'm');
    const [result] = await runChecks([define('net', async (ctx) => void (await get(ctx)))], target);
    expect(result?.message).toMatch(/^could not reach http:\/\/127\.0\.0\.1:1: /);
  });

  it('rejects malformed check ids', () => {
    expect(() => define('Not Kebab', async () => {})).toThrow(/kebab-case/);
  });
});

describe('runChecks: evidence', () => {
  it('attaches the exchange (secrets masked), expected vs actual, and hints', async () => {
    const target = targetOf(() => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html', 'x-trace': 't1' } }));
    const [result] = await runChecks([define('evidence', async (ctx) => void okJson(await get(ctx), 'GET /x'))], target);
    expect(result?.status).toBe('fail');
    expect(result?.evidence?.exchange).toMatchObject({
      method: 'GET',
      url: 'http://target.invalid/x',
      requestHeaders: { 'x-api-key': '[redacted]' },
      status: 200,
      responseHeaders: { 'content-type': 'text/html', 'x-trace': 't1' },
      responseBody: '<html>login</html>',
      responseBytes: 18,
      truncated: false,
    });
    expect(result?.evidence).toMatchObject({ expected: 'a JSON object', actual: '<html>login</html>' });
    expect(result?.evidence?.hints.join(' ')).toContain('HTML page');
    expect(JSON.stringify(result)).not.toContain('sk-test-secret-key');
  });

  it('shows expected and actual values without double-escaping JSON', async () => {
    const [result] = await runChecks([define('equal', async (ctx) => expectEqual(okJson(await get(ctx), 'x'), { ok: 'yes' }, 'the body'))], ok);
    expect(result?.message).toBe('the body is {"ok":true}, expected {"ok":"yes"}');
    expect(result?.evidence).toMatchObject({ expected: '{"ok":"yes"}', actual: '{"ok":true}' });
  });
});

describe('runChecks: shared exchanges and root causes', () => {
  const failing = (made: { count: number }) =>
    defineExchange({
      id: 'anthropic-messages/test:shared',
      owner: 'anthropic-messages/test/owner',
      description: 'GET /x',
      make: async ({ target }) => {
        made.count++;
        return okJson(await rawExchange(target, { path: '/x' }), 'GET /x');
      },
    });
  const server500 = targetOf(() => json(500, { type: 'error', error: { type: 'api_error', message: 'boom' } }));

  it('makes a shared exchange once; its owner fails, the others are blocked by it', async () => {
    const made = { count: 0 };
    const shared = failing(made);
    const use: Check['run'] = async (ctx) => void (await ctx.use(shared));
    const results = await runChecks([define('first', use), define('owner', use), define('third', use)], server500, { concurrency: 3 });
    expect(made.count).toBe(1);
    expect(results.map((r) => [r.id.split('/')[2], r.status, r.blockedBy])).toEqual([
      ['first', 'skip', 'anthropic-messages/test/owner'],
      ['owner', 'fail', undefined],
      ['third', 'skip', 'anthropic-messages/test/owner'],
    ]);
    expect(results[0]?.message).toMatch(/^blocked by anthropic-messages\/test\/owner \(GET \/x: /);
    expect(results[1]?.message).toContain('HTTP 500 api_error: boom');
    expect(results[1]?.evidence?.exchange?.status).toBe(500);
  });

  it('blames the parent of a derived exchange, and lets users fail when the owner is not in the run', async () => {
    const parent = failing({ count: 0 });
    const derived = defineExchange({ id: 'anthropic-messages/test:derived', owner: 'anthropic-messages/test/derived-owner', description: 'derived', make: async ({ use }) => use(parent) });
    const use: Check['run'] = async (ctx) => void (await ctx.use(derived));
    const withOwner = await runChecks([define('owner', use), define('derived-owner', use), define('user', use)], server500);
    expect(withOwner.map((r) => [r.status, r.blockedBy])).toEqual([
      ['fail', undefined],
      ['skip', 'anthropic-messages/test/owner'],
      ['skip', 'anthropic-messages/test/owner'],
    ]);
    const [alone] = await runChecks([define('user', use)], server500);
    expect(alone?.status).toBe('fail');
  });

  it('skips every user of a skipped exchange with its reason', async () => {
    const absent = defineExchange({
      id: 'anthropic-messages/test:absent',
      owner: 'anthropic-messages/test/a',
      description: 'thinking',
      make: async ({ target }) => {
        await rawExchange(target, { path: '/x' });
        requireCapability(false, 'no thinking block');
      },
    });
    const use: Check['run'] = async (ctx) => void (await ctx.use(absent));
    const results = await runChecks([define('a', use), define('b', use)], ok);
    expect(results.map((r) => [r.status, r.skipKind, r.message])).toEqual([
      ['skip', 'capability-absent', 'no thinking block'],
      ['skip', 'capability-absent', 'no thinking block'],
    ]);
  });
});

describe('runChecks: bounds', () => {
  it('fails a check that outlives its timeout and cancels its requests', async () => {
    let aborted: unknown;
    const stalls = targetOf(
      (signal) =>
        new Promise<Response>((_, reject) => {
          signal?.addEventListener('abort', () => {
            aborted = signal.reason;
            reject(signal.reason);
          });
        }),
      { timeoutMs: 60_000 },
    );
    const [result] = await runChecks([define('slow', async (ctx) => void (await get(ctx)))], stalls, { checkTimeoutMs: 20 });
    expect(result).toMatchObject({ status: 'fail', message: 'timed out after 20 ms' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(aborted).toBeDefined();
  });

  it('reports a target that keeps answering 429 as rate-limited, with its retry-after, and gives up on it', async () => {
    let calls = 0;
    const busy = targetOf(() => {
      calls++;
      return json(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }, { 'retry-after': '7' });
    });
    const use: Check['run'] = async (ctx) => void check((await get(ctx)).status === 200, 'not 200');
    const results = await runChecks([define('a', use), define('b', use), define('c', use)], busy, { concurrency: 1 });
    expect(results.map((r) => [r.status, r.skipKind])).toEqual([
      ['skip', 'rate-limited'],
      ['skip', 'rate-limited'],
      ['skip', 'rate-limited'],
    ]);
    expect(results[0]?.message).toContain('HTTP 429 after 4 attempt(s) (retry-after: 7)');
    expect(calls).toBe(4);
  });
});
