import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from './harness/runner.ts';
import { formatSelfTest, type MutantOutcome, runMutant, summarise } from './harness/self-test.ts';
import { SUITES } from './index.ts';

/** A deviation may fail a few checks it does not name (reported); more means a check is not isolated. */
const MAX_COLLATERAL = 2;

const suites = Object.values(SUITES);
/** Every mutant's run, across protocols, for the self-test summary at the end. */
const allOutcomes: MutantOutcome[] = [];

/**
 * The mutant guard, exact: every mutant (a deliberately broken mock) fails every check it names
 * (status `fail`, not blocked or skipped), fails at most {@link MAX_COLLATERAL} checks it does not
 * name (listed in the failure message when it does), and every check is named by at least one
 * mutant. Mutants run in-process, preflight included, as `llm-conformance run` would.
 */
describe.each(suites.map((s) => [s.protocol, s] as const))('%s mutants', (_protocol, suite) => {
  const outcomes = new Map<string, readonly CheckResult[]>();
  const { checks, mutants } = suite;

  beforeAll(async () => {
    for (const mutant of mutants) {
      const outcome = await runMutant(suite, mutant);
      outcomes.set(mutant.id, outcome.results);
      allOutcomes.push(outcome);
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

/**
 * The mutation self-test across every protocol (the exact guard is above): prints `mutants
 * detected K/N` and fails below N/N, and writes how many checks each mutant fails to
 * reports/mutants.txt (`llm-conformance self-test` prints the same table).
 */
describe('mutation self-test across all protocols', () => {
  it('detects every mutant, and every check fails through a mutant that names it', () => {
    const summary = summarise(suites, allOutcomes);
    const table = formatSelfTest(suites, allOutcomes);
    mkdirSync(new URL('../reports/', import.meta.url), { recursive: true });
    writeFileSync(new URL('../reports/mutants.txt', import.meta.url), table);
    console.info(`${table.trimEnd().split('\n').slice(-2).join('\n')}\n(each mutant's count: reports/mutants.txt)`);
    expect(`mutants detected ${summary.detected}/${summary.mutants}`).toBe(`mutants detected ${allOutcomes.length}/${allOutcomes.length}`);
    expect(summary.mutants).toBe(suites.reduce((n, s) => n + s.mutants.length, 0));
    expect(summary.uncovered).toEqual([]);
  });
});
