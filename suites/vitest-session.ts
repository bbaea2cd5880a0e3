import type { Baseline } from '../cli/baseline.ts';
import { missingKeyHint, type ProtocolTarget } from '../cli/config-targets.ts';
import type { Redactor } from '../cli/redact.ts';
import type { FailOn, RunSettings } from '../cli/run-options.ts';
import { createMockServer, type NodeHttpServer, serveNodeHttp } from '../mock-server/index.ts';
import type { Check } from './harness/check.ts';
import { failureText } from './harness/evidence-text.ts';
import type { PreflightOutcome } from './harness/preflight.ts';
import type { RequestBudget } from './harness/request-budget.ts';
import { runSuite } from './harness/run-suite.ts';
import type { CheckResult } from './harness/runner.ts';
import type { ProtocolSuite } from './harness/suite.ts';
import { resolveTarget } from './harness/target.ts';

/** What the vitest entry shares between the protocols of one `describeConformance`. */
export interface SessionPlan {
  readonly settings: RunSettings;
  readonly baseline: Baseline | undefined;
  readonly budget: RequestBudget | undefined;
  /** A transport in place of the network (an in-process mock, msw); the base URL is then nominal. */
  readonly fetch: typeof fetch | undefined;
}

/** How a check's result shows in vitest. */
export type Verdict =
  | { readonly kind: 'pass'; readonly note?: string }
  | { readonly kind: 'skip'; readonly note: string; readonly details?: string }
  | { readonly kind: 'fail'; readonly message: string };

/**
 * One protocol's run under vitest: started once (by the protocol's `beforeAll`), its checks run
 * together as `llm-conformance run` runs them (shared exchanges made once, with their root
 * causes), and each test awaits its own check's result as it comes in.
 */
export class ProtocolSession {
  readonly #suite: ProtocolSuite;
  readonly #checks: readonly Check[];
  readonly #plan: SessionPlan;
  readonly #results = new Map<string, Deferred<CheckResult>>();
  readonly #preflight = deferred<PreflightOutcome | { readonly ok: true }>();
  readonly #end = new AbortController();
  #server: NodeHttpServer | undefined;
  #run: Promise<void> | undefined;

  constructor(suite: ProtocolSuite, checks: readonly Check[], plan: SessionPlan) {
    this.#suite = suite;
    this.#checks = checks;
    this.#plan = plan;
    for (const check of checks) this.#results.set(check.id, deferred());
  }

  /** Starts the run (once); results arrive through {@link result}. */
  start(): void {
    this.#run ??= this.#execute().catch((error: unknown) => {
      // A bug of ours: every test that waits reports it rather than hanging.
      this.#preflight.reject(error);
      for (const pending of this.#results.values()) pending.reject(error);
    });
  }

  /** The preflight's outcome: `ok` as soon as the first check has a result. */
  preflight(): Promise<PreflightOutcome | { readonly ok: true }> {
    this.start();
    return this.#preflight.promise;
  }

  result(id: string): Promise<CheckResult> {
    this.start();
    const pending = this.#results.get(id);
    if (!pending) throw new Error(`[llm-conformance] ${id} is not a selected check of ${this.#suite.protocol}`);
    return pending.promise;
  }

  /** Stops what the target still holds open, and the embedded mock. */
  async close(): Promise<void> {
    await this.#run;
    this.#end.abort();
    await this.#server?.close();
  }

  async #execute(): Promise<void> {
    const { settings, budget } = this.#plan;
    const given: ProtocolTarget | undefined = settings.targets[this.#suite.protocol];
    if (!given?.baseUrl && !this.#plan.fetch) this.#server = await serveNodeHttp(createMockServer());
    const target = resolveTarget(
      {
        baseUrl: given?.baseUrl ?? this.#server?.url ?? 'http://in-process.invalid',
        timeoutMs: settings.timeoutMs,
        headers: given?.headers ?? settings.headers,
        signal: this.#end.signal,
        ...(given?.apiKey ? { apiKey: given.apiKey } : {}),
        ...(given?.model ? { model: given.model } : {}),
        ...(this.#plan.fetch ? { fetch: this.#plan.fetch } : {}),
        ...(budget ? { budget } : {}),
      },
      this.#suite.defaultModel,
    );
    const run = await runSuite(this.#suite, this.#checks, target, {
      concurrency: settings.concurrency,
      ...(settings.checkTimeoutMs !== undefined ? { checkTimeoutMs: settings.checkTimeoutMs } : {}),
      onResult: (result) => {
        this.#preflight.resolve({ ok: true });
        this.#results.get(result.id)?.resolve(result);
      },
    });
    this.#preflight.resolve(run.preflight.ok ? run.preflight : { ...run.preflight, message: `${run.preflight.message}${missingKeyHint(given, run.preflight.problem)}` });
    for (const result of run.results) this.#results.get(result.id)?.resolve(result);
  }
}

/**
 * A check's result as a vitest outcome, with CI gating applied as `run` applies it: a failure at
 * or above `failOn` that the baseline does not list fails the test with its evidence; a known
 * deviation, or a `should` failure below the gate, is a skip that says so (the evidence goes in
 * an annotation); a skipped check is a skip with its reason; a bug of ours fails (never a pass).
 */
export function judge(result: CheckResult, failOn: FailOn, baseline: Baseline | undefined): Verdict {
  const known = baseline?.entries.get(result.id);
  if (result.status === 'pass') return known ? { kind: 'pass', note: `stale baseline entry: ${result.id} now passes; remove it from ${baseline!.label}` } : { kind: 'pass' };
  if (result.status === 'skip') {
    if (result.skipKind === 'internal-error') return { kind: 'fail', message: `${result.message}\n${result.internalError ?? ''}`.trim() };
    return { kind: 'skip', note: result.message };
  }
  if (known) return { kind: 'skip', note: `known deviation (baseline ${baseline!.label}: ${known.reason}): ${result.message}`, details: failureText(result) };
  if (result.level === 'should' && failOn === 'must') return { kind: 'skip', note: `should-level deviation, not gated (failOn: must): ${result.message}`, details: failureText(result) };
  return { kind: 'fail', message: failureText(result) };
}

/** A redacted error for a failed test: the message only, no stack into llm-conformance's internals. */
export function conformanceError(message: string, redact: Redactor): Error {
  const error = new Error(redact(message));
  error.name = 'ConformanceFailure';
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A run that fails before a test waits must not be an unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject };
}
