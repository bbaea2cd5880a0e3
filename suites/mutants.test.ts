import { beforeAll, describe, expect, it } from 'vitest';
import { createFetch, createMockServer } from '../mock-server/index.ts';
import type { CheckResult } from './harness/runner.ts';
import { runSuite } from './harness/run-suite.ts';
import { resolveTarget } from './harness/target.ts';
import { SUITES } from './index.ts';

/** A deviation may fail a few checks it does not name (reported); more means a check is not isolated. */
const MAX_COLLATERAL = 2;

const suites = Object.values(SUITES);

/**
 * The mutant guard, exact: every mutant (a deliberately broken mock) fails every check it names
 * (status `fail`, not blocked or skipped), fails at most {@link MAX_COLLATERAL} checks it does not
 * name (listed in the failure message when it does), and every check is named by at least one
 * mutant. Mutants run in-process, preflight included, as `llm-conformance run` would.
 */
describe.each(suites.map((s) => [s.protocol, s] as const))('%s mutants', (_protocol, suite) => {
  const outcomes = new Map<string, readonly CheckResult[]>();
  const { checks, mutants, defaultModel } = suite;

  beforeAll(async () => {
    const mock = createMockServer();
    for (const mutant of mutants) {
      const target = resolveTarget({ baseUrl: 'http://mutant.invalid', fetch: createFetch(mutant.wrap(mock)), timeoutMs: 10_000 }, defaultModel);
      outcomes.set(mutant.id, (await runSuite(suite, checks, target, { concurrency: 8 })).results);
    }
  }, 180_000);

  it('have unique ids and name only existing checks', () => {
    const ids = new Set(checks.map((c) => c.id));
    expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    for (const mutant of mutants) {
      expect(mutant.breaks.length, mutant.id).toBeGreaterThan(0);
      for (const id of mutant.breaks) expect(ids.has(id), `${mutant.id} names unknown check ${id}`).toBe(true);
    }
  });

  it('name every check: each check has a mutant of its own', () => {
    const named = new Set(mutants.flatMap((m) => m.breaks));
    expect(checks.map((c) => c.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it.each(mutants.map((m) => m.id))('%s fails exactly the checks it names (collateral bounded)', (mutantId) => {
    const mutant = mutants.find((m) => m.id === mutantId)!;
    const results = outcomes.get(mutantId) ?? [];
    const status = (id: string) => results.find((r) => r.id === id);
    const notFailed = mutant.breaks.filter((id) => status(id)?.status !== 'fail');
    expect(notFailed, `still passing or skipped: ${notFailed.map((id) => `${id} (${status(id)?.status}: ${status(id)?.message})`).join('; ')}`).toEqual([]);
    const collateral = results.filter((r) => r.status === 'fail' && !mutant.breaks.includes(r.id));
    expect(collateral.length, `collateral failures: ${collateral.map((r) => `${r.id}: ${r.message}`).join('; ')}`).toBeLessThanOrEqual(MAX_COLLATERAL);
    const internal = results.filter((r) => r.internalError !== undefined);
    expect(internal.map((r) => `${r.id}: ${r.internalError}`)).toEqual([]);
  });

  it('report their collateral: the checks each fails beyond its list', () => {
    const lines = mutants.flatMap((mutant) => {
      const collateral = (outcomes.get(mutant.id) ?? []).filter((r) => r.status === 'fail' && !mutant.breaks.includes(r.id)).map((r) => r.id);
      return collateral.length > 0 ? [`  ${mutant.id}: ${collateral.join(', ')}`] : [];
    });
    if (lines.length > 0) console.info(`${suite.protocol}: ${lines.length} of ${mutants.length} mutants fail checks they do not name (at most ${MAX_COLLATERAL} each):\n${lines.join('\n')}`);
    expect(lines.length).toBeLessThan(mutants.length);
  });

  it('fail the run (a must failure) exactly when they name a must check', () => {
    const levels = new Map(checks.map((c) => [c.id, c.level]));
    for (const mutant of mutants) {
      const namesMust = mutant.breaks.some((id) => levels.get(id) === 'must');
      const mustFailed = (outcomes.get(mutant.id) ?? []).some((r) => r.status === 'fail' && r.level === 'must');
      expect(mustFailed, mutant.id).toBe(namesMust);
    }
  });
});
