import type { CheckLevel, CheckStatus, SkipKind } from '../../suites/harness/check.ts';

/** What the diff reads of a report: the contract fields, and a few additive ones when present. */
export interface DiffableReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: { readonly baseUrl: string; readonly protocols: readonly string[]; readonly models?: Readonly<Record<string, string>> };
  readonly startedAt: string;
  readonly environment?: { readonly sdks?: Readonly<Record<string, string>> };
  readonly checks: readonly DiffableCheck[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number };
  readonly readiness?: readonly { readonly client: string; readonly name: string; readonly status: string }[];
}

export interface DiffableCheck {
  readonly id: string;
  readonly level: CheckLevel;
  readonly status: CheckStatus;
  readonly message: string;
  readonly skipKind?: SkipKind;
  readonly blockedBy?: string;
}

/** A check's state in one report, as the diff shows it: `pass`, `fail`, `blocked`, or `skip (kind)`. */
export interface CheckState {
  readonly status: CheckStatus;
  readonly level: CheckLevel;
  /** `pass`, `fail`, `blocked`, `skip (not-observed)`… */
  readonly label: string;
  readonly message: string;
  readonly blockedBy?: string;
}

/** One check that differs between the two reports (`old` absent: appeared; `new` absent: disappeared). */
export interface CheckChange {
  readonly id: string;
  readonly old?: CheckState;
  readonly new?: CheckState;
}

/** The side-by-side facts of the two runs. */
export interface RunFacts {
  readonly target: string;
  readonly tool: string;
  readonly startedAt: string;
  readonly protocols: readonly string[];
  readonly models: Readonly<Record<string, string>>;
  readonly sdks: Readonly<Record<string, string>>;
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number };
}

/**
 * The difference between two runs, by check id: the answer to "did our gateway release break
 * compatibility" (old = last release, new = this build) and "which vendor is more compatible"
 * (old = vendor A, new = vendor B).
 */
export interface ReportDiff {
  readonly old: RunFacts;
  readonly new: RunFacts;
  /** Failing now, not failing before (any status → fail). */
  readonly newlyFailing: readonly CheckChange[];
  /** Passing now, failing before. */
  readonly newlyPassing: readonly CheckChange[];
  /** Every other status change: pass ↔ skip, fail → skip, a different skip kind, blocked. */
  readonly statusChanged: readonly CheckChange[];
  /** `must` ↔ `should` (the tool's verdict rules changed between the two versions). */
  readonly levelChanged: readonly CheckChange[];
  /** Checks only in the new report (a newer tool, a protocol or filter added). */
  readonly appeared: readonly CheckChange[];
  /** Checks only in the old report. */
  readonly disappeared: readonly CheckChange[];
  /** Failing in both. */
  readonly stillFailing: readonly string[];
  /** Client readiness that changed: `[client name, old status, new status]`. */
  readonly readinessChanged: readonly { readonly client: string; readonly name: string; readonly old: string; readonly new: string }[];
  /**
   * The regressions that decide the exit code: checks in both reports that fail as `must` in the
   * new one and did not fail as `must` in the old one (newly failing, or a failure that became a
   * `must`). A check that appeared is a change of the tool, not of the target: listed, not counted.
   */
  readonly regressions: readonly string[];
}

/** Compares two reports check by check. */
export function diffReports(oldReport: DiffableReport, newReport: DiffableReport): ReportDiff {
  const before = new Map(oldReport.checks.map((c) => [c.id, c]));
  const after = new Map(newReport.checks.map((c) => [c.id, c]));
  const diff = {
    newlyFailing: [] as CheckChange[],
    newlyPassing: [] as CheckChange[],
    statusChanged: [] as CheckChange[],
    levelChanged: [] as CheckChange[],
    appeared: [] as CheckChange[],
    disappeared: [] as CheckChange[],
    stillFailing: [] as string[],
    regressions: [] as string[],
  };
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      diff.appeared.push({ id, new: state(now) });
      continue;
    }
    const change = { id, old: state(was), new: state(now) };
    if (was.level !== now.level) diff.levelChanged.push(change);
    if (now.status === 'fail' && now.level === 'must' && !(was.status === 'fail' && was.level === 'must')) diff.regressions.push(id);
    if (now.status === 'fail' && was.status === 'fail') diff.stillFailing.push(id);
    else if (now.status === 'fail') diff.newlyFailing.push(change);
    else if (was.status === 'fail' && now.status === 'pass') diff.newlyPassing.push(change);
    else if (change.old.label !== change.new.label) diff.statusChanged.push(change);
  }
  for (const [id, was] of before) if (!after.has(id)) diff.disappeared.push({ id, old: state(was) });
  return { old: facts(oldReport), new: facts(newReport), ...diff, readinessChanged: readinessChanges(oldReport, newReport) };
}

function state(c: DiffableCheck): CheckState {
  const label = c.status !== 'skip' ? c.status : c.skipKind === 'blocked' ? 'blocked' : `skip (${c.skipKind ?? 'skipped'})`;
  return { status: c.status, level: c.level, label, message: c.message, ...(c.blockedBy !== undefined ? { blockedBy: c.blockedBy } : {}) };
}

function facts(report: DiffableReport): RunFacts {
  return {
    target: report.target.baseUrl,
    tool: `${report.tool.name} ${report.tool.version}`,
    startedAt: report.startedAt,
    protocols: report.target.protocols,
    models: report.target.models ?? {},
    sdks: report.environment?.sdks ?? {},
    summary: { passed: report.summary.passed, failed: report.summary.failed, skipped: report.summary.skipped },
  };
}

function readinessChanges(oldReport: DiffableReport, newReport: DiffableReport): ReportDiff['readinessChanged'] {
  const before = new Map((oldReport.readiness ?? []).map((r) => [r.client, r]));
  return (newReport.readiness ?? []).flatMap((r) => {
    const was = before.get(r.client);
    return was && was.status !== r.status ? [{ client: r.client, name: r.name, old: was.status, new: r.status }] : [];
  });
}
