import type { Check } from '../../suites/harness/check.ts';
import type { ClientId } from '../../suites/harness/clients.ts';
import type { PreflightProblem } from '../../suites/harness/preflight.ts';
import type { CheckResult } from '../../suites/harness/runner.ts';
import { TOOL } from '../../mock-server/core/version.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { type RunEnvironment, runEnvironment } from './environment.ts';
import { type ClientReadiness, clientReadiness } from './readiness.ts';

/** What the preflight of one protocol found (`preflight[]` in the report). */
export interface PreflightEntry {
  readonly protocol: string;
  readonly ok: boolean;
  /** Why the protocol's checks did not run. */
  readonly problem?: PreflightProblem;
  readonly message?: string;
  /** What the run adapted to (e.g. the one auth scheme the target accepts). */
  readonly notes?: readonly string[];
}

/**
 * The run's overall outcome, as the exit code says it: `conformant` (0), `not-conformant` (1,
 * a must check failed), `not-judged` (1: unreachable or rate-limited), `misconfigured` (2: key
 * rejected, model unknown), `internal-error` (3).
 */
export type RunVerdict = 'conformant' | 'not-conformant' | 'not-judged' | 'misconfigured' | 'internal-error';

/** A check's entry in the report: its result, and the clients and tags of the check. */
export interface ReportCheck extends CheckResult {
  /** The real clients that break when this check fails (`[]` when none is known to). */
  readonly clients: readonly ClientId[];
  readonly tags: readonly string[];
}

/**
 * The JSON report (a contract: users and CI parse it; `report.schema.json` describes it).
 * Fields beyond the contract are additive: `description`, `spec`, `skipKind`, `blockedBy`,
 * `evidence`, `internalError`, `clients`, `tags` per check; `blocked`, `rateLimited`,
 * `internalErrors`, `total`, `mustFailed` in the summary; `target.embedded`, `target.model`,
 * `target.models`, `target.headers`; `finishedAt`, `environment` (SDK and Node versions),
 * `preflight`, `readiness`, `verdict`, `exitCode`. `target.model` is the `--model` option (null
 * when defaulted); `target.models` the model each protocol actually used.
 */
export interface JsonReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: {
    readonly baseUrl: string;
    readonly protocols: readonly string[];
    readonly embedded: boolean;
    readonly model: string | null;
    readonly models: Readonly<Record<string, string>>;
    /** The `--header`s sent on every request; secret-looking ones as `[redacted]`. */
    readonly headers: Readonly<Record<string, string>>;
  };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly environment: RunEnvironment;
  readonly preflight: readonly PreflightEntry[];
  readonly checks: readonly ReportCheck[];
  readonly summary: {
    readonly passed: number;
    readonly failed: number;
    /** Every check with status `skip`, blocked ones included (passed + failed + skipped = total). */
    readonly skipped: number;
    /** Of the skipped: blocked by a failed root check. */
    readonly blocked: number;
    /** Of the skipped: not judged because the target kept answering 429/529. */
    readonly rateLimited: number;
    /** Of the skipped: hit a bug of llm-conformance. */
    readonly internalErrors: number;
    readonly total: number;
    readonly mustFailed: number;
  };
  /** One line per known client that speaks a protocol of the run. */
  readonly readiness: readonly ClientReadiness[];
  readonly verdict: RunVerdict;
  readonly exitCode: ExitCode;
}

export interface ReportInput {
  readonly baseUrl: string;
  readonly protocols: readonly string[];
  readonly embedded: boolean;
  readonly model: string | undefined;
  readonly models?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly preflight: readonly PreflightEntry[];
  readonly results: readonly CheckResult[];
  /** The checks that ran (their `clients` and `tags` go into the report). */
  readonly checks?: readonly Check[];
  /** Default: this process's ({@link runEnvironment}). */
  readonly environment?: RunEnvironment;
}

/** Builds the report from a run's results, with the verdict and exit code they imply. */
export function buildReport(input: ReportInput): JsonReport {
  const count = (predicate: (r: CheckResult) => boolean) => input.results.filter(predicate).length;
  const summary = {
    passed: count((r) => r.status === 'pass'),
    failed: count((r) => r.status === 'fail'),
    skipped: count((r) => r.status === 'skip'),
    blocked: count((r) => r.skipKind === 'blocked'),
    rateLimited: count((r) => r.skipKind === 'rate-limited'),
    internalErrors: count((r) => r.skipKind === 'internal-error'),
    total: input.results.length,
    mustFailed: count((r) => r.status === 'fail' && r.level === 'must'),
  };
  const verdict = verdictOf(summary, input.preflight);
  const byId = new Map(input.checks?.map((c) => [c.id, c]));
  const checks = input.results.map((r): ReportCheck => ({ ...r, clients: byId.get(r.id)?.clients ?? [], tags: byId.get(r.id)?.tags ?? [] }));
  const durationMs = Math.round(input.durationMs);
  return {
    tool: { name: TOOL.name, version: TOOL.version },
    target: {
      baseUrl: input.baseUrl,
      protocols: input.protocols,
      embedded: input.embedded,
      model: input.model ?? null,
      models: input.models ?? {},
      headers: input.headers ?? {},
    },
    startedAt: input.startedAt.toISOString(),
    finishedAt: new Date(input.startedAt.getTime() + durationMs).toISOString(),
    durationMs,
    environment: input.environment ?? runEnvironment(),
    preflight: input.preflight,
    checks,
    summary,
    readiness: clientReadiness(checks, input.protocols),
    verdict,
    exitCode: EXIT_FOR[verdict],
  };
}

const EXIT_FOR: Readonly<Record<RunVerdict, ExitCode>> = {
  conformant: EXIT.ok,
  'not-conformant': EXIT.failed,
  'not-judged': EXIT.failed,
  misconfigured: EXIT.usage,
  'internal-error': EXIT.internal,
};

/** Precedence: a bug of ours, then bad configuration, then must failures, then a target that could not be judged. */
function verdictOf(summary: JsonReport['summary'], preflight: readonly PreflightEntry[]): RunVerdict {
  if (summary.internalErrors > 0) return 'internal-error';
  if (preflight.some((p) => p.problem === 'auth' || p.problem === 'model')) return 'misconfigured';
  if (summary.mustFailed > 0) return 'not-conformant';
  if (summary.rateLimited > 0 || preflight.some((p) => !p.ok)) return 'not-judged';
  return 'conformant';
}
