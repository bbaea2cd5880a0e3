import type { ProtocolId } from '../../specs/types.ts';
import type { Check } from './check.ts';
import type { ClientId } from './clients.ts';
import type { SharedExchange } from './exchange.ts';
import type { HintRule } from './hints.ts';
import type { Mutant } from './mutant.ts';
import type { PreflightOutcome } from './preflight.ts';
import type { ResolvedTarget } from './target.ts';
import type { Variation } from './variation.ts';

/**
 * One protocol's conformance suite, registered in `suites/index.ts`. The self-run, the mutant
 * guard and the variant-server test iterate over every registered suite, so a protocol adds data
 * here, not test scaffolding. See `suites/README.md` for how to write one.
 */
export interface ProtocolSuite {
  readonly protocol: ProtocolId;
  /** A model every real endpoint of the protocol serves (overridden by `--model`). */
  readonly defaultModel: string;
  /** Every check, in report order (`checksByArea` keeps areas and files aligned). */
  readonly checks: readonly Check[];
  /** Deliberately broken mocks; together they fail every check (the mutant guard). */
  readonly mutants: readonly Mutant[];
  /** The suite's shared exchanges (a test checks ids are unique and owners are checks of the suite). */
  readonly exchanges?: readonly SharedExchange<unknown>[];
  /**
   * Runs before the checks, once per run, after the generic reachability probe: finds a rejected
   * key (under every auth scheme the protocol allows) or an unknown model and says so in one
   * message. It may return a target with `authScheme` set to the scheme the target accepts.
   */
  preflight?(target: ResolvedTarget): Promise<PreflightOutcome>;
  /** The protocol's usual mix-ups, recognised in failures (after the generic ones). */
  readonly hints?: readonly HintRule[];
  /** Spec-valid variations of this protocol's replies, beyond the generic ones. */
  readonly variations?: readonly Variation[];
  /** JSON keys whose values are caller data (tool inputs): generic JSON variations leave them alone. */
  readonly opaqueKeys?: readonly string[];
  /**
   * Spec-valid generic variations that the protocol's official client cannot read (the client's
   * deviation, not the target's), with the checks that go through that client: the variant-server
   * test lets exactly those checks fail under exactly those variations; every other check must
   * still pass.
   */
  readonly clientLimits?: readonly ClientLimit[];
}

/** A generic variation a real client cannot read, and the checks that go through that client. */
export interface ClientLimit {
  readonly client: ClientId;
  /** Ids of variations (generic or the suite's) the client cannot read. */
  readonly variations: readonly string[];
  /** The checks that read the reply through that client. */
  readonly checks: readonly string[];
  /** Where the client's behaviour shows (its source, an issue). */
  readonly evidence: string;
}
