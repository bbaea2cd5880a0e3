import { createFetch, createMockServer } from '../../mock-server/index.ts';
import type { Mutant } from './mutant.ts';
import { runSuite } from './run-suite.ts';
import type { CheckResult } from './runner.ts';
import type { ProtocolSuite } from './suite.ts';
import { resolveTarget } from './target.ts';

/**
 * The mutation self-test: every mutant (a deliberately broken mock) run through its suite,
 * in-process, preflight included, as `llm-conformance run` would run it. A mutant is *detected*
 * when every check it names fails (status `fail`, not blocked or skipped); a suite is tuned so
 * that a deviation fails the few checks that name it, not half the suite, so each mutant's count
 * of failed checks is reported next to the count it names.
 */

/** One mutant's run. */
export interface MutantOutcome {
  readonly protocol: string;
  readonly mutant: Mutant;
  readonly results: readonly CheckResult[];
  /** Every check it names failed. */
  readonly detected: boolean;
  /** The ids of the checks that failed. */
  readonly failed: readonly string[];
  /** Failed checks it does not name. */
  readonly collateral: readonly string[];
}

/** Runs one mutant through its suite (every check), against a fresh reference mock wrapped by it. */
export async function runMutant(suite: ProtocolSuite, mutant: Mutant, options: { concurrency?: number } = {}): Promise<MutantOutcome> {
  const target = resolveTarget({ baseUrl: 'http://mutant.invalid', fetch: createFetch(mutant.wrap(createMockServer())), timeoutMs: 10_000 }, suite.defaultModel);
  const { results } = await runSuite(suite, suite.checks, target, { concurrency: options.concurrency ?? 8 });
  const failed = results.filter((r) => r.status === 'fail').map((r) => r.id);
  return {
    protocol: suite.protocol,
    mutant,
    results,
    detected: mutant.breaks.every((id) => failed.includes(id)),
    failed,
    collateral: failed.filter((id) => !mutant.breaks.includes(id)),
  };
}

/** The self-test's totals: mutants detected, and checks failed by a mutant that names them. */
export interface SelfTestSummary {
  readonly detected: number;
  readonly mutants: number;
  /** Checks that some detected mutant names (each check id can fail). */
  readonly coveredChecks: number;
  readonly checks: number;
  /** Check ids no detected mutant names. */
  readonly uncovered: readonly string[];
}

export function summarise(suites: readonly ProtocolSuite[], outcomes: readonly MutantOutcome[]): SelfTestSummary {
  const covered = new Set(outcomes.filter((o) => o.detected).flatMap((o) => o.mutant.breaks));
  const ids = suites.flatMap((s) => s.checks.map((c) => c.id));
  return {
    detected: outcomes.filter((o) => o.detected).length,
    mutants: outcomes.length,
    coveredChecks: ids.filter((id) => covered.has(id)).length,
    checks: ids.length,
    uncovered: ids.filter((id) => !covered.has(id)),
  };
}

/**
 * The report: one line per mutant (detected or not, checks it fails / names, the collateral),
 * then `mutants detected K/N` and the check coverage.
 */
export function formatSelfTest(suites: readonly ProtocolSuite[], outcomes: readonly MutantOutcome[]): string {
  const width = mutantColumn(suites);
  return `${outcomes.map((o) => formatMutantLine(o, width)).join('\n')}\n\n${formatSelfTestSummary(suites, outcomes)}`;
}

/** The width of the protocol and mutant column for these suites' mutants. */
export function mutantColumn(suites: readonly ProtocolSuite[]): number {
  return Math.max(10, ...suites.flatMap((s) => s.mutants.map((m) => s.protocol.length + m.id.length + 2)));
}

/** `✓ protocol  mutant-id   fails 2 check(s), names 2` (+ what it did not fail, + its collateral). */
export function formatMutantLine(o: MutantOutcome, width: number): string {
  const mark = o.detected ? '✓' : '✗';
  const missed = o.mutant.breaks.filter((id) => !o.failed.includes(id));
  const extra = o.collateral.length > 0 ? `  also fails: ${o.collateral.join(', ')}` : '';
  const notFailed = missed.length > 0 ? `  NOT failed: ${missed.join(', ')}` : '';
  return `${mark} ${`${o.protocol}  ${o.mutant.id}`.padEnd(width)}  fails ${String(o.failed.length).padStart(2)} check(s), names ${o.mutant.breaks.length}${notFailed}${extra}`;
}

/** `mutants detected K/N (…)` and the check coverage line. */
export function formatSelfTestSummary(suites: readonly ProtocolSuite[], outcomes: readonly MutantOutcome[]): string {
  const summary = summarise(suites, outcomes);
  const counts = outcomes.map((o) => o.failed.length);
  const spread = counts.length > 0 ? ` (checks failed per mutant: ${Math.min(...counts)}-${Math.max(...counts)}, median ${median(counts)})` : '';
  const never = summary.uncovered.length > 0 ? ` (never: ${summary.uncovered.join(', ')})` : '';
  return `mutants detected ${summary.detected}/${summary.mutants}${spread}\nchecks failed by a mutant that names them: ${summary.coveredChecks}/${summary.checks}${never}\n`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
