import { readBaseline } from '../cli/baseline.ts';
import type { Env } from '../cli/config-targets.ts';
import { UsageError } from '../cli/exit-codes.ts';
import { createRedactor, MAX_SECRET_LENGTH } from '../cli/redact.ts';
import { environmentSecrets, type GivenOptions, resolveRunSettings, selectChecks, settingsSecrets } from '../cli/run-options.ts';
import { areaOf, type Check } from './harness/check.ts';
import { optionalPeer } from '../wire/optional-peer.ts';
import { RequestBudget } from './harness/request-budget.ts';
import { conformanceError, judge, ProtocolSession, type SessionPlan } from './vitest-session.ts';

// vitest is an optional peer dependency: only this entry point (`llm-conformance/vitest`) needs it.
const { afterAll, beforeAll, describe, it } = await optionalPeer(() => import('vitest'), 'vitest', 'llm-conformance/vitest');

/**
 * Where and how to run the suite, as `llm-conformance run` takes it. Every option falls back to
 * `llm-conformance.config.json` and then to the environment, under the CLI's names
 * (`LLM_CONFORMANCE_BASE_URL`, `OPENAI_BASE_URL`/`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`,
 * `LLM_CONFORMANCE_FILTER`, …): arguments win over the file, the file over the environment.
 */
export interface ConformanceOptions extends Omit<GivenOptions, 'writeBaseline' | 'dryRun'> {
  /** The server root under which `/v1/...` lives; none anywhere: the embedded reference mock. */
  readonly baseUrl?: string | undefined;
  /** A transport instead of the network: an in-process mock (`createFetch(createMockServer())`), msw's fetch, … */
  readonly fetch?: typeof fetch | undefined;
  /** The environment to read (default `process.env`). */
  readonly env?: Env | undefined;
  /** Where `llm-conformance.config.json` and relative paths are looked up (default: the process's). */
  readonly cwd?: string | undefined;
  /** The longest a protocol's run may take, each test included (default: every check timing out in turn). */
  readonly suiteTimeoutMs?: number | undefined;
}

/**
 * Declares the conformance suite as vitest tests: one `describe` per protocol and per area, one
 * test per check, plus a `preflight` test per protocol (an unreachable target, a rejected key or
 * an unknown model fails it once, and the checks are skipped as not run). A protocol's checks run
 * once, together (they share exchanges), when its `describe` starts; each test reports its check:
 * a pass; a skip with the reason (capability absent, not observed, blocked by a failed check);
 * a failure with its message and evidence. `failOn` and `baseline` gate as they do for `run`:
 * a known deviation or a `should` failure below the gate is a skip that says so. Keys never
 * appear in a message.
 *
 * @example
 * // conformance.test.ts
 * import { describeConformance } from 'llm-conformance/vitest';
 * describeConformance({ baseUrl: process.env.GATEWAY_URL, protocol: ['anthropic-messages'], apiKey: process.env.GATEWAY_KEY });
 *
 * @see https://vitest.dev/guide/test-context#skip
 */
export function describeConformance(options: ConformanceOptions = {}): void {
  const env = options.env ?? process.env;
  const { fetch: transport, env: _env, cwd, suiteTimeoutMs, ...given } = options;
  const redact = createRedactor(environmentSecrets(env).filter((s) => s === undefined || s.length <= MAX_SECRET_LENGTH));
  let plan: SessionPlan;
  let selection: ReturnType<typeof selectChecks>;
  try {
    const settings = resolveRunSettings(given, env, cwd ?? process.cwd());
    redact.add(...settingsSecrets(settings));
    selection = selectChecks(settings).filter((s) => s.checks.length > 0);
    const baseline = settings.baseline === undefined ? undefined : readBaseline(settings.baseline);
    plan = { settings, baseline, budget: settings.maxRequests === undefined ? undefined : new RequestBudget(settings.maxRequests), fetch: transport };
  } catch (error) {
    throw error instanceof UsageError ? new Error(`llm-conformance/vitest: ${redact(error.message)}`) : error;
  }
  const { settings } = plan;
  for (const { suite, checks } of selection) {
    // A bound, not an estimate: every check of the protocol timing out in turn, plus the preflight.
    const checkTimeout = settings.checkTimeoutMs ?? settings.timeoutMs * 3;
    const timeout = suiteTimeoutMs ?? checkTimeout * Math.ceil(checks.length / settings.concurrency) + settings.timeoutMs * 4;
    describe(suite.protocol, () => {
      const session = new ProtocolSession(suite, checks, plan);
      beforeAll(() => session.start());
      afterAll(() => session.close(), settings.timeoutMs + 10_000);
      it('preflight (reachable, key and model accepted)', async () => {
        const preflight = await session.preflight();
        if (!preflight.ok) throw conformanceError(`${suite.protocol}: ${preflight.message}`, redact);
      }, timeout);
      for (const [area, inArea] of byArea(checks)) {
        describe(area, () => {
          for (const check of inArea) {
            it(`${check.id.split('/')[2]} [${check.level}]`, async (ctx) => {
              const verdict = judge(await session.result(check.id), settings.failOn, plan.baseline);
              if (verdict.kind === 'fail') throw conformanceError(verdict.message, redact);
              if (verdict.kind === 'skip') {
                if (verdict.details) await ctx.annotate(redact(verdict.details), 'warning');
                ctx.skip(redact(verdict.note));
              }
              if (verdict.kind === 'pass' && verdict.note) await ctx.annotate(redact(verdict.note), 'notice');
            }, timeout);
          }
        });
      }
    });
  }
}

function byArea(checks: readonly Check[]): Map<string, Check[]> {
  const areas = new Map<string, Check[]>();
  for (const check of checks) areas.set(areaOf(check.id), [...(areas.get(areaOf(check.id)) ?? []), check]);
  return areas;
}
