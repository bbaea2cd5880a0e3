import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_IDS } from '../suites/harness/clients.ts';
import { runCli, startMock, useTempDir, validateReport } from './cli-helpers.ts';
import { xmlProblem } from './xml-well-formed.ts';

const tempDir = useTempDir('llm-conformance-reports-');

describe('run: report files', () => {
  it('--report-dir writes JSON, JUnit, Markdown and HTML, each stating the run, and prints where', async () => {
    const dir = join(tempDir(), 'all');
    const result = await runCli(['run', '--report-dir', dir]);
    expect(result.code).toBe(0);
    const read = (name: string) => readFile(join(dir, name), 'utf8');
    for (const [title, name] of [['JSON', 'conformance.json'], ['JUnit', 'conformance.junit.xml'], ['Markdown', 'conformance.md'], ['HTML', 'conformance.html']] as const) {
      expect(result.stdout).toContain(`${title} report: ${join(dir, name)}\n`);
    }
    const report = JSON.parse(await read('conformance.json'));
    expect(validateReport(report)).toEqual([]);
    const pkg = (name: string) => readFile(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8').then((t) => JSON.parse(t).version);
    expect(report.environment.sdks).toEqual({ openai: await pkg('openai'), '@anthropic-ai/sdk': await pkg('@anthropic-ai/sdk'), '@google/genai': await pkg('@google/genai') });
    expect(Date.parse(report.finishedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
    expect(report.checks.every((c: { clients: unknown; tags: unknown }) => Array.isArray(c.clients) && Array.isArray(c.tags))).toBe(true);
    // Every protocol ran, so every known client gets a readiness line, in registry order.
    expect(report.readiness.map((r: { client: string }) => r.client)).toEqual(CLIENT_IDS);
    expect(result.stdout).toMatch(/Client readiness:\n {2}. OpenAI SDKs/);

    const junit = await read('conformance.junit.xml');
    expect(xmlProblem(junit)).toBeUndefined();
    expect(junit.match(/<testcase /g)).toHaveLength(report.summary.total);
    const md = await read('conformance.md');
    expect(md).toMatch(/^## ✅ llm-conformance: CONFORMANT\n/);
    expect(md).toContain(`| sdks | \`openai ${report.environment.sdks.openai}`);
    const html = await read('conformance.html');
    expect(html).toContain('<p class="verdict v-conformant" id="verdict">CONFORMANT</p>');
  });

  it("--report-md - writes only the Markdown to stdout (for $GITHUB_STEP_SUMMARY); the console goes to stderr", async () => {
    const result = await runCli(['run', '--filter', 'basic', '--report-md', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^## ✅ llm-conformance: CONFORMANT\n/);
    expect(result.stdout).not.toContain('✓ sdk-create');
    expect(result.stderr).toContain('✓ sdk-create');
  });

  it('two reports on stdout is a usage error (exit 2), before any request', async () => {
    const result = await runCli(['run', '--report-json', '-', '--report-html', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("only one report can go to stdout ('-'): --report-json, --report-html");
  });

  it('a release that breaks streaming: the diff of the two JSON reports names the regression (exit 1)', async () => {
    const before = join(tempDir(), 'before.json');
    const after = join(tempDir(), 'after.json');
    expect((await runCli(['run', '--report-json', before])).code).toBe(0);
    const broken = await startMock(['--mutant', 'anthropic-messages/sse-truncated']);
    try {
      const run = await runCli(['run', '--base-url', broken.url, '--report-json', after, '--plain']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/\[progress\] anthropic-messages: \d+\/\d+ checks done, 1 failed/);
    } finally {
      await broken.stop();
    }
    const diff = await runCli(['diff', before, after]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('Newly failing (1):\n  ✗ anthropic-messages/stream/event-order [must]  pass → fail');
    expect(diff.stdout).toContain('  ~ anthropic-messages/stream/no-done-sentinel [must]  pass → blocked by anthropic-messages/stream/event-order');
    expect(diff.stdout).toContain('REGRESSION: 1 must check fails that did not before: anthropic-messages/stream/event-order');
    const back = await runCli(['diff', after, before, '--json']);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).newlyPassing.map((c: { id: string }) => c.id)).toEqual(['anthropic-messages/stream/event-order']);
  });
});
