import { describe, expect, it } from 'vitest';
import { type Check, CheckFailure, defineCheck } from './check.ts';
import { runChecks } from './runner.ts';
import { resolveTarget } from './target.ts';

const target = resolveTarget({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1_000 }, 'model-x');

function check(name: string, run: Check['run'], level: Check['level'] = 'must'): Check {
  return defineCheck({ id: `anthropic-messages/test/${name}`, protocol: 'anthropic-messages', level, description: name, spec: 'https://example.com', run });
}

describe('runChecks', () => {
  it('turns outcomes into pass, fail and skip with messages, in the order given', async () => {
    const results = await runChecks(
      [
        check('passes', async () => {}),
        check('fails', async () => {
          throw new CheckFailure('nope');
        }),
        check('skips', async (ctx) => ctx.skip('not today')),
        check('crashes', async () => {
          throw new RangeError('boom');
        }),
      ],
      target,
      { concurrency: 3 },
    );
    expect(results.map((r) => [r.id.split('/')[2], r.status, r.message])).toEqual([
      ['passes', 'pass', ''],
      ['fails', 'fail', 'nope'],
      ['skips', 'skip', 'not today'],
      ['crashes', 'fail', 'unexpected RangeError: boom'],
    ]);
  });

  it('requireCapability skips a should check and fails a must check', async () => {
    const run: Check['run'] = async (ctx) => ctx.requireCapability(false, 'no thinking here');
    const [should, must] = await runChecks([check('should', run, 'should'), check('must', run, 'must')], target);
    expect([should?.status, must?.status]).toEqual(['skip', 'fail']);
    expect(must?.message).toBe('no thinking here');
  });

  it('shares memoized exchanges between checks of one run', async () => {
    let made = 0;
    const run: Check['run'] = async (ctx) => {
      await ctx.memo('shared', async () => ++made);
    };
    await runChecks([check('a', run), check('b', run), check('c', run)], target, { concurrency: 3 });
    expect(made).toBe(1);
  });

  it('fails a check that outlives its timeout', async () => {
    const [result] = await runChecks([check('slow', () => new Promise(() => {}))], target, { checkTimeoutMs: 20 });
    expect(result).toMatchObject({ status: 'fail', message: 'timed out after 20 ms' });
  });

  it('names the target when it cannot be reached', async () => {
    const [result] = await runChecks([check('net', async (ctx) => void (await ctx.target.fetch(`${ctx.target.baseUrl}/`)))], target);
    expect(result?.message).toMatch(/^could not reach http:\/\/127\.0\.0\.1:1: /);
  });

  it('rejects malformed check ids', () => {
    expect(() => check('Not Kebab', async () => {})).toThrow(/kebab-case/);
  });
});
