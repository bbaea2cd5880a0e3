import type { ProtocolId } from '../../specs/types.ts';
import type { ClientId } from './clients.ts';
import type { ExchangeRecord } from './recorder.ts';
import type { SharedExchange } from './exchange.ts';
import type { ResolvedTarget } from './target.ts';

/**
 * How much a check's failure weighs. The rule every suite applies (README "Verdicts"):
 *
 * - `must`: the deviation breaks the official SDK or a mainstream client, loses or corrupts data
 *   (text, tool input, usage, stop reason), or contradicts the vendor's API reference on a status,
 *   a field or a shape that clients read. A failed `must` check fails the run (exit 1).
 * - `should`: the vendor does it, but clients keep working without it: strictness (rejecting what
 *   the API rejects), agreement between two exchanges, hygiene (request ids, error wording).
 *   Reported, never fails the run.
 *
 * Optional capabilities (extended thinking, images) are the target's choice: when absent, their
 * checks are skipped whatever their level; once present, their rules bind at their own level
 * (a thinking block without a signature fails a `must`).
 */
export type CheckLevel = 'must' | 'should';

export type CheckStatus = 'pass' | 'fail' | 'skip';

/**
 * Why a check was skipped (the JSON report's `skipKind`):
 * - `capability-absent`: the target does not offer what the check is about (a clean 400 to
 *   extended thinking, no thinking block produced);
 * - `not-observed`: the precondition of the check's subject did not occur ("the reply ended within
 *   the budget, so max_tokens was not exercised");
 * - `blocked`: a shared exchange the check needs failed; its owner reports the failure
 *   (`blockedBy` names it), so one bug is one failure;
 * - `rate-limited`: the target kept answering 429/529 and the run gave up on it;
 * - `internal-error`: llm-conformance itself failed (a bug of ours, never a verdict: exit 3);
 * - `not-run`: the preflight stopped the run (unreachable target, rejected key, unknown model).
 */
export type SkipKind = 'capability-absent' | 'not-observed' | 'blocked' | 'rate-limited' | 'internal-error' | 'not-run';

/**
 * One conformance check. `id` is stable forever (`<protocol>/<area>/<name>`): reports, filters
 * and CI gates key on it. The area names the file it lives in (`suites/<protocol>/checks/<area>.ts`).
 */
export interface Check {
  readonly id: string;
  readonly protocol: ProtocolId;
  readonly level: CheckLevel;
  /** One line: what a conformant target does. */
  readonly description: string;
  /** Where the rule comes from: the vendor's docs, or an issue showing the breakage in the wild. */
  readonly spec: string;
  /**
   * The real clients that break when this check fails (client readiness in reports), from the
   * breakage catalogue: e.g. the Anthropic SDK drops events without an `event:` line, Claude Code
   * needs count_tokens and thinking signatures, Codex CLI needs Responses sequence numbers. Name a
   * client only when there is evidence it breaks (an issue, its source); leave it out otherwise.
   */
  readonly clients?: readonly ClientId[];
  /**
   * Free-form labels a user filters on (`--filter tag:streaming`): what the check exercises
   * (`streaming`, `tools`, `thinking`, `errors`, `models`, …) in lower-case kebab words.
   */
  readonly tags?: readonly string[];
  run(ctx: CheckContext): Promise<void>;
}

/** What a check gets: the target, the run's shared exchanges, and ways to end early. */
export interface CheckContext {
  readonly target: ResolvedTarget;
  readonly check: Check;
  /**
   * The value of a shared exchange, made once per run and shared by every check that uses it.
   * When it failed, its owner check fails with the evidence and every other user is skipped as
   * blocked by the owner; when it was skipped (capability absent, subject not observed), every
   * user is skipped with the same reason.
   */
  use<T>(exchange: SharedExchange<T>): Promise<T>;
  /** Ends the check as skipped because its subject was not observed. */
  skip(reason: string): never;
  /** Skips the check (whatever its level) unless the capability it is about is present. */
  requireCapability(condition: unknown, reason: string): void;
}

/** What a failure carries besides its message: the values compared and hints. */
export interface FailureDetails {
  /** What a conformant target sends, rendered for people (`"end_turn"`, `400 invalid_request_error`). */
  readonly expected?: string;
  /** What this target sent, rendered the same way. */
  readonly actual?: string;
  /** Likely causes, in the reader's terms ("this is OpenAI's error envelope"). */
  readonly hints?: readonly string[];
  /** The exchange the failure is about (default: the last one the check used). */
  readonly exchange?: ExchangeRecord;
}

/** Thrown by assertions: the check failed with this message. */
export class CheckFailure extends Error {
  readonly details: FailureDetails;
  constructor(message: string, details: FailureDetails = {}) {
    super(message);
    this.name = 'CheckFailure';
    this.details = details;
  }
}

/** Thrown to end a check as skipped, with the reason and its kind. */
export class CheckSkip extends Error {
  readonly kind: SkipKind;
  constructor(reason: string, kind: SkipKind = 'not-observed') {
    super(reason);
    this.name = 'CheckSkip';
    this.kind = kind;
  }
}

/** A check skipped because the shared exchange it needs failed; `root` is the owner that reports it. */
export class CheckBlocked extends CheckSkip {
  readonly root: string;
  constructor(root: string, reason: string) {
    super(reason, 'blocked');
    this.name = 'CheckBlocked';
    this.root = root;
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

/**
 * A suite's checks from a record of areas (`{ basic: [...], stream: [...] }`), in that order.
 * Each check's id must name its area, so `stop/*` lives in `checks/stop.ts`.
 */
export function checksByArea(areas: Readonly<Record<string, readonly Check[]>>): Check[] {
  for (const [area, checks] of Object.entries(areas)) {
    for (const check of checks) {
      if (check.id.split('/')[1] !== area) {
        throw new Error(`[llm-conformance] Check "${check.id}" is listed under area "${area}": move it to checks/${check.id.split('/')[1]}.ts.`);
      }
    }
  }
  return Object.values(areas).flat();
}

/** The area of a check id (`anthropic-messages/stop/max-tokens` → `stop`). */
export function areaOf(id: string): string {
  return id.split('/')[1] ?? '';
}
