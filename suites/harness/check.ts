import type { ProtocolId } from '../../specs/types.ts';
import type { ResolvedTarget } from './target.ts';

/** `must`: a failure makes the run fail (exit 1). `should`: reported, never fails the run. */
export type CheckLevel = 'must' | 'should';

export type CheckStatus = 'pass' | 'fail' | 'skip';

/**
 * One conformance check. `id` is stable forever (`<protocol>/<area>/<name>`): reports, filters
 * and CI gates key on it.
 */
export interface Check {
  readonly id: string;
  readonly protocol: ProtocolId;
  readonly level: CheckLevel;
  /** One line: what a conformant target does. */
  readonly description: string;
  /** Where the rule comes from: the vendor's docs, or an issue showing the breakage in the wild. */
  readonly spec: string;
  run(ctx: CheckContext): Promise<void>;
}

/** What a check gets: the target, a per-run memo for shared exchanges, and ways to end early. */
export interface CheckContext {
  readonly target: ResolvedTarget;
  readonly check: Check;
  /** Runs `make` once per run and key; checks that look at the same exchange share it. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** Ends the check as skipped. */
  skip(reason: string): never;
  /**
   * A capability the check depends on (thinking, images) is absent: a `should` check skips with
   * the reason, a `must` check fails with it.
   */
  requireCapability(condition: unknown, reason: string): void;
}

/** Thrown by assertions: the check failed with this message. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Thrown by `ctx.skip`. */
export class CheckSkip extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CheckSkip';
  }
}

const ID_PATTERN = /^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/;

/** Declares a check; validates the id shape at definition time. */
export function defineCheck(check: Check): Check {
  if (!ID_PATTERN.test(check.id) || !check.id.startsWith(`${check.protocol}/`)) {
    throw new Error(`[llm-conformance] Failed to define check "${check.id}": ids are "<protocol>/<area>/<name>" in kebab-case.`);
  }
  return check;
}
