import { CLIENT_IDS, type ClientId, KNOWN_CLIENTS } from '../../suites/harness/clients.ts';
import type { CheckLevel, CheckStatus, SkipKind } from '../../suites/harness/check.ts';
import { plural } from './text.ts';

/**
 * Whether a client will work against the target:
 * - `not-ready`: a `must` check that names the client failed;
 * - `ready-with-limitations`: only `should` checks that name it failed, or checks that name it
 *   could not be verified (skipped: capability absent, not observed, blocked by another failure);
 * - `ready`: every check that names it passed;
 * - `not-assessed`: no check of the run names it, or none of them was judged (not run,
 *   rate-limited, an internal error): no claim either way.
 */
export type ReadinessStatus = 'ready' | 'ready-with-limitations' | 'not-ready' | 'not-assessed';

/** One client's line (`readiness[]` in the JSON report). */
export interface ClientReadiness {
  readonly client: ClientId;
  readonly name: string;
  /** The client's protocols that this run covered. */
  readonly protocols: readonly string[];
  readonly status: ReadinessStatus;
  /** Checks of the run that name the client. */
  readonly checks: number;
  /** Failed checks that name it, `must` ones first: what decides `not-ready` / `ready-with-limitations`. */
  readonly failed: readonly string[];
  /** Checks that name it and were skipped, blocked or not judged (not verified). */
  readonly unverified: readonly string[];
  /** The status in one sentence, naming the deciding checks. */
  readonly reason: string;
}

/** What readiness reads of a check's result. */
export interface ReadinessInput {
  readonly id: string;
  readonly protocol: string;
  readonly level: CheckLevel;
  readonly status: CheckStatus;
  readonly skipKind?: SkipKind;
  readonly blockedBy?: string;
  readonly clients?: readonly string[];
}

/** Skips that say nothing about the target: the check never got to look. */
const UNJUDGED: ReadonlySet<SkipKind | undefined> = new Set(['not-run', 'rate-limited', 'internal-error']);

/** How many deciding check ids a one-line reason names before "and N more". */
const NAMED_IN_REASON = 3;

/**
 * One line per known client that speaks at least one protocol of the run, in registry order.
 *
 * @see ../../suites/harness/clients.ts
 */
export function clientReadiness(checks: readonly ReadinessInput[], protocols: readonly string[]): ClientReadiness[] {
  return CLIENT_IDS.flatMap((client) => {
    const covered = (KNOWN_CLIENTS[client].protocols as readonly string[]).filter((p) => protocols.includes(p));
    if (covered.length === 0) return [];
    const named = checks.filter((c) => c.clients?.includes(client) && covered.includes(c.protocol));
    return [{ client, name: KNOWN_CLIENTS[client].name, protocols: covered, ...judge(named) }];
  });
}

function judge(named: readonly ReadinessInput[]): Pick<ClientReadiness, 'status' | 'checks' | 'failed' | 'unverified' | 'reason'> {
  const mustFailed = named.filter((c) => c.status === 'fail' && c.level === 'must').map((c) => c.id);
  const shouldFailed = named.filter((c) => c.status === 'fail' && c.level === 'should').map((c) => c.id);
  const judged = named.filter((c) => !UNJUDGED.has(c.skipKind));
  // Once some were judged, a check that was not (skipped, blocked, or not judged) is a limitation.
  const unverified = named.filter((c) => c.status === 'skip').map((c) => c.id);
  const base = { checks: named.length, failed: [...mustFailed, ...shouldFailed], unverified };
  if (named.length === 0) return { ...base, status: 'not-assessed', reason: 'no check of this run names it' };
  if (judged.length === 0) return { ...base, status: 'not-assessed', reason: `none of its ${plural(named.length, 'check')} was judged (${named[0]!.skipKind ?? 'skipped'})` };
  if (mustFailed.length > 0) return { ...base, status: 'not-ready', reason: `${failedText(mustFailed, 'must')}${shouldFailed.length > 0 ? `; ${failedText(shouldFailed, 'should')}` : ''}` };
  if (shouldFailed.length > 0 || unverified.length > 0) {
    const parts = [...(shouldFailed.length > 0 ? [failedText(shouldFailed, 'should')] : []), ...(unverified.length > 0 ? [`${plural(unverified.length, 'check')} not verified (skipped or blocked): ${idList(unverified)}`] : [])];
    return { ...base, status: 'ready-with-limitations', reason: parts.join('; ') };
  }
  return { ...base, status: 'ready', reason: `all ${plural(judged.length, 'check')} that name it passed` };
}

function failedText(ids: readonly string[], level: CheckLevel): string {
  return `${ids.length} ${level} ${ids.length === 1 ? 'check' : 'checks'} failed: ${idList(ids)}`;
}

function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED_IN_REASON).join(', ');
  return ids.length > NAMED_IN_REASON ? `${shown} and ${ids.length - NAMED_IN_REASON} more` : shown;
}

/** How each status reads in a report. */
export const READINESS_LABEL: Readonly<Record<ReadinessStatus, string>> = {
  ready: 'ready',
  'ready-with-limitations': 'ready with limitations',
  'not-ready': 'not ready',
  'not-assessed': 'not assessed',
};
