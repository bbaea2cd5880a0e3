import type { ProtocolId } from '../specs/types.ts';
import { anthropicMessagesSuite } from './anthropic-messages/index.ts';
import type { ProtocolSuite } from './harness/suite.ts';

/**
 * Every protocol suite, by protocol id. Adding a protocol adds one entry. A protocol whose spec and
 * mock adapter exist before its suite is simply absent here (the CLI offers only suites).
 */
export const SUITES: Readonly<Partial<Record<ProtocolId, ProtocolSuite>>> = {
  'anthropic-messages': anthropicMessagesSuite,
};

/** The protocols that have a conformance suite, in registry order (`--protocol` choices). */
export const SUITE_PROTOCOLS: readonly ProtocolId[] = Object.values(SUITES).map((suite) => suite.protocol);

/** The suite of a protocol (throws for a protocol without one: callers pick from {@link SUITE_PROTOCOLS}). */
export function suiteFor(protocol: ProtocolId): ProtocolSuite {
  const suite = SUITES[protocol];
  if (!suite) throw new Error(`[llm-conformance] no conformance suite for protocol "${protocol}" yet`);
  return suite;
}

export { defineCheck, CheckFailure, CheckSkip, type Check, type CheckContext, type CheckLevel, type CheckStatus } from './harness/check.ts';
export { runChecks, type CheckResult, type RunOptions } from './harness/runner.ts';
export { resolveTarget, type Target, type ResolvedTarget } from './harness/target.ts';
export { defineMutant, type Mutant } from './harness/mutant.ts';
export type { ProtocolSuite } from './harness/suite.ts';
export { matchesFilter } from './harness/filter.ts';
