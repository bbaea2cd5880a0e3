import { type Check, type CheckContext, CheckFailure, type CheckLevel, CheckSkip, type CheckStatus } from './check.ts';
import { describeError } from './describe-error.ts';
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
}

export interface RunOptions {
  /** Checks in flight at once (default 4). Shared exchanges are still made once. */
  readonly concurrency?: number;
  /** A check running longer than this fails (default: 3 × the target's request timeout). */
  readonly checkTimeoutMs?: number;
  /** Called as each check finishes (console progress). */
  readonly onResult?: (result: CheckResult) => void;
}

/**
 * Runs checks against one target and returns one result per check, in the order given.
 * Checks share a per-run memo, so an exchange several checks inspect (a stream, an error reply)
 * is made once. A check never throws out of here: every error becomes a `fail` with a message.
 */
export async function runChecks(checks: readonly Check[], target: ResolvedTarget, options: RunOptions = {}): Promise<CheckResult[]> {
  const memo = new Map<string, Promise<unknown>>();
  const results: CheckResult[] = new Array(checks.length);
  const timeoutMs = options.checkTimeoutMs ?? target.timeoutMs * 3;
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      const check = checks[index]!;
      const result = await runOne(check, target, memo, timeoutMs);
      results[index] = result;
      options.onResult?.(result);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, checks.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

async function runOne(check: Check, target: ResolvedTarget, memo: Map<string, Promise<unknown>>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const ctx: CheckContext = {
    target,
    check,
    memo: <T>(key: string, make: () => Promise<T>) => {
      let promise = memo.get(key) as Promise<T> | undefined;
      if (!promise) {
        promise = make();
        memo.set(key, promise);
      }
      return promise;
    },
    skip: (reason) => {
      throw new CheckSkip(reason);
    },
    requireCapability(condition, reason) {
      if (condition) return;
      if (check.level === 'should') throw new CheckSkip(reason);
      throw new CheckFailure(reason);
    },
  };
  let status: CheckStatus = 'pass';
  let message = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CheckFailure(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([check.run(ctx), timeout]);
  } catch (error) {
    if (error instanceof CheckSkip) {
      status = 'skip';
      message = error.message;
    } else {
      status = 'fail';
      message = error instanceof CheckFailure ? error.message : describeError(error, target.baseUrl);
    }
  } finally {
    clearTimeout(timer);
  }
  return checkResult(check, status, message, Math.round(performance.now() - started));
}

/** A check's result record (also for checks the CLI fails without running, e.g. an unreachable target). */
export function checkResult(check: Check, status: CheckStatus, message: string, durationMs: number): CheckResult {
  return { id: check.id, protocol: check.protocol, level: check.level, status, message, durationMs, description: check.description, spec: check.spec };
}
