import { CLIENT_IDS, type ClientId, KNOWN_CLIENTS } from '../../suites/harness/clients.ts';
import type { CheckLevel, CheckStatus, SkipKind } from '../../suites/harness/check.ts';
import { plural } from './text.ts';

/**
 * Whether a client will work against the target:
 * - `not-ready`: a `must` check that names the client failed, or was blocked by a failure (the
 *   shared exchange it needs failed: a stream cut short breaks the client whichever check owns
 *   that stream; the failed root is named as what decides it);
 * - `ready-with-limitations`: only `should` checks that name it failed (or were blocked by a
 *   failure), or checks that name it could not be verified (capability absent, not observed);
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
  /**
   * What decides `not-ready` / `ready-with-limitations`, `must` first: the failed checks that name
   * it, and the failed checks that blocked checks naming it.
   */
  readonly failed: readonly string[];
  /** Checks that name it and were skipped or not judged, not because of a failure (not verified). */
  readonly unverified: readonly string[];
  /** Checks that name it and were blocked by a failure (their root is in `failed`). */
  readonly blocked: readonly string[];
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
  const failedIds = new Set(checks.filter((c) => c.status === 'fail').map((c) => c.id));
  return CLIENT_IDS.flatMap((client) => {
    const covered = (KNOWN_CLIENTS[client].protocols as readonly string[]).filter((p) => protocols.includes(p));
    if (covered.length === 0) return [];
    const named = checks.filter((c) => c.clients?.includes(client) && covered.includes(c.protocol));
    return [{ client, name: KNOWN_CLIENTS[client].name, protocols: covered, ...judge(named, failedIds) }];
  });
}

type Judgement = Pick<ClientReadiness, 'status' | 'checks' | 'failed' | 'unverified' | 'blocked' | 'reason'>;

function judge(named: readonly ReadinessInput[], failedIds: ReadonlySet<string>): Judgement {
  // What decides, per level of the client's check: the check itself when it failed, its failed root when blocked.
  const decisive = { must: new Set<string>(), should: new Set<string>() };
  const blocked: string[] = [];
  const roots = new Set<string>();
  for (const c of named) {
    const root = c.skipKind === 'blocked' && c.blockedBy !== undefined && failedIds.has(c.blockedBy) ? c.blockedBy : undefined;
    if (root) {
      blocked.push(c.id);
      roots.add(root);
    }
    if (c.status === 'fail' || root) decisive[c.level].add(root ?? c.id);
  }
  const must = [...decisive.must];
  const should = [...decisive.should].filter((id) => !decisive.must.has(id));
  const judged = named.filter((c) => !UNJUDGED.has(c.skipKind));
  // Once some were judged, a check that was not (skipped, or not judged) is a limitation.
  const unverified = named.filter((c) => c.status === 'skip' && !blocked.includes(c.id)).map((c) => c.id);
  const base = { checks: named.length, failed: [...must, ...should], unverified, blocked };
  if (named.length === 0) return { ...base, status: 'not-assessed', reason: 'no check of this run names it' };
  if (judged.length === 0) return { ...base, status: 'not-assessed', reason: `none of its ${plural(named.length, 'check')} was judged (${named[0]!.skipKind ?? 'skipped'})` };
  const parts = [
    ...(must.length > 0 ? [failedText(must, 'must')] : []),
    ...(should.length > 0 ? [failedText(should, 'should')] : []),
    ...(blocked.length > 0 ? [`${plural(blocked.length, 'check')} that name it blocked by ${roots.size === 1 ? 'that failure' : 'those failures'}`] : []),
    ...(unverified.length > 0 ? [`${plural(unverified.length, 'check')} not verified (skipped): ${idList(unverified)}`] : []),
  ];
  if (must.length > 0) return { ...base, status: 'not-ready', reason: parts.join('; ') };
  if (parts.length > 0) return { ...base, status: 'ready-with-limitations', reason: parts.join('; ') };
  return { ...base, status: 'ready', reason: `all ${plural(judged.length, 'check')} that name it passed` };
}

/** `1 must check failed: …`; for a root, the level is that of the client's check it blocked. */
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
