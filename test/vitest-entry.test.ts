/**
 * `llm-conformance/vitest` as a gateway team uses it: vitest itself runs a project whose test file
 * calls `describeConformance()` (test/vitest-entry/), with the target taken from the environment,
 * once against the embedded mock and once against a mutant served by `llm-conformance mock
 * --mutant`. Each run is a vitest child process, bounded in time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFetch, createMockServer } from '../mock-server/index.ts';
import { runSuite } from '../suites/harness/run-suite.ts';
import type { Mutant } from '../suites/harness/mutant.ts';
import type { CheckResult } from '../suites/harness/runner.ts';
import { resolveTarget } from '../suites/harness/target.ts';
import { SUITES } from '../suites/index.ts';
import { judge } from '../suites/vitest-session.ts';
import { CLEAN_ENV, ROOT, startMock, useTempDir } from './cli-helpers.ts';
import { runCommand } from './package/consumer-project.ts';
import type { Outcome } from './vitest-entry/outcomes-reporter.ts';

const dir = useTempDir('llm-conformance-vitest-entry-');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const suites = Object.values(SUITES);

/** Runs vitest on the fixture project with `env` added; returns its exit code and every test's outcome. */
async function vitest(name: string, env: Record<string, string>): Promise<{ code: number | null; output: string; tests: Outcome[]; errors: string[] }> {
  const outcomes = join(dir(), `${name}.json`);
  const result = await runCommand(process.execPath, [VITEST, 'run', '--config', 'test/vitest-entry/vitest.config.ts'], {
    cwd: ROOT,
    env: { ...childEnv(), ...CLEAN_ENV, NO_COLOR: '1', OUTCOMES_FILE: outcomes, ...env },
    timeoutMs: 120_000,
  });
  const output = result.stdout + result.stderr;
  const parsed = await readFile(outcomes, 'utf8').then((text) => JSON.parse(text) as { tests: Outcome[]; errors: string[] }, () => ({ tests: [], errors: [] }));
  return { code: result.code, output, ...parsed };
}

/** This process's environment without what vitest sets for its own workers (the child is a vitest of its own). */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(vitest|node_env$|test$)/i.test(name)));
}

const testName = (result: CheckResult) => {
  const [protocol, area, name] = result.id.split('/');
  return `${protocol} > ${area} > ${name} [${result.level}]`;
};

describe('llm-conformance/vitest', { timeout: 150_000 }, () => {
  it('against the embedded mock: one passing test per check and a preflight per protocol', async () => {
    const run = await vitest('mock', {});
    expect(run.code, run.output).toBe(0);
    expect(run.errors).toEqual([]);
    const expected = suites.flatMap((suite) => [`${suite.protocol} > preflight (reachable, key and model accepted)`, ...suite.checks.map((c) => `${c.id.split('/')[0]} > ${c.id.split('/')[1]} > ${c.id.split('/')[2]} [${c.level}]`)]);
    expect(run.tests.map((t) => t.name).sort()).toEqual(expected.sort());
    expect(run.tests.filter((t) => t.state !== 'passed')).toEqual([]);
  });

  it('against a mutant: the checks it names fail with their evidence, blocked ones are skipped with the reason, as `run` judges them', async () => {
    const { suite, mutant, results } = await mutantWithSkips();
    const mock = await startMock(['--mutant', `${suite.protocol}/${mutant.id}`]);
    let run: Awaited<ReturnType<typeof vitest>>;
    try {
      run = await vitest('mutant', { LLM_CONFORMANCE_BASE_URL: mock.url, LLM_CONFORMANCE_PROTOCOL: suite.protocol });
    } finally {
      await mock.stop();
    }
    expect(run.code, run.output).toBe(1);
    const byName = new Map(run.tests.map((t) => [t.name, t]));
    expect(byName.get(`${suite.protocol} > preflight (reachable, key and model accepted)`)?.state).toBe('passed');
    for (const result of results) {
      const outcome = byName.get(testName(result));
      const verdict = judge(result, 'must', undefined);
      expect(outcome?.state, result.id).toBe({ pass: 'passed', skip: 'skipped', fail: 'failed' }[verdict.kind]);
      if (verdict.kind === 'skip') expect(outcome?.note).toBe(verdict.note);
      if (verdict.kind === 'fail') {
        expect(outcome?.error).toContain(result.message);
        expect(outcome?.error).toContain(`spec: ${result.spec}`);
      }
    }
    for (const id of mutant.breaks) expect(byName.get(testName(results.find((r) => r.id === id)!))?.state, id).not.toBe('passed');
  });

  it('a bad option fails the file with the message (and never shows a key)', async () => {
    const run = await vitest('usage', { LLM_CONFORMANCE_FAIL_ON: 'sometimes', ANTHROPIC_API_KEY: 'sk-ant-canary-Zq81Xw' });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('llm-conformance/vitest: $LLM_CONFORMANCE_FAIL_ON must be must or should, got "sometimes"');
    expect(run.output).not.toContain('sk-ant-canary-Zq81Xw');
  });
});

/**
 * A mutant of the first registered suite that fails a must check and blocks others, so the run
 * shows all three outcomes; its expected results come from the same run in-process.
 */
async function mutantWithSkips() {
  const suite = suites[0]!;
  // Breaking the owner of a shared exchange usually blocks the exchange's other users: try the
  // narrowest of those first.
  const owners = new Set((suite.exchanges ?? []).map((e) => e.owner));
  const rank = (m: Mutant) => (m.breaks.some((id) => owners.has(id)) ? 0 : 100) + m.breaks.length;
  const candidates = [...suite.mutants].sort((a, b) => rank(a) - rank(b));
  for (const mutant of candidates.slice(0, 20)) {
    const target = resolveTarget({ baseUrl: 'http://mutant.invalid', fetch: createFetch(mutant.wrap(createMockServer())), timeoutMs: 10_000 }, suite.defaultModel);
    const { results } = await runSuite(suite, suite.checks, target, { concurrency: 4 });
    if (results.some((r) => r.status === 'fail' && r.level === 'must') && results.some((r) => r.skipKind === 'blocked')) return { suite, mutant, results };
  }
  throw new Error(`none of the first 20 mutants of ${suite.protocol} blocks a check: pick another way to show skips`);
}
