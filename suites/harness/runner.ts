import { type Check, CheckBlocked, type CheckContext, CheckFailure, type CheckLevel, CheckSkip, type CheckStatus, type SkipKind } from './check.ts';
import { describeError, isInternalError } from './describe-error.ts';
import { type Evidence, exchangeEvidence } from './evidence.ts';
import { ExchangeStore } from './exchange-store.ts';
import { collectHints, GENERIC_HINTS, type HintRule } from './hints.ts';
import { type ExchangeRecord, inScope } from './recorder.ts';
import { budgetExhaustedOf } from './request-budget.ts';
import { rateLimitOf } from './retry-fetch.ts';
import type { ResolvedTarget } from './target.ts';

/** The outcome of one check; the JSON report's `checks[]` entry. */
export interface CheckResult {
  readonly id: string;
  readonly protocol: string;
  readonly level: CheckLevel;
  readonly status: CheckStatus;
  readonly message: string;
  readonly durationMs: number;
  readonly description: string;
  readonly spec: string;
  /** Why a skipped check was skipped. */
  readonly skipKind?: SkipKind;
  /** For a check skipped as blocked: the id of the failed check whose exchange it needed. */
  readonly blockedBy?: string;
  /** For a failure: the exchange, expected vs actual, hints. */
  readonly evidence?: Evidence;
  /** For a check that hit a bug of llm-conformance: the stack (the run exits 3). */
  readonly internalError?: string;
}

export interface RunOptions {
  /** Checks in flight at once (default 4). Shared exchanges are still made once. */
  readonly concurrency?: number;
  /** A check running longer than this fails and its requests are cancelled (default: 3 × the request timeout). */
  readonly checkTimeoutMs?: number;
  /** Called as each check finishes (console progress). */
  readonly onResult?: (result: CheckResult) => void;
  /** The protocol's hint rules, applied to failures after {@link GENERIC_HINTS}. */
  readonly hints?: readonly HintRule[];
}

/**
 * Runs checks against one target and returns one result per check, in the order given. Shared
 * exchanges are made once; when one fails, its owner fails and the other checks that need it
 * are skipped as blocked by the owner. A check never throws out of here: a target's deviation is
 * a `fail` with evidence, a bug of ours a `skip` with `internalError` (never a verdict).
 */
export async function runChecks(checks: readonly Check[], target: ResolvedTarget, options: RunOptions = {}): Promise<CheckResult[]> {
  const store = new ExchangeStore(target, new Set(checks.map((c) => c.id)));
  const hints = [...GENERIC_HINTS, ...(options.hints ?? [])];
  const results: CheckResult[] = new Array(checks.length);
  const timeoutMs = options.checkTimeoutMs ?? target.timeoutMs * 3;
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      const check = checks[index]!;
      const result = await runOne(check, target, store, timeoutMs, hints);
      results[index] = result;
      options.onResult?.(result);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, checks.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

class CheckTimeout extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'CheckTimeout';
  }
}

async function runOne(check: Check, target: ResolvedTarget, store: ExchangeStore, timeoutMs: number, hints: readonly HintRule[]): Promise<CheckResult> {
  const started = performance.now();
  const abort = new AbortController();
  // Every exchange the check touched, in order: its own requests (pushed by the recorder) and
  // the records of the shared exchanges it used (pushed by `use`).
  const trail: ExchangeRecord[] = [];
  const ctx: CheckContext = {
    target,
    check,
    use: (exchange) => store.useFromCheck(exchange, check.id, trail),
    skip: (reason) => {
      throw new CheckSkip(reason, 'not-observed');
    },
    requireCapability(condition, reason) {
      if (!condition) throw new CheckSkip(reason, 'capability-absent');
    },
  };
  const scope = { records: trail, signal: abort.signal, label: check.id };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let passed = false;
  let thrown: unknown;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CheckTimeout(timeoutMs)), timeoutMs);
    });
    await inScope(scope, () => Promise.race([check.run(ctx), timeout]));
    passed = true;
  } catch (error) {
    thrown = error;
  } finally {
    clearTimeout(timer);
    // Whatever the check left running (an SDK stream after a timeout) stops reading now.
    abort.abort();
  }
  // One turn of the event loop lets the cancelled exchanges record how they ended (evidence).
  await new Promise((resolve) => setImmediate(resolve));
  // A check refused a request by the run's budget was not judged, whatever it concluded.
  const budget = target.budget;
  const outcome =
    budget && (budget.deniedIn(scope) || budgetExhaustedOf(thrown))
      ? ({ status: 'skip', message: budget.reason, skipKind: 'not-run' } as const)
      : passed
        ? trail.length === 0
          ? internal(new Error(`${check.id} passed without making or using any exchange: a check must observe its subject`))
          : ({ status: 'pass', message: '' } as const)
        : classify(thrown, check, target, trail, hints);
  return { ...checkResult(check, outcome.status, outcome.message, Math.round(performance.now() - started)), ...outcome };
}

function classify(error: unknown, check: Check, target: ResolvedTarget, trail: readonly ExchangeRecord[], hints: readonly HintRule[]) {
  if (error instanceof CheckBlocked) return { status: 'skip', message: error.message, skipKind: 'blocked', blockedBy: error.root } as const;
  if (error instanceof CheckSkip) return { status: 'skip', message: error.message, skipKind: error.kind } as const;
  const rateLimited = rateLimitOf(error);
  if (rateLimited) return { status: 'skip', message: rateLimited.message, skipKind: 'rate-limited' } as const;
  if (!(error instanceof CheckFailure) && !(error instanceof CheckTimeout) && isInternalError(error)) return internal(error);
  const failure = error instanceof CheckFailure ? error : new CheckFailure(error instanceof CheckTimeout ? error.message : describeError(error, target.baseUrl));
  const exchange = failure.details.exchange ?? trail[trail.length - 1];
  const evidence: Evidence = {
    ...(exchange ? { exchange: exchangeEvidence(exchange) } : {}),
    ...(failure.details.expected !== undefined ? { expected: failure.details.expected } : {}),
    ...(failure.details.actual !== undefined ? { actual: failure.details.actual } : {}),
    hints: [...new Set([...(failure.details.hints ?? []), ...collectHints(hints, { checkId: check.id, message: failure.message, exchange })])],
  };
  return { status: 'fail', message: failure.message, evidence } as const;
}

function internal(error: unknown) {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const first = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { status: 'skip', message: `internal error of llm-conformance (not a verdict; please report it): ${first}`, skipKind: 'internal-error', internalError: text } as const;
}

/** A check's result record (also for checks the CLI does not run, e.g. after a failed preflight). */
export function checkResult(check: Check, status: CheckStatus, message: string, durationMs: number, extra: Partial<CheckResult> = {}): CheckResult {
  return { id: check.id, protocol: check.protocol, level: check.level, status, message, durationMs, description: check.description, spec: check.spec, ...extra };
}
