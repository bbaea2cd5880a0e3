import { describeError } from './describe-error.ts';
import { rateLimitOf } from './retry-fetch.ts';
import type { ResolvedTarget } from './target.ts';

/**
 * Why a run cannot judge the target, found before any check runs, each reported as one message
 * instead of one failure per check:
 * - `unreachable` (exit 1): nothing answers at the base URL;
 * - `rate-limited` (exit 1): the target kept answering 429/529 (the message has its retry-after);
 * - `auth` (exit 2): the key was rejected under every auth scheme the protocol allows;
 * - `model` (exit 2): the target does not know the model (the message names the ones it lists);
 * - `budget` (exit 1): the run's request budget (`--max-requests`) was spent before the preflight
 *   could be sent, so the protocol was not judged.
 */
export type PreflightProblem = 'unreachable' | 'rate-limited' | 'auth' | 'model' | 'budget';

export type PreflightOutcome =
  /** Go: `target` may carry what the preflight learnt (the auth scheme the target accepts). */
  | { readonly ok: true; readonly target: ResolvedTarget; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problem: PreflightProblem; readonly message: string };

/**
 * One cheap request before the run: any HTTP answer (even a 404) means the target is reachable.
 * A refused or silent target then gives one clear message, instead of each check waiting out its
 * own timeout.
 */
export async function checkReachable(target: ResolvedTarget): Promise<PreflightOutcome> {
  try {
    const response = await target.fetch(`${target.baseUrl}/`, { method: 'HEAD', signal: AbortSignal.timeout(Math.min(target.timeoutMs, 15_000)) });
    await response.body?.cancel();
    return { ok: true, target, notes: [] };
  } catch (error) {
    return preflightError(error, target);
  }
}

/** A preflight request that threw: rate-limited, or the target could not be reached. */
export function preflightError(error: unknown, target: ResolvedTarget): PreflightOutcome {
  const rateLimited = rateLimitOf(error);
  if (rateLimited) return { ok: false, problem: 'rate-limited', message: rateLimited.message };
  const text = describeError(error, target.baseUrl);
  return { ok: false, problem: 'unreachable', message: text.startsWith('could not reach') ? text : `could not reach ${target.baseUrl}: ${text}` };
}
