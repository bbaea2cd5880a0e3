import type { CheckResult } from '../../suites/harness/runner.ts';
import { TOOL } from '../../mock-server/core/version.ts';

/**
 * The JSON report (a contract: users and CI parse it; `report.schema.json` describes it).
 * Fields beyond the contract (`description`, `spec` per check; `mustFailed`, `total` in the
 * summary; `target.embedded`, `target.model`, `target.models`, `target.headers`) are additive.
 * `target.model` is the `--model` option (null when defaulted); `target.models` the model each
 * protocol actually used.
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
  readonly durationMs: number;
  readonly checks: readonly CheckResult[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number; readonly total: number; readonly mustFailed: number };
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
  readonly results: readonly CheckResult[];
}

/** Builds the report from a run's results. */
export function buildReport(input: ReportInput): JsonReport {
  const count = (status: CheckResult['status']) => input.results.filter((r) => r.status === status).length;
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
    durationMs: Math.round(input.durationMs),
    checks: input.results,
    summary: {
      passed: count('pass'),
      failed: count('fail'),
      skipped: count('skip'),
      total: input.results.length,
      mustFailed: input.results.filter((r) => r.status === 'fail' && r.level === 'must').length,
    },
  };
}
