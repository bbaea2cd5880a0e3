import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createMockServer, type NodeHttpServer, serveNodeHttp } from '../mock-server/index.ts';
import type { Check } from '../suites/harness/check.ts';
import { runSuite } from '../suites/harness/run-suite.ts';
import type { CheckResult } from '../suites/harness/runner.ts';
import type { ProtocolSuite } from '../suites/harness/suite.ts';
import { resolveTarget } from '../suites/harness/target.ts';
import type { RunArgs, RunIo } from './commands/run.ts';
import { createRedactor, displayUrl } from './redact.ts';
import { ConsoleReporter } from './report/console-report.ts';
import { buildReport, type PreflightEntry } from './report/json-report.ts';
import { createTraceWriter, type TraceWriter } from './trace.ts';

/** The suites of a run, each with its selected checks. */
export type Selection = readonly { readonly suite: ProtocolSuite; readonly checks: readonly Check[] }[];

/**
 * One `run`: the embedded mock when no base URL is given, then per protocol the preflight and
 * the checks, streamed to the console; the JSON report and the trace; the exit code the verdict
 * implies. Every text that leaves the process goes through the redactor after it is formatted.
 */
export async function runSession(args: RunArgs, selection: Selection, io: RunIo): Promise<number> {
  const redact = createRedactor([args.apiKey]);
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
    const reporter = new ConsoleReporter({ write: (t) => io.stdout(redact(t)), color: io.color }, checks.map((c) => c.id));
    const protocols = selection.map((s) => s.suite.protocol);
    reporter.header(`llm-conformance: ${checks.length} checks against ${shownUrl}${embedded ? ' (embedded reference mock)' : ''} — protocols: ${protocols.join(', ')}`);
    const trace = args.trace ? await createTraceWriter(resolve(args.trace), redact) : undefined;

    const results: CheckResult[] = [];
    const preflight: PreflightEntry[] = [];
    for (const { suite, checks: suiteChecks } of selection) {
      const run = await runOne(suite, suiteChecks, { args, baseUrl, io, reporter, trace, signal: end.signal });
      results.push(...run.results);
      preflight.push(run.preflight);
    }

    const report = buildReport({
      baseUrl: shownUrl,
      protocols,
      embedded: embedded !== undefined,
      model: args.model,
      startedAt,
      durationMs: performance.now() - started,
      preflight,
      results,
    });
    let reportPath: string | undefined;
    if (args.reportJson) {
      reportPath = resolve(args.reportJson);
      await mkdir(dirname(reportPath), { recursive: true });
      await writeFile(reportPath, `${redact(JSON.stringify(report, null, 2))}\n`);
    }
    const traced = trace ? { dir: resolve(args.trace!), count: await trace.flush() } : undefined;
    reporter.summary(report, { ...(reportPath ? { report: reportPath } : {}), ...(traced ? { trace: traced } : {}) });
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
}

/** One protocol: preflight (one message when it stops the run), then the checks. */
async function runOne(suite: ProtocolSuite, checks: readonly Check[], ctx: RunContext): Promise<{ results: readonly CheckResult[]; preflight: PreflightEntry }> {
  const { args, reporter, trace } = ctx;
  const target = resolveTarget(
    {
      baseUrl: ctx.baseUrl,
      timeoutMs: args.timeoutMs,
      signal: ctx.signal,
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
    return { results: run.results, preflight: { protocol: suite.protocol, ok: false, problem: run.preflight.problem, message: run.preflight.message } };
  }
  for (const note of run.preflight.notes) reporter.note(`${suite.protocol}: ${note}`);
  return { results: run.results, preflight: { protocol: suite.protocol, ok: true, notes: run.preflight.notes } };
}
