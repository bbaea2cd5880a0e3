import { runSuite, type SuiteRun } from './run-suite.ts';
import type { ProtocolSuite } from './suite.ts';
import { resolveTarget } from './target.ts';

/**
 * Runs every check of `suite`, preflight included, against a target reached through `fetch` (an
 * in-process handler in tests: the mock, a mutant of it, a target under test), 8 checks at a time.
 */
export function runSuiteThrough(suite: ProtocolSuite, fetch: typeof globalThis.fetch, baseUrl = 'http://target.invalid'): Promise<SuiteRun> {
  const target = resolveTarget({ baseUrl, fetch, timeoutMs: 10_000 }, suite.defaultModel);
  return runSuite(suite, suite.checks, target, { concurrency: 8 });
}
