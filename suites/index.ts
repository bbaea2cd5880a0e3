import type { ProtocolId } from '../specs/types.ts';
import { anthropicMessagesSuite } from './anthropic-messages/index.ts';
import { geminiSuite } from './gemini/index.ts';
import type { ProtocolSuite } from './harness/suite.ts';

/**
 * Every protocol suite, by protocol id. Adding a protocol adds one entry. A protocol whose spec and
 * mock adapter exist before its suite is simply absent here (the CLI offers only suites).
 */
export const SUITES: Readonly<Partial<Record<ProtocolId, ProtocolSuite>>> = {
  'anthropic-messages': anthropicMessagesSuite,
  gemini: geminiSuite,
};

/** The protocols that have a conformance suite, in registry order (`--protocol` choices). */
export const SUITE_PROTOCOLS: readonly ProtocolId[] = Object.values(SUITES).map((suite) => suite.protocol);

/** The suite of a protocol (throws for a protocol without one: callers pick from {@link SUITE_PROTOCOLS}). */
export function suiteFor(protocol: ProtocolId): ProtocolSuite {
  const suite = SUITES[protocol];
  if (!suite) throw new Error(`[llm-conformance] no conformance suite for protocol "${protocol}" yet`);
  return suite;
}

export {
  defineCheck,
  checksByArea,
  CheckFailure,
  CheckSkip,
  CheckBlocked,
  type Check,
  type CheckContext,
  type CheckLevel,
  type CheckStatus,
  type SkipKind,
  type FailureDetails,
} from './harness/check.ts';
export { defineExchange, type SharedExchange, type ExchangeContext } from './harness/exchange.ts';
export { requireCapability, requireObserved } from './harness/verdict.ts';
export { runChecks, type CheckResult, type RunOptions } from './harness/runner.ts';
export { runSuite, type SuiteRun } from './harness/run-suite.ts';
export { checkReachable, type PreflightOutcome, type PreflightProblem } from './harness/preflight.ts';
export { resolveTarget, type Target, type ResolvedTarget } from './harness/target.ts';
export type { ExchangeRecord } from './harness/recorder.ts';
export type { Evidence, ExchangeEvidence } from './harness/evidence.ts';
export type { HintRule, HintInput } from './harness/hints.ts';
export { defineMutant, type Mutant } from './harness/mutant.ts';
export { defineVariation, varyHandler, type Variation } from './harness/variation.ts';
export { GENERIC_VARIATIONS } from './harness/variations.ts';
export type { ProtocolSuite, ClientLimit } from './harness/suite.ts';
export { matchesFilter } from './harness/filter.ts';
export { KNOWN_CLIENTS, CLIENT_IDS, type ClientId } from './harness/clients.ts';
