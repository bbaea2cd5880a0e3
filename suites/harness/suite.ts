import type { ProtocolId } from '../../specs/types.ts';
import type { Check } from './check.ts';
import type { Mutant } from './mutant.ts';

/**
 * One protocol's conformance suite: its checks, the model it uses when the user names none, and
 * the mutants that prove each check can fail.
 */
export interface ProtocolSuite {
  readonly protocol: ProtocolId;
  /** A model every real endpoint of the protocol serves (overridden by `--model`). */
  readonly defaultModel: string;
  readonly checks: readonly Check[];
  readonly mutants: readonly Mutant[];
}
