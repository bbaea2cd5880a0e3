import type { CheckResult } from '../suites/harness/runner.ts';
import type { Baseline, BaselineEntry } from './baseline.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import type { FailOn } from './run-options.ts';

/** What the gate decided (the JSON report's `gate`): which failures fail the run, which are known. */
export interface GateOutcome {
  readonly failOn: FailOn;
  /** The baseline file, as given. */
  readonly baseline: string | null;
  /** Failures at or above `failOn` that the baseline does not list: they fail the run. */
  readonly regressions: readonly string[];
  /** Failures the baseline lists: reported, not gating. */
  readonly known: readonly BaselineEntry[];
  /** Baseline entries whose check passed in this run: the deviation is fixed, remove the entry. */
  readonly stale: readonly BaselineEntry[];
  /** Baseline entries that name no check of this version (renamed or removed). */
  readonly unknown: readonly string[];
  /** Failures below `failOn` (`should` failures with `--fail-on must`): reported, not gating. */
  readonly belowGate: readonly string[];
  readonly exitCode: ExitCode;
}

/** What the gate reads of a run (a subset of the JSON report). */
export interface GateInput {
  readonly checks: readonly CheckResult[];
  /** The report's exit code before gating (2 and 3 are kept: bad configuration, a bug of ours). */
  readonly exitCode: ExitCode;
  readonly preflight: readonly { readonly ok: boolean }[];
  readonly summary: { readonly rateLimited: number };
}

/**
 * CI gating: a run fails (exit 1) when a check fails at or above `failOn` and the baseline does
 * not list it, or when a protocol could not be judged (unreachable, rate-limited, request budget
 * spent before its preflight); bad configuration (2) and internal errors (3) keep their codes.
 * A baseline entry for a check that now passes is stale: reported, so it can be removed.
 *
 * @param knownIds every check id of this version (entries outside it are `unknown`)
 */
export function gate(run: GateInput, failOn: FailOn, baseline: Baseline | undefined, knownIds: ReadonlySet<string>): GateOutcome {
  const listed = (id: string) => baseline?.entries.get(id);
  const failed = run.checks.filter((r) => r.status === 'fail');
  const gating = failed.filter((r) => failOn === 'should' || r.level === 'must');
  const regressions = gating.filter((r) => !listed(r.id)).map((r) => r.id);
  const known = failed.flatMap((r) => listed(r.id) ?? []);
  const passed = new Set(run.checks.filter((r) => r.status === 'pass').map((r) => r.id));
  const entries = [...(baseline?.entries.values() ?? [])];
  const notJudged = run.summary.rateLimited > 0 || run.preflight.some((p) => !p.ok);
  const exitCode: ExitCode = run.exitCode === EXIT.internal || run.exitCode === EXIT.usage ? run.exitCode : regressions.length > 0 || notJudged ? EXIT.failed : EXIT.ok;
  return {
    failOn,
    baseline: baseline?.label ?? null,
    regressions,
    known,
    stale: entries.filter((e) => passed.has(e.id)),
    unknown: entries.filter((e) => !knownIds.has(e.id)).map((e) => e.id),
    belowGate: failed.filter((r) => !gating.includes(r) && !listed(r.id)).map((r) => r.id),
    exitCode,
  };
}

/** The gate's lines for the console, after the summary (nothing when it adds nothing). */
export function describeGate(outcome: GateOutcome): string {
  const list = (ids: readonly string[]) => ids.map((id) => `    ${id}`).join('\n');
  const lines = [`Gate: fail on ${outcome.failOn}${outcome.baseline ? `, baseline ${outcome.baseline}` : ''} → exit ${outcome.exitCode}`];
  if (outcome.regressions.length > 0) lines.push(`  ${outcome.regressions.length} failure(s) ${outcome.baseline ? 'not in the baseline (regressions)' : 'at the gate'}:\n${list(outcome.regressions)}`);
  if (outcome.known.length > 0) lines.push(`  ${outcome.known.length} known deviation(s) still fail (baseline, not gating):\n${outcome.known.map((e) => `    ${e.id} — ${e.reason}`).join('\n')}`);
  const one = outcome.stale.length === 1;
  if (outcome.stale.length > 0) lines.push(`  ${outcome.stale.length} baseline ${one ? 'entry now passes' : 'entries now pass'} (stale: remove from ${outcome.baseline}):\n${list(outcome.stale.map((e) => e.id))}`);
  if (outcome.unknown.length > 0) lines.push(`  ${outcome.unknown.length} baseline id(s) name no check of this version (renamed or removed):\n${list(outcome.unknown)}`);
  if (outcome.belowGate.length > 0) lines.push(`  ${outcome.belowGate.length} should failure(s) below the gate (--fail-on should to gate them)`);
  return `${lines.join('\n')}\n`;
}
