/**
 * Helpers shared by the suites' verdict tests (`suites/<protocol>/verdicts.test.ts`). Not a test
 * file and not part of the public surface.
 */
import { createFetch, createMockServer } from '../mock-server/index.ts';
import { defineMutant, type RewriteHooks } from './harness/mutant.ts';
import { runSuite, type SuiteRun } from './harness/run-suite.ts';
import type { ProtocolSuite } from './harness/suite.ts';
import { resolveTarget } from './harness/target.ts';

const mock = createMockServer();

/**
 * The whole suite (or its first `checks` checks) against the reference mock behind `hooks`: an
 * odd target nobody would call conformant or broken on purpose.
 */
export function runAgainstTarget(suite: ProtocolSuite, hooks: RewriteHooks, options: { model?: string; checks?: number } = {}): Promise<SuiteRun> {
  const handler = defineMutant({ id: 'target', description: 'a target under test', breaks: [], ...hooks }).wrap(mock);
  const target = resolveTarget({ baseUrl: 'http://target.invalid', fetch: createFetch(handler), timeoutMs: 10_000, ...(options.model ? { model: options.model } : {}) }, suite.defaultModel);
  return runSuite(suite, options.checks === undefined ? suite.checks : suite.checks.slice(0, options.checks), target, { concurrency: 8 });
}
