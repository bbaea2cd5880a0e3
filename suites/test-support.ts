/**
 * Helpers shared by the verdict tests (`suites/verdicts.test.ts`, `suites/<protocol>/verdicts.test.ts`):
 * a suite run against an odd target, in process. Not a test file and not part of the public surface.
 */
import { expect } from 'vitest';
import { createFetch, createMockServer, type RequestHandlerLike } from '../mock-server/index.ts';
import { type RewriteHooks, wrapHandler } from './harness/rewrite-hooks.ts';
import { runSuite, type SuiteRun } from './harness/run-suite.ts';
import type { CheckResult } from './harness/runner.ts';
import type { ProtocolSuite } from './harness/suite.ts';
import { resolveTarget } from './harness/target.ts';

const mock = createMockServer();

/** What differs from the default odd target: the model and key sent, the first `checks` checks only, the server behind the hooks. */
export interface TargetOptions {
  readonly model?: string;
  readonly apiKey?: string;
  readonly checks?: number;
  /** The server the hooks wrap (default: one reference mock per test file). */
  readonly server?: RequestHandlerLike;
}

/**
 * The whole suite (or its first `checks` checks), preflight included, 8 checks at a time, against
 * the reference mock behind `hooks`: an odd target nobody would call conformant or broken on purpose.
 */
export function runAgainstTarget(suite: ProtocolSuite, hooks: RewriteHooks = {}, options: TargetOptions = {}): Promise<SuiteRun> {
  const handler = wrapHandler(options.server ?? mock, hooks);
  const target = resolveTarget(
    { baseUrl: 'http://target.invalid', fetch: createFetch(handler), timeoutMs: 10_000, ...(options.model ? { model: options.model } : {}), ...(options.apiKey ? { apiKey: options.apiKey } : {}) },
    suite.defaultModel,
  );
  return runSuite(suite, options.checks === undefined ? suite.checks : suite.checks.slice(0, options.checks), target, { concurrency: 8 });
}

/** {@link runAgainstTarget} for a target whose preflight must let the run go (asserted): the checks' results. */
export async function resultsAgainst(suite: ProtocolSuite, hooks: RewriteHooks, model?: string): Promise<readonly CheckResult[]> {
  const run = await runAgainstTarget(suite, hooks, model ? { model } : {});
  expect(run.preflight.ok, JSON.stringify(run.preflight)).toBe(true);
  return run.results;
}
