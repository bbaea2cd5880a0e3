import { createMockServer, type NodeHttpServer, serveNodeHttp } from '../mock-server/index.ts';
import type { Check } from '../suites/harness/check.ts';
import { runSuite } from '../suites/harness/run-suite.ts';
import type { CheckResult } from '../suites/harness/runner.ts';
import { RequestBudget } from '../suites/harness/request-budget.ts';
import type { ProtocolSuite } from '../suites/harness/suite.ts';
import type { RateLimitState } from '../suites/harness/retry-fetch.ts';
import { resolveTarget } from '../suites/harness/target.ts';
import { SUITES } from '../suites/index.ts';
import { type Baseline, baselineOf, writeBaseline } from './baseline.ts';
import type { RunArgs, RunIo } from './commands/run.ts';
import { missingKeyHint, type ProtocolTarget } from './config-targets.ts';
import { describeGate, gate, type GateOutcome } from './gate.ts';
import { displayHeaders } from './options.ts';
import { displayUrl, REDACTED, type Redactor } from './redact.ts';
import { ConsoleReporter } from './report/console-report.ts';
import { buildReport, type JsonReport, type PreflightEntry } from './report/json-report.ts';
import type { ReportOutput } from './report/report-options.ts';
import { liveProgress } from './report/terminal.ts';
import { writeReports } from './report/write-reports.ts';
import { createTraceWriter, type TraceWriter } from './trace.ts';

/** The suites of a run, each with its selected checks. */
export type Selection = readonly { readonly suite: ProtocolSuite; readonly checks: readonly Check[] }[];

/**
 * One `run`: the embedded mock when no base URL is given, then per protocol the preflight and
 * the checks, streamed to the console; the reports (JSON, JUnit, Markdown, HTML: `outputs`, `-`
 * for stdout) and the trace; the exit code the verdict implies. `io` writes through the run's
 * redactor, and every text that leaves the process (reports, trace files) is redacted after it
 * is formatted.
 */
export async function runSession(
  args: RunArgs,
  outputs: readonly ReportOutput[],
  selection: Selection,
  io: RunIo & { readonly redactor: Redactor },
  gating: { readonly baseline?: Baseline | undefined } = {},
): Promise<number> {
  const redact = io.redactor;
  // With a report on stdout, stdout holds nothing but that report; the console report goes to stderr.
  const toStdout = outputs.some((o) => o.path === '-');
  const consoleOut = toStdout ? io.stderr : io.stdout;
  const startedAt = new Date();
  const started = performance.now();
  const checks = selection.flatMap((s) => s.checks);
  // Aborted when the run ends: whatever a hostile target still holds open is cancelled.
  const end = new AbortController();
  let embedded: NodeHttpServer | undefined;
  try {
    const protocols = selection.map((s) => s.suite.protocol);
    if (protocols.some((p) => !args.targets[p]?.baseUrl)) embedded = await serveNodeHttp(createMockServer());
    const baseUrls = Object.fromEntries(protocols.map((p) => [p, args.targets[p]?.baseUrl ?? embedded!.url]));
    const distinct = [...new Set(Object.values(baseUrls))];
    const shownUrl = distinct.length === 1 ? displayUrl(distinct[0]!) : protocols.map((p) => `${displayUrl(baseUrls[p]!)} (${p})`).join(', ');
    const live = !toStdout && liveProgress(io, args.reports.plain);
    // Live progress implies that stdout is this process's terminal: its width bounds the status line.
    const reporter = new ConsoleReporter({ write: consoleOut, color: io.color, live, ...(live && process.stdout.columns ? { columns: process.stdout.columns } : {}) }, checks.map((c) => c.id));
    reporter.header(`llm-conformance: ${checks.length} checks against ${shownUrl}${embedded ? ' (embedded reference mock)' : ''} — protocols: ${protocols.join(', ')}`);
    const trace = args.trace ? await createTraceWriter(args.trace, redact) : undefined;
    for (const note of targetNotes(selection, args)) reporter.note(note);
    // One budget for the whole run: every protocol's requests count against it.
    const budget = args.maxRequests === undefined ? undefined : new RequestBudget(args.maxRequests);

    const results: CheckResult[] = [];
    const preflight: PreflightEntry[] = [];
    const models: Record<string, string> = {};
    // One rate-limit state per base URL: a target answering 429 forever is given up on once.
    const rateLimits = new Map<string, RateLimitState>();
    const rateLimitOf = (url: string): RateLimitState => rateLimits.get(url) ?? rateLimits.set(url, { gaveUp: undefined }).get(url)!;
    for (const { suite, checks: suiteChecks } of selection) {
      const run = await runOne(suite, suiteChecks, { args, baseUrl: baseUrls[suite.protocol]!, io, reporter, trace, signal: end.signal, budget, rateLimit: rateLimitOf(baseUrls[suite.protocol]!) });
      results.push(...run.results);
      preflight.push(run.preflight);
      models[suite.protocol] = run.model;
    }

    const built = buildReport({
      baseUrl: shownUrl,
      protocols,
      embedded: embedded !== undefined,
      model: args.model,
      models,
      headers: displayHeaders(args.headers, REDACTED),
      startedAt,
      durationMs: performance.now() - started,
      preflight,
      results,
      checks,
    });
    const report = await gateReport(built, args, gating.baseline, redact);
    // Redacted after formatting: a secret cut inside a message is caught in the final text.
    await writeReports(report, outputs, redact, io.stdout);
    const traced = trace ? { dir: args.trace!, count: await trace.flush() } : undefined;
    reporter.summary(report, { reports: outputs, ...(traced ? { trace: traced } : {}) });
    if (args.baseline || args.writeBaseline || args.failOn !== 'must' || budget?.exhausted) consoleOut(gateLines(report, args, budget));
    return report.exitCode;
  } finally {
    end.abort();
    await embedded?.close();
  }
}

interface RunContext {
  readonly args: RunArgs;
  readonly baseUrl: string;
  readonly io: RunIo;
  readonly reporter: ConsoleReporter;
  readonly trace: TraceWriter | undefined;
  readonly signal: AbortSignal;
  /** Shared by every protocol on the same base URL: they give up on a rate-limiting target together. */
  readonly rateLimit: RateLimitState;
  readonly budget: RequestBudget | undefined;
}

/** One protocol: preflight (one message when it stops the run), then the checks. */
async function runOne(suite: ProtocolSuite, checks: readonly Check[], ctx: RunContext): Promise<{ results: readonly CheckResult[]; preflight: PreflightEntry; model: string }> {
  const { args, reporter, trace } = ctx;
  const given: ProtocolTarget | undefined = args.targets[suite.protocol];
  const target = resolveTarget(
    {
      baseUrl: ctx.baseUrl,
      timeoutMs: args.timeoutMs,
      headers: given?.headers ?? args.headers,
      signal: ctx.signal,
      rateLimit: ctx.rateLimit,
      ...(given?.apiKey ? { apiKey: given.apiKey } : {}),
      ...(given?.model ? { model: given.model } : {}),
      ...(ctx.io.fetch ? { fetch: ctx.io.fetch } : {}),
      ...(trace ? { onExchange: (record) => trace.record(suite.protocol, record) } : {}),
      ...(ctx.budget ? { budget: ctx.budget } : {}),
    },
    suite.defaultModel,
  );
  const run = await runSuite(suite, checks, target, {
    concurrency: args.concurrency,
    ...(args.checkTimeoutMs !== undefined ? { checkTimeoutMs: args.checkTimeoutMs } : {}),
    onResult: (r) => reporter.result(r),
  });
  if (!run.preflight.ok) {
    // A key the target rejects when none was given: say where one would come from.
    const message = `${run.preflight.message}${missingKeyHint(given, run.preflight.problem)}`;
    reporter.note(`\n${suite.protocol}: ${message}`, run.preflight.problem === 'unreachable' || run.preflight.problem === 'rate-limited' ? 'red' : 'yellow');
    for (const result of run.results) reporter.result(result);
    return { results: run.results, model: target.model, preflight: { protocol: suite.protocol, ok: false, problem: run.preflight.problem, message } };
  }
  for (const note of run.preflight.notes) reporter.note(`${suite.protocol}: ${note}`);
  return { results: run.results, model: target.model, preflight: { protocol: suite.protocol, ok: true, notes: run.preflight.notes } };
}

/** Where each protocol goes and where its base URL and key came from (config and environment are implicit, so say it). */
function targetNotes(selection: Selection, args: RunArgs): string[] {
  return selection.flatMap(({ suite }) => {
    const target = args.targets[suite.protocol];
    if (!target?.baseUrl) return [];
    const key = target.apiKeyFrom ? `key from ${target.apiKeyFrom}` : 'no key given';
    return [`${suite.protocol} → ${displayUrl(target.baseUrl)} (from ${target.baseUrlFrom}), ${key}`];
  });
}

/**
 * The report after CI gating (`--fail-on`, `--baseline`): `exitCode` becomes the process's exit
 * code and `gate` says which failures decided it. With `--write-baseline`, the run's failures are
 * written as the new baseline first, and gate on it (they are accepted).
 */
async function gateReport(report: JsonReport, args: RunArgs, given: Baseline | undefined, redact: Redactor): Promise<JsonReport & { readonly gate: GateOutcome }> {
  let baseline = given;
  if (args.writeBaseline) {
    const written = baselineOf(report.checks, given);
    await writeBaseline(args.writeBaseline, written, redact);
    baseline = { label: args.writeBaseline, entries: new Map(written.deviations.map((d) => [d.id, d])) };
  }
  const outcome = gate(report, args.failOn, baseline, ALL_CHECK_IDS);
  return { ...report, exitCode: outcome.exitCode, gate: outcome };
}

const ALL_CHECK_IDS: ReadonlySet<string> = new Set(Object.values(SUITES).flatMap((suite) => suite.checks.map((c) => c.id)));

function gateLines(report: JsonReport & { readonly gate: GateOutcome }, args: RunArgs, budget: RequestBudget | undefined): string {
  const spent = budget?.exhausted ? `Request budget: ${budget.sent} of --max-requests ${budget.limit} sent; the checks that needed more are skipped (not-run).\n` : '';
  const written = args.writeBaseline ? `Baseline written to ${args.writeBaseline} (${report.gate.known.length} deviation(s)).\n` : '';
  return `${spent}${written}${args.baseline || args.writeBaseline || args.failOn !== 'must' ? describeGate(report.gate) : ''}`;
}
