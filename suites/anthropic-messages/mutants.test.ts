import { beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mock-server/create-mock-server.ts';
import { createFetch } from '../../mock-server/transports/fetch.ts';
import { type CheckResult, runChecks } from '../harness/runner.ts';
import { resolveTarget } from '../harness/target.ts';
import { anthropicMessagesSuite } from './index.ts';

const { checks, mutants, defaultModel } = anthropicMessagesSuite;

/**
 * Every check must be able to fail: each mutant (a deliberately broken mock) must fail the checks
 * it names, and every check must fail against at least one mutant. Mutants run in-process
 * (a fetch answered by the mutant), so 60 mutants × every check take seconds.
 */
describe('anthropic-messages mutants', () => {
  const outcomes = new Map<string, CheckResult[]>();

  beforeAll(async () => {
    const mock = createMockServer();
    for (const mutant of mutants) {
      const target = resolveTarget({ baseUrl: 'http://mutant.invalid', fetch: createFetch(mutant.wrap(mock)), timeoutMs: 10_000 }, defaultModel);
      outcomes.set(mutant.id, await runChecks(checks, target, { concurrency: 8 }));
    }
  }, 120_000);

  it('have unique ids and name only existing checks', () => {
    const ids = new Set(checks.map((c) => c.id));
    expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    for (const mutant of mutants) {
      expect(mutant.breaks.length, mutant.id).toBeGreaterThan(0);
      for (const id of mutant.breaks) expect(ids.has(id), `${mutant.id} names unknown check ${id}`).toBe(true);
    }
  });

  it.each(mutants.map((m) => m.id))('%s fails the checks it names', (mutantId) => {
    const mutant = mutants.find((m) => m.id === mutantId)!;
    const results = outcomes.get(mutantId) ?? [];
    const notFailed = mutant.breaks.filter((id) => results.find((r) => r.id === id)?.status !== 'fail');
    expect(notFailed, `still passing or skipped: ${notFailed.map((id) => `${id} (${results.find((r) => r.id === id)?.status})`).join(', ')}`).toEqual([]);
  });

  it('every check fails against at least one mutant', () => {
    const caught = new Set([...outcomes.values()].flatMap((results) => results.filter((r) => r.status === 'fail').map((r) => r.id)));
    const uncaught = checks.map((c) => c.id).filter((id) => !caught.has(id));
    expect(uncaught).toEqual([]);
  });
});
