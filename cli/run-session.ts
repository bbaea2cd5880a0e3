import { createMockServer, type NodeHttpServer, serveNodeHttp } from '../mock-server/index.ts';
import type { Check } from '../suites/harness/check.ts';
import { runSuite } from '../suites/harness/run-suite.ts';
import type { CheckResult } from '../suites/harness/runner.ts';
import type { ProtocolSuite } from '../suites/harness/suite.ts';
import type { RateLimitState } from '../suites/harness/retry-fetch.ts';
import { resolveTarget } from '../suites/harness/target.ts';
import type { RunArgs, RunIo } from './commands/run.ts';
import { displayHeaders } from './options.ts';
import { displayUrl, REDACTED, type Redactor } from './redact.ts';
import { ConsoleReporter } from './report/console-report.ts';
import { buildReport, type PreflightEntry } from './report/json-report.ts';
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
export async function runSession(args: RunArgs, outputs: readonly ReportOutput[], selection: Selection, io: RunIo & { readonly redactor: Redactor }): Promise<number> {
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
    if (!args.baseUrl) embedded = await serveNodeHttp(createMockServer());
    const baseUrl = args.baseUrl ?? embedded!.url;
    const shownUrl = displayUrl(baseUrl);
    const live = !toStdout && liveProgress(io, args.reports.plain);
    // Live progress implies that stdout is this process's terminal: its width bounds the status line.
    const reporter = new ConsoleReporter({ write: consoleOut, color: io.color, live, ...(live && process.stdout.columns ? { columns: process.stdout.columns } : {}) }, checks.map((c) => c.id));
    const protocols = selection.map((s) => s.suite.protocol);
    reporter.header(`llm-conformance: ${checks.length} checks against ${shownUrl}${embedded ? ' (embedded reference mock)' : ''} — protocols: ${protocols.join(', ')}`);
    const trace = args.trace ? await createTraceWriter(args.trace, redact) : undefined;

    const results: CheckResult[] = [];
    const preflight: PreflightEntry[] = [];
    const models: Record<string, string> = {};
    const rateLimit: RateLimitState = { gaveUp: undefined };
    for (const { suite, checks: suiteChecks } of selection) {
      const run = await runOne(suite, suiteChecks, { args, baseUrl, io, reporter, trace, signal: end.signal, rateLimit });
      results.push(...run.results);
      preflight.push(run.preflight);
      models[suite.protocol] = run.model;
    }

    const report = buildReport({
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
    // Redacted after formatting: a secret cut inside a message is caught in the final text.
    await writeReports(report, outputs, redact, io.stdout);
    const traced = trace ? { dir: args.trace!, count: await trace.flush() } : undefined;
    reporter.summary(report, { reports: outputs, ...(traced ? { trace: traced } : {}) });
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
  /** One for the run: every protocol gives up on a rate-limiting target together. */
  readonly rateLimit: RateLimitState;
}

/** One protocol: preflight (one message when it stops the run), then the checks. */
async function runOne(suite: ProtocolSuite, checks: readonly Check[], ctx: RunContext): Promise<{ results: readonly CheckResult[]; preflight: PreflightEntry; model: string }> {
  const { args, reporter, trace } = ctx;
  const target = resolveTarget(
    {
      baseUrl: ctx.baseUrl,
      timeoutMs: args.timeoutMs,
      headers: args.headers,
      signal: ctx.signal,
      rateLimit: ctx.rateLimit,
      ...(args.apiKey ? { apiKey: args.apiKey } : {}),
      ...(args.model ? { model: args.model } : {}),
      ...(ctx.io.fetch ? { fetch: ctx.io.fetch } : {}),
      ...(trace ? { onExchange: (record) => trace.record(suite.protocol, record) } : {}),
    },
    suite.defaultModel,
  );
  const run = await runSuite(suite, checks, target, { concurrency: args.concurrency, onResult: (r) => reporter.result(r) });
  if (!run.preflight.ok) {
    reporter.note(`\n${suite.protocol}: ${run.preflight.message}`, run.preflight.problem === 'unreachable' || run.preflight.problem === 'rate-limited' ? 'red' : 'yellow');
    for (const result of run.results) reporter.result(result);
    return { results: run.results, model: target.model, preflight: { protocol: suite.protocol, ok: false, problem: run.preflight.problem, message: run.preflight.message } };
  }
  for (const note of run.preflight.notes) reporter.note(`${suite.protocol}: ${note}`);
  return { results: run.results, model: target.model, preflight: { protocol: suite.protocol, ok: true, notes: run.preflight.notes } };
}
