import { describe, expect, it } from 'vitest';
import { CheckFailure, defineCheck, type Check } from './check.ts';
import { defineExchange } from './exchange.ts';
import { rawExchange } from './http.ts';
import { okJson } from './replies.ts';
import { RequestBudget } from './request-budget.ts';
import { runSuite } from './run-suite.ts';
import { runChecks } from './runner.ts';
import { resolveTarget } from './target.ts';

/** A target that counts what reaches it; every request gets a JSON 200. */
function countingTarget(budget: RequestBudget) {
  const seen: string[] = [];
  const target = resolveTarget(
    {
      baseUrl: 'http://target.invalid',
      timeoutMs: 1_000,
      budget,
      fetch: async (input) => {
        seen.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
      },
    },
    'model-x',
  );
  return { target, seen };
}

const define = (name: string, run: Check['run']) => defineCheck({ id: `anthropic-messages/test/${name}`, protocol: 'anthropic-messages', level: 'must', description: name, spec: 'https://example.com', run });
const shared = defineExchange({
  id: 'anthropic-messages/shared',
  owner: 'anthropic-messages/test/owner',
  description: 'GET /shared',
  make: async ({ target }) => okJson(await rawExchange(target, { path: '/shared' }), 'the shared request'),
});

describe('RequestBudget', () => {
  it('lets exactly `limit` requests through; the target never sees the rest', async () => {
    const budget = new RequestBudget(2);
    const { target, seen } = countingTarget(budget);
    const results = await runChecks(
      ['a', 'b', 'c', 'd'].map((name) => define(name, async (ctx) => void okJson(await rawExchange(ctx.target, { path: `/${name}` }), name))),
      target,
      { concurrency: 1 },
    );
    expect(seen).toEqual(['/a', '/b']);
    expect(budget.sent).toBe(2);
    expect(results.map((r) => [r.status, r.skipKind])).toEqual([['pass', undefined], ['pass', undefined], ['skip', 'not-run'], ['skip', 'not-run']]);
    expect(results[2]!.message).toBe("not run: the run's request budget is spent (2 requests, --max-requests)");
  });

  it('skips a check refused a request even when it turns the error into a failure or a pass', async () => {
    const budget = new RequestBudget(0);
    const { target } = countingTarget(budget);
    const results = await runChecks(
      [
        define('catches-and-fails', async (ctx) => {
          await rawExchange(ctx.target, { path: '/x' }).catch(() => {
            throw new CheckFailure('the target closed the connection');
          });
        }),
        define('catches-and-passes', async (ctx) => {
          await rawExchange(ctx.target, { path: '/x' }).catch(() => undefined);
        }),
      ],
      target,
    );
    expect(results.map((r) => [r.status, r.skipKind])).toEqual([['skip', 'not-run'], ['skip', 'not-run']]);
  });

  it('a shared exchange refused by the budget skips every user as not-run, not blocked or failed', async () => {
    const budget = new RequestBudget(0);
    const { target } = countingTarget(budget);
    const use = async (ctx: Parameters<Check['run']>[0]) => void (await ctx.use(shared));
    const results = await runChecks([define('owner', use), define('user', use)], target);
    expect(results.map((r) => [r.status, r.skipKind, r.blockedBy])).toEqual([['skip', 'not-run', undefined], ['skip', 'not-run', undefined]]);
  });

  it('checks that only read exchanges already made are still judged after the budget is spent', async () => {
    const budget = new RequestBudget(1);
    const { target, seen } = countingTarget(budget);
    const use = async (ctx: Parameters<Check['run']>[0]) => void (await ctx.use(shared));
    const own = define('own-request', async (ctx) => void okJson(await rawExchange(ctx.target, { path: '/own' }), 'own'));
    const results = await runChecks([define('owner', use), own, define('user', use)], target, { concurrency: 1 });
    expect(seen).toEqual(['/shared']);
    expect(results.map((r) => r.status)).toEqual(['pass', 'skip', 'pass']);
  });

  it('a protocol whose preflight cannot be sent is not judged (problem "budget"), every check not run', async () => {
    const budget = new RequestBudget(0);
    const { target, seen } = countingTarget(budget);
    const check = define('a', async (ctx) => void (await rawExchange(ctx.target, { path: '/a' })));
    const run = await runSuite({ protocol: 'anthropic-messages', defaultModel: 'm', checks: [check], mutants: [] }, [check], target);
    expect(seen).toEqual([]);
    expect(run.preflight).toEqual({ ok: false, problem: 'budget', message: "the run's request budget is spent (0 requests, --max-requests)" });
    expect(run.results.map((r) => [r.status, r.skipKind])).toEqual([['skip', 'not-run']]);
  });
});
