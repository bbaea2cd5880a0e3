import type { ProtocolId } from '../specs/types.ts';
import { anthropicMessagesSuite } from './anthropic-messages/index.ts';
import type { ProtocolSuite } from './harness/suite.ts';

/** Every protocol suite, by protocol id. Adding a protocol adds one entry. */
export const SUITES: Readonly<Record<ProtocolId, ProtocolSuite>> = {
  'anthropic-messages': anthropicMessagesSuite,
};

export { defineCheck, CheckFailure, CheckSkip, type Check, type CheckContext, type CheckLevel, type CheckStatus } from './harness/check.ts';
export { runChecks, type CheckResult, type RunOptions } from './harness/runner.ts';
export { resolveTarget, type Target, type ResolvedTarget } from './harness/target.ts';
export { defineMutant, type Mutant } from './harness/mutant.ts';
export type { ProtocolSuite } from './harness/suite.ts';
export { matchesFilter } from './harness/filter.ts';
