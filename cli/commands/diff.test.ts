import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempDir } from '../../test/cli-helpers.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { fixtureReport } from '../report/report-fixture.ts';
import { diffCommand } from './diff.ts';

const tempDir = useTempDir('llm-conformance-diff-');

type Entry = [id: string, level: 'must' | 'should', status: 'pass' | 'fail' | 'skip', skipKind?: string];

/** A hand-made report with only the contract fields (and readiness when given). */
function report(entries: Entry[], readiness?: { client: string; name: string; status: string }[]) {
  const checks = entries.map(([id, level, status, skipKind]) => ({
    id,
    protocol: id.split('/')[0],
    level,
    status,
    message: status === 'fail' ? `${id} broke` : '',
    durationMs: 1,
    ...(skipKind ? { skipKind, ...(skipKind === 'blocked' ? { blockedBy: 'p/a/root' } : {}) } : {}),
  }));
  const count = (s: string) => checks.filter((c) => c.status === s).length;
  return {
    tool: { name: 'llm-conformance', version: '0.1.0' },
    target: { baseUrl: 'http://gateway.example', protocols: ['p'] },
    startedAt: '2026-11-22T01:00:00.000Z',
    durationMs: 10,
    checks,
    summary: { passed: count('pass'), failed: count('fail'), skipped: count('skip') },
    ...(readiness ? { readiness: readiness.map((r) => ({ protocols: ['p'], checks: 1, failed: [], unverified: [], reason: '', ...r })) } : {}),
  };
}

async function diff(oldReport: unknown, newReport: unknown, json = false) {
  const oldPath = join(tempDir(), `old-${Math.random()}.json`);
  const newPath = join(tempDir(), `new-${Math.random()}.json`);
  await writeFile(oldPath, JSON.stringify(oldReport));
  await writeFile(newPath, JSON.stringify(newReport));
  let out = '';
  const code = await diffCommand([oldPath, newPath, ...(json ? ['--json'] : [])], { stdout: (t) => void (out += t), stderr: (t) => void (out += t) });
  return { code, out };
}

const OLD = report([
  ['p/a/stays', 'must', 'pass'],
  ['p/a/breaks', 'must', 'pass'],
  ['p/a/heals', 'must', 'fail'],
  ['p/a/still', 'must', 'fail'],
  ['p/a/to-skip', 'must', 'pass'],
  ['p/a/to-blocked', 'should', 'pass'],
  ['p/a/escalated', 'should', 'fail'],
  ['p/a/gone', 'should', 'pass'],
  ['p/a/should-breaks', 'should', 'pass'],
], [{ client: 'claude-code', name: 'Claude Code', status: 'ready' }]);

const NEW = report([
  ['p/a/stays', 'must', 'pass'],
  ['p/a/breaks', 'must', 'fail'],
  ['p/a/heals', 'must', 'pass'],
  ['p/a/still', 'must', 'fail'],
  ['p/a/to-skip', 'must', 'skip', 'not-observed'],
  ['p/a/to-blocked', 'should', 'skip', 'blocked'],
  ['p/a/escalated', 'must', 'fail'],
  ['p/a/new-failing', 'must', 'fail'],
  ['p/a/should-breaks', 'should', 'fail'],
], [{ client: 'claude-code', name: 'Claude Code', status: 'not-ready' }]);

describe('llm-conformance diff', () => {
  it('sorts every change by kind, and counts only must checks that newly fail as regressions (exit 1)', async () => {
    const { code, out } = await diff(OLD, NEW, true);
    expect(code).toBe(EXIT.failed);
    const d = JSON.parse(out);
    const ids = (list: { id: string }[]) => list.map((c) => c.id);
    expect(ids(d.newlyFailing)).toEqual(['p/a/breaks', 'p/a/should-breaks']);
    expect(ids(d.newlyPassing)).toEqual(['p/a/heals']);
    expect(ids(d.statusChanged)).toEqual(['p/a/to-skip', 'p/a/to-blocked']);
    expect(d.statusChanged[0]).toMatchObject({ old: { label: 'pass' }, new: { label: 'skip (not-observed)' } });
    expect(ids(d.levelChanged)).toEqual(['p/a/escalated']);
    expect(ids(d.appeared)).toEqual(['p/a/new-failing']);
    expect(ids(d.disappeared)).toEqual(['p/a/gone']);
    expect(d.stillFailing).toEqual(['p/a/still', 'p/a/escalated']);
    // A should failure that became a must one is a regression; a check that appeared is a change of the tool.
    expect(d.regressions).toEqual(['p/a/breaks', 'p/a/escalated']);
    expect(d.readinessChanged).toEqual([{ client: 'claude-code', name: 'Claude Code', old: 'ready', new: 'not-ready' }]);
    expect(d.exitCode).toBe(1);
  });

  it('reads as a list of changes, ending with the outcome', async () => {
    const { out } = await diff(OLD, NEW);
    expect(out).toContain('  old: http://gateway.example (p) · llm-conformance 0.1.0 · 2026-11-22T01:00:00.000Z · 6 passed, 3 failed, 0 skipped');
    expect(out).toContain('Newly failing (2):\n  ✗ p/a/breaks [must]  pass → fail: p/a/breaks broke\n  ✗ p/a/should-breaks [should]  pass → fail');
    expect(out).toContain('Newly passing (1):\n  ✓ p/a/heals [must]  fail → pass');
    expect(out).toContain('  ~ p/a/to-blocked [should]  pass → blocked by p/a/root');
    expect(out).toContain('Level changed (1):\n    p/a/escalated  should → must (fail)');
    expect(out).toContain('Appeared (1):\n  + p/a/new-failing [must]  fail');
    expect(out).toContain('Disappeared (1):\n  - p/a/gone [should]  was pass');
    expect(out).toContain('Client readiness changed (1):\n  Claude Code: ready → not-ready');
    expect(out).toMatch(/REGRESSION: 2 must checks fail that did not before: p\/a\/breaks, p\/a\/escalated\n$/);
  });

  it('exit 0 when nothing regressed (a should failure, a fix, a skip are no regression)', async () => {
    const old = report([['p/a/x', 'must', 'fail'], ['p/a/y', 'should', 'pass'], ['p/a/z', 'must', 'pass']]);
    const now = report([['p/a/x', 'must', 'pass'], ['p/a/y', 'should', 'fail'], ['p/a/z', 'must', 'skip', 'capability-absent']]);
    const { code, out } = await diff(old, now);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/No regression: no must check fails that did not before\.\n$/);
  });

  it('the same report twice: no change', async () => {
    const full = fixtureReport();
    const { code, out } = await diff(full, full);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('No check changed.');
    expect(out).toContain('Still failing: 2');
  });

  it('shows text from a report with its control characters made visible', async () => {
    const hostile = report([['p/a/x', 'must', 'pass']]);
    const now = { ...hostile, checks: [{ ...hostile.checks[0]!, status: 'fail', message: '\u001b]0;pwned\u0007\u001b[2J' }], summary: { passed: 0, failed: 1, skipped: 0 } };
    const { out } = await diff(hostile, now);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\u{001b}]0;pwned\\u{0007}');
  });

  it('refuses what is not two readable reports (usage errors: exit 2)', async () => {
    const io = { stdout: () => {}, stderr: () => {} };
    const good = join(tempDir(), 'good.json');
    await writeFile(good, JSON.stringify(OLD));
    const notJson = join(tempDir(), 'report.md');
    await writeFile(notJson, '## llm-conformance\n');
    const notReport = join(tempDir(), 'other.json');
    await writeFile(notReport, JSON.stringify({ checks: [{ id: 'x' }] }));
    await expect(diffCommand([good], io)).rejects.toThrow(new UsageError('diff takes two JSON reports, OLD and NEW; got 1'));
    await expect(diffCommand([good, join(tempDir(), 'missing.json')], io)).rejects.toThrow(/cannot read ".*missing\.json": ENOENT/);
    await expect(diffCommand([notJson, good], io)).rejects.toThrow(/report\.md" is not JSON/);
    await expect(diffCommand([good, notReport], io)).rejects.toThrow(/other\.json" is not a report of llm-conformance run: /);
  });

  it('through the CLI: exit 1 on a regression, 2 on an unreadable report', async () => {
    const oldPath = join(tempDir(), 'cli-old.json');
    const newPath = join(tempDir(), 'cli-new.json');
    await writeFile(oldPath, JSON.stringify(OLD));
    await writeFile(newPath, JSON.stringify(NEW));
    expect((await runCli(['diff', oldPath, newPath])).code).toBe(1);
    expect((await runCli(['diff', newPath, newPath])).code).toBe(0);
    const bad = await runCli(['diff', oldPath, join(tempDir(), 'nope.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("run 'llm-conformance diff --help' for options");
  });
});
