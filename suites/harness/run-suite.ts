import type { Check } from './check.ts';
import { inScope } from './recorder.ts';
import { checkReachable, type PreflightOutcome } from './preflight.ts';
import { type CheckResult, checkResult, type RunOptions, runChecks } from './runner.ts';
import type { ProtocolSuite } from './suite.ts';
import type { ResolvedTarget } from './target.ts';

/** A suite's run: what the preflight found, and one result per selected check. */
export interface SuiteRun {
  readonly preflight: PreflightOutcome;
  readonly results: readonly CheckResult[];
}

/**
 * Preflight, then the selected checks: the generic reachability probe, the suite's own preflight
 * (key, model), and, when both let the run go, the checks with the suite's hint rules. When the
 * preflight stops the run, every selected check is reported `skip` (`skipKind: "not-run"`) with
 * the one message, instead of one failure per check.
 */
export async function runSuite(suite: ProtocolSuite, checks: readonly Check[], target: ResolvedTarget, options: RunOptions = {}): Promise<SuiteRun> {
  const scope = { records: [], label: 'preflight' };
  const probed = await inScope(scope, async () => {
    const reachable = await checkReachable(target);
    return reachable.ok && suite.preflight ? suite.preflight(reachable.target) : reachable;
  });
  // A preflight refused a request by the run's budget says nothing about the target.
  const preflight: PreflightOutcome = target.budget?.deniedIn(scope) ? { ok: false, problem: 'budget', message: target.budget.reason.replace(/^not run: /, '') } : probed;
  if (!preflight.ok) {
    const message = `not run: ${preflight.message}`;
    return { preflight, results: checks.map((check) => checkResult(check, 'skip', message, 0, { skipKind: 'not-run' })) };
  }
  const results = await runChecks(checks, preflight.target, { ...options, hints: [...(options.hints ?? []), ...(suite.hints ?? [])] });
  return { preflight, results };
}
