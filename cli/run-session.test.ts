import { describe, expect, it } from 'vitest';
import { defineCheck } from '../suites/harness/check.ts';
import { rawExchange } from '../suites/harness/http.ts';
import type { ProtocolSuite } from '../suites/harness/suite.ts';
import type { RunArgs } from './commands/run.ts';
import { EXIT } from './exit-codes.ts';
import { createRedactor } from './redact.ts';
import { buildReport } from './report/json-report.ts';
import { runSession } from './run-session.ts';

const args: RunArgs = {
  protocols: ['anthropic-messages'],
  targets: {},
  model: undefined,
  headers: {},
  filter: undefined,
  reports: { plain: true },
  failOn: 'must',
  baseline: undefined,
  writeBaseline: undefined,
  maxRequests: undefined,
  checkTimeoutMs: undefined,
  dryRun: false,
  configFile: undefined,
  trace: undefined,
  timeoutMs: 5_000,
  concurrency: 2,
  list: false,
};

function io() {
  let out = '';
  const redactor = createRedactor();
  return { io: { stdout: (t: string) => void (out += redactor(t)), stderr: (t: string) => void (out += redactor(t)), env: {}, color: false, redactor }, out: () => out };
}

describe('runSession', () => {
  it('exits 3 when a check hits a bug of ours, and says it is not a verdict', async () => {
    const buggy = defineCheck({
      id: 'anthropic-messages/test/buggy',
      protocol: 'anthropic-messages',
      level: 'must',
      description: 'a check with a bug',
      spec: 'https://example.com',
      async run(ctx) {
        const exchange = await rawExchange(ctx.target, { path: '/v1/models' });
        (exchange.json as { nothing: { here: number } }).nothing.here = 1;
      },
    });
    const suite: ProtocolSuite = { protocol: 'anthropic-messages', defaultModel: 'claude-sonnet-4-6', checks: [buggy], mutants: [] };
    const { io: sessionIo, out } = io();
    expect(await runSession(args, [], [{ suite, checks: [buggy] }], sessionIo)).toBe(EXIT.internal);
    expect(out()).toContain('Internal errors (1): a bug of llm-conformance, not a verdict on the target');
    expect(out()).toContain('INTERNAL ERROR');
  });
});

describe('buildReport: verdict and exit code', () => {
  const base = { baseUrl: 'http://t', protocols: ['anthropic-messages'], embedded: false, model: undefined, startedAt: new Date(0), durationMs: 1 };
  const result = (status: 'pass' | 'fail' | 'skip', extra: object = {}) => ({ id: 'anthropic-messages/a/b', protocol: 'anthropic-messages', level: 'must' as const, status, message: '', durationMs: 0, description: '', spec: '', ...extra });
  it.each([
    [[result('pass')], [], 'conformant', 0],
    [[result('fail')], [], 'not-conformant', 1],
    [[result('skip', { skipKind: 'rate-limited' })], [], 'not-judged', 1],
    [[result('skip', { skipKind: 'not-run' })], [{ protocol: 'anthropic-messages', ok: false, problem: 'unreachable' as const }], 'not-judged', 1],
    [[result('fail')], [{ protocol: 'anthropic-messages', ok: false, problem: 'auth' as const }], 'misconfigured', 2],
    [[result('fail'), result('skip', { skipKind: 'internal-error' })], [], 'internal-error', 3],
  ])('%j with preflight %j → %s (exit %i)', (results, preflight, verdict, exitCode) => {
    const report = buildReport({ ...base, results, preflight });
    expect([report.verdict, report.exitCode]).toEqual([verdict, exitCode]);
  });

  it('counts blocked, rate-limited and internal errors apart, inside skipped', () => {
    const report = buildReport({ ...base, preflight: [], results: [result('pass'), result('fail'), result('skip', { skipKind: 'blocked', blockedBy: 'x' }), result('skip', { skipKind: 'not-observed' })] });
    expect(report.summary).toEqual({ passed: 1, failed: 1, skipped: 2, blocked: 1, rateLimited: 0, internalErrors: 0, total: 4, mustFailed: 1 });
  });
});
