import { CheckSkip } from './check.ts';

/**
 * Verdict helpers a check (or a shared exchange) calls before it judges its subject: a check
 * looks at its subject only when the subject was observed. Both skip whatever the check's level.
 */

/**
 * Skips unless the capability the check is about is present: a clean 400 to a request that uses
 * extended thinking, or no thinking block at all, means the target does not offer it.
 */
export function requireCapability(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new CheckSkip(reason, 'capability-absent');
}

/**
 * Skips unless the check's precondition occurred, e.g. "the reply ended within the budget
 * (3 of 5 tokens), so max_tokens was not exercised".
 */
export function requireObserved(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new CheckSkip(reason, 'not-observed');
}
