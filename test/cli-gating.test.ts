import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../cli/commands/run.ts';
import { dryRun } from '../cli/dry-run.ts';
import { createFetch, createMockServer } from '../mock-server/index.ts';
import type { Mutant } from '../suites/harness/mutant.ts';
import type { ProtocolSuite } from '../suites/harness/suite.ts';
import { SUITES } from '../suites/index.ts';
import { useTempDir, validateReport } from './cli-helpers.ts';

const dir = useTempDir('llm-conformance-gating-');
const suite = Object.values(SUITES)[0]!;
const levels = new Map(suite.checks.map((c) => [c.id, c.level]));
const namesMust = (m: Mutant) => m.breaks.some((id) => levels.get(id) === 'must');
/** A mutant that breaks only `should` checks, and two that break `must` checks (different ones). */
const shouldOnly = suite.mutants.find((m) => !namesMust(m))!;
const [mustA, mustB] = suite.mutants.filter((m) => namesMust(m) && m.breaks.length <= 2) as [Mutant, Mutant];

interface Run {
  readonly code: number;
  readonly out: string;
  /** Requests that reached the target. */
  readonly sent: number;
}

/** `llm-conformance run` in-process against the mock (or a mutant of it), counting what reaches it. */
async function run(args: readonly string[], options: { mutant?: Mutant; fetch?: typeof fetch; env?: Record<string, string> } = {}): Promise<Run> {
  const mock = createMockServer();
  const inner = options.fetch ?? createFetch(options.mutant ? options.mutant.wrap(mock) : mock);
  let sent = 0;
  let out = '';
  const write = (text: string) => void (out += text);
  const fetch: typeof globalThis.fetch = (input, init) => {
    sent++;
    return inner(input, init);
  };
  const code = await runCommand(['--base-url', 'http://target.invalid', '--protocol', suite.protocol, ...args], { stdout: write, stderr: write, env: options.env ?? {}, color: false, fetch, cwd: dir() });
  return { code, out, sent };
}

async function report(path: string): Promise<{ exitCode: number; verdict: string; gate: Record<string, unknown>; checks: { id: string; status: string; skipKind?: string }[] }> {
  const parsed = JSON.parse(await readFile(path, 'utf8'));
  expect(validateReport(parsed)).toEqual([]);
  return parsed;
}

describe('--fail-on', () => {
  it(`must (default) passes a run whose only failures are should checks; should fails it (${suite.protocol}: ${shouldOnly.id})`, async () => {
    const file = join(dir(), 'fail-on.json');
    const lenient = await run(['--report-json', file], { mutant: shouldOnly });
    expect(lenient.code, lenient.out).toBe(0);
    const strict = await run(['--fail-on', 'should', '--report-json', file], { mutant: shouldOnly });
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('Gate: fail on should → exit 1');
    const gated = await report(file);
    expect(gated.exitCode).toBe(1);
    expect(gated.gate).toMatchObject({ failOn: 'should', baseline: null });
    expect(gated.gate.regressions).toEqual(expect.arrayContaining([...shouldOnly.breaks]));
  });
});

describe('--baseline and --write-baseline', () => {
  it('accept the known deviations, fail on new ones, and report the entries that now pass', async () => {
    const baseline = join(dir(), 'baseline.json');
    expect((await run([], { mutant: mustA })).code).toBe(1);

    // Writing a baseline accepts the run's failures.
    const written = await run(['--write-baseline', baseline], { mutant: mustA });
    expect(written.code, written.out).toBe(0);
    expect(written.out).toContain(`Baseline written to ${baseline}`);
    const file = JSON.parse(await readFile(baseline, 'utf8'));
    expect(file.version).toBe(1);
    expect(file.deviations.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([...mustA.breaks]));
    for (const entry of file.deviations) expect(entry.reason.length).toBeGreaterThan(0);

    // People edit reasons; a rewrite keeps them.
    file.deviations[0].reason = 'GW-123: the gateway re-serialises replies';
    await writeFile(baseline, JSON.stringify(file));
    const again = await run(['--baseline', baseline, '--write-baseline', baseline], { mutant: mustA });
    expect(again.code).toBe(0);
    expect(JSON.parse(await readFile(baseline, 'utf8')).deviations[0].reason).toBe('GW-123: the gateway re-serialises replies');

    const known = await run(['--baseline', baseline], { mutant: mustA });
    expect(known.code, known.out).toBe(0);
    expect(known.out).toContain('known deviation(s) still fail (baseline, not gating)');
    expect(known.out).toContain('GW-123: the gateway re-serialises replies');

    // The deviation is fixed: the run passes and says which entries are stale.
    const fixed = await run(['--baseline', baseline]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toMatch(/now pass(es)? \(stale: remove from baseline\.json\)/);
    for (const id of mustA.breaks) expect(fixed.out).toContain(`    ${id}`);

    // Another deviation is a regression.
    const regressionReport = join(dir(), 'regression.json');
    const regression = await run(['--baseline', baseline, '--report-json', regressionReport], { mutant: mustB });
    expect(regression.code).toBe(1);
    expect(regression.out).toContain('not in the baseline (regressions)');
    const gated = await report(regressionReport);
    expect(gated.gate.regressions).toEqual(expect.arrayContaining(mustB.breaks.filter((id) => levels.get(id) === 'must')));
    expect(gated.verdict).toBe('not-conformant');
  });

  it('takes an earlier JSON report as the baseline', async () => {
    const earlier = join(dir(), 'earlier.json');
    expect((await run(['--report-json', earlier], { mutant: mustA })).code).toBe(1);
    const result = await run(['--baseline', earlier], { mutant: mustA });
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain(`failed in earlier.json: `);
  });

  it.each([
    ['{"deviations": [{"id": "a/b/c"}]}', 'deviations.0.reason'],
    ['{"version": 1, "deviations": [{"id": "not an id", "reason": "r"}]}', 'deviations.0.id'],
    ['{"version": 1, "deviations": [{"id": "a/b/c", "reason": "r"}, {"id": "a/b/c", "reason": "s"}]}', 'a/b/c is listed twice'],
    ['[1', 'is not valid JSON'],
  ])('refuses a malformed baseline before the run: %s', async (text, message) => {
    const path = join(dir(), 'bad-baseline.json');
    await writeFile(path, text);
    const result = await run(['--baseline', path]).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(result?.message).toContain(message);
  });

  it('names baseline ids no check has (renamed or removed)', async () => {
    const path = join(dir(), 'unknown-ids.json');
    await writeFile(path, JSON.stringify({ version: 1, deviations: [{ id: `${suite.protocol}/gone/old-check`, reason: 'renamed since' }] }));
    const result = await run(['--baseline', path]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`name no check of this version (renamed or removed):\n    ${suite.protocol}/gone/old-check`);
  });
});

describe('--max-requests', () => {
  it('stops sending after N requests; the checks that needed more are not run, the others judged', async () => {
    const file = join(dir(), 'budget.json');
    const result = await run(['--max-requests', '12', '--concurrency', '1', '--report-json', file]);
    expect(result.sent).toBe(12);
    expect(result.out).toContain('Request budget: 12 of --max-requests 12 sent');
    const { checks } = await report(file);
    const notRun = checks.filter((c) => c.skipKind === 'not-run');
    expect(notRun.length).toBeGreaterThan(0);
    expect(checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(0);
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('a protocol whose preflight could not be sent is not judged (exit 1)', async () => {
    const result = await run(['--max-requests', '0']);
    expect(result.sent).toBe(0);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${suite.protocol}: the run's request budget is spent (0 requests, --max-requests)`);
  });
});

describe('--dry-run', () => {
  it('sends nothing to the target and counts exactly what a run sends', async () => {
    const untouchable: typeof fetch = () => Promise.reject(new Error('the dry run reached the target'));
    const dry = await run(['--dry-run', '--max-requests', '10'], { fetch: untouchable });
    expect(dry.code, dry.out).toBe(0);
    expect(dry.sent).toBe(0);
    const total = Number(/would send (\d+) requests/.exec(dry.out)?.[1]);
    const perCheck = [...dry.out.matchAll(/^ {2}\S+\/\S+\/\S+ \[(?:must|should)\]\s+(\d+)$/gm)].map((m) => Number(m[1]));
    const preflight = Number(/^ {2}preflight\s+(\d+)$/m.exec(dry.out)?.[1]);
    expect(perCheck).toHaveLength(suite.checks.length);
    expect(preflight + perCheck.reduce((a, b) => a + b, 0)).toBe(total);
    expect(dry.out).toMatch(/largest output budget: \w+ \d+/);
    expect(dry.out).toContain(`--max-requests 10: the run would stop sending after 10 of these ${total} requests`);
    // The real run, concurrent, sends the same number of requests.
    const real = await run(['--concurrency', '4']);
    expect(real.code).toBe(0);
    expect(real.sent).toBe(total);
  });

  it('counts only the selected checks', async () => {
    const area = suite.checks[0]!.id.split('/')[1]!;
    const dry = await run(['--dry-run', '--filter', area]);
    const listed = [...dry.out.matchAll(/^ {2}(\S+\/\S+\/\S+) \[/gm)].map((m) => m[1]);
    expect(listed).toEqual(suite.checks.filter((c) => c.id.split('/')[1] === area).map((c) => c.id));
  });
});

describe('--check-timeout', () => {
  it('fails a check that outlives it, whatever the request timeout', async () => {
    const target = await stallAfterPreflight(suite);
    const checkId = suite.checks[0]!.id;
    const result = await run(['--check-timeout', '300', '--timeout', '600000', '--filter', checkId], { fetch: target });
    expect(result.code).toBe(1);
    expect(result.out).toContain('timed out after 300 ms');
  });
});

/** The mock for the preflight's requests (as many as the dry run counts), then requests that never answer (until cancelled). */
async function stallAfterPreflight(protocolSuite: ProtocolSuite): Promise<typeof fetch> {
  const { preflight } = await dryRun(protocolSuite, [], 10_000);
  const mock = createFetch(createMockServer());
  let sent = 0;
  return (input, init) => {
    if (sent++ < preflight) return mock(input, init);
    return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
  };
}

describe('keys from every source', () => {
  const KEY = 'sk-cfg-Hq7Vn2Lw9Xt4Bz6Rm1';
  const CONTROL = 'ctl-Pj3Ws8Kd5Ny2Tg7';

  it('a key the target needs and nobody gave: the message names every way to give one (exit 2)', async () => {
    const guarded = createFetch(createMockServer({ apiKeys: [KEY] }));
    const missing = await run([], { fetch: guarded });
    expect(missing.code).toBe(2);
    expect(missing.out).toContain(`no API key was given for ${suite.protocol}: give --api-key, or "apiKeyEnv"`);
    expect(missing.out).toContain('$LLM_CONFORMANCE_API_KEY');
    // The same run with the key where the message said: the config file names its variable.
    await writeFile(join(dir(), 'llm-conformance.config.json'), JSON.stringify({ apiKeyEnv: 'GATEWAY_KEY' }));
    try {
      const given = await run(['--filter', suite.checks[0]!.id], { fetch: guarded, env: { GATEWAY_KEY: KEY } });
      expect(given.code, given.out).toBe(0);
      expect(given.out).toContain(`key from $GATEWAY_KEY (llm-conformance.config.json apiKeyEnv)`);
    } finally {
      await writeFile(join(dir(), 'llm-conformance.config.json'), '{}');
    }
  });

  it('a key from the config file or the environment never reaches the output, even echoed by the target', async () => {
    const mock = createFetch(createMockServer());
    // Every error answer quotes the key it was sent, and a control text that is no secret.
    const echoing: typeof fetch = async (input, init) => {
      const response = await mock(input, init);
      if (response.status < 400) return response;
      const sent = new Headers(init?.headers).get('x-api-key') ?? new Headers(init?.headers).get('authorization') ?? '';
      return new Response(JSON.stringify({ error: `bad request from ${sent} (${CONTROL})` }), { status: response.status, headers: { 'content-type': 'application/json' } });
    };
    const file = join(dir(), 'echo.json');
    const envs: Record<string, string>[] = [{ GATEWAY_KEY: KEY }, { ANTHROPIC_API_KEY: KEY, OPENAI_API_KEY: KEY, GOOGLE_API_KEY: KEY }];
    for (const env of envs) {
      await writeFile(join(dir(), 'llm-conformance.config.json'), JSON.stringify('GATEWAY_KEY' in env ? { apiKeyEnv: 'GATEWAY_KEY' } : {}));
      const result = await run(['--report-json', file, '--write-baseline', join(dir(), 'echo-baseline.json')], { fetch: echoing, env });
      const written = (await readFile(file, 'utf8')) + (await readFile(join(dir(), 'echo-baseline.json'), 'utf8'));
      expect(result.out + written).toContain(CONTROL);
      expect(result.out + written).not.toContain(KEY);
      expect(result.out + written).not.toContain(KEY.slice(4, 14));
    }
    await writeFile(join(dir(), 'llm-conformance.config.json'), '{}');
  });
});
