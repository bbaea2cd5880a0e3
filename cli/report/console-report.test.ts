import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from './console-report.ts';
import { fixtureReport, fixtureResults } from './report-fixture.ts';
import { liveProgress, useColor } from './terminal.ts';

function capture(live: boolean, color = false) {
  let out = '';
  const report = fixtureReport();
  const reporter = new ConsoleReporter({ write: (t) => void (out += t), color, live }, report.checks.map((c) => c.id));
  return { reporter, report, out: () => out };
}

/** Every escape sequence in `text` (ESC followed by what a terminal would read as its command). */
// eslint-disable-next-line no-control-regex
const escapes = (text: string) => text.match(/\u001b(\[[0-9;]*[A-Za-z]|\][^\u0007]*\u0007?|.)/g) ?? [];

describe('ConsoleReporter', () => {
  it('plain: no cursor movement; a line per quarter of a protocol; a failure held back by a slower check is announced at once', () => {
    const { reporter, report, out } = capture(false);
    const results = fixtureResults();
    // The failure (index 1) finishes before the first check: it cannot be printed in order yet.
    reporter.result(results[1]!);
    expect(out()).toContain('✗ anthropic-messages/stream/event-order [must] failed: the stream ended without message_stop');
    for (const r of [results[0]!, ...results.slice(2)]) reporter.result(r);
    reporter.summary(report);
    const text = out();
    expect(escapes(text)).toEqual([]);
    expect(text).not.toContain('\r');
    expect(text).toContain('[progress] anthropic-messages: 5/5 checks done, 2 failed');
    expect(text).toContain('[progress] openai-chat: 2/2 checks done, 0 failed');
    // In order, with evidence, after the announcement.
    expect(text.indexOf('    ✗ event-order')).toBeGreaterThan(text.indexOf('✗ anthropic-messages/stream/event-order [must] failed'));
    expect(text).toContain('        expected: message_delta, then message_stop');
  });

  it('shows target text with its control characters made visible (no terminal escapes from the target)', () => {
    const { reporter, report, out } = capture(false);
    for (const r of fixtureResults()) reporter.result(r);
    reporter.summary(report);
    expect(out()).toContain('\\u{001b}[31mRED\\u{001b}[0m\\u{001b}]0;title\\u{0007}\\u{0000}');
    // eslint-disable-next-line no-control-regex
    expect(out()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('live: a status line redrawn in place (CR + erase line), cleared before the summary', () => {
    const { reporter, report, out } = capture(true);
    for (const r of fixtureResults()) reporter.result(r);
    const beforeSummary = out();
    expect(beforeSummary).toContain('\r\u001b[2K… openai-chat 2/2 · protocols 2/2 · 2 failed (last: anthropic-messages/errors/request-id)');
    expect(new Set(escapes(beforeSummary))).toEqual(new Set(['\u001b[2K']));
    expect(beforeSummary).not.toContain('[progress]');
    reporter.summary(report);
    const summary = out().slice(beforeSummary.length);
    expect(summary.startsWith('\r\u001b[2K')).toBe(true);
    expect(summary).not.toContain('… openai-chat');
  });

  it('live: the status line fits the terminal, so erasing it in place works', () => {
    let out = '';
    const report = fixtureReport();
    const reporter = new ConsoleReporter({ write: (t) => void (out += t), color: false, live: true, columns: 40 }, report.checks.map((c) => c.id));
    for (const r of fixtureResults()) reporter.result(r);
    const lines = out.split('\r\u001b[2K').map((part) => part.split('\n').at(-1)!);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(39);
    expect(out).toContain('… openai-chat 2/2 · protocols 2/2 · 2 …');
  });

  it('ends with the protocol × area table, the failures, client readiness, the verdict', () => {
    const { reporter, report, out } = capture(false);
    for (const r of fixtureResults()) reporter.result(r);
    reporter.summary(report, { reports: [{ format: 'html', path: '/tmp/x/conformance.html' }, { format: 'json', path: '-' }] });
    const summary = out().slice(out().indexOf('\nResults'));
    expect(summary).toMatch(/Results +passed {2}failed {2}blocked {2}skipped\nanthropic-messages +1 +2 +1 +1\n {2}basic +1 +0 +0 +0\n {2}stream +0 +1 +1 +0\n/);
    expect(summary).toMatch(/openai-chat +2 +0 +0 +0\n/);
    expect(summary).toContain('  anthropic-messages/stream/event-order [must] — blocks 1 check');
    expect(summary).toMatch(/Client readiness:\n {2}✓ OpenAI SDKs \(openai-node, openai-python\) +ready — all 2 checks that name it passed\n/);
    expect(summary).toMatch(/ {2}✗ Claude Code +not ready — 1 must check failed: anthropic-messages\/stream\/event-order\n/);
    expect(summary).toMatch(/7 checks: 3 passed, 2 failed, 1 blocked, 1 skipped \(1 must failures\) in 1\.2 s — NOT CONFORMANT\nHTML report: \/tmp\/x\/conformance\.html\n$/);
  });
});

describe('terminal mode', () => {
  it.each([
    [{ isTTY: true, env: {} }, true],
    [{ isTTY: false, env: {} }, false],
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, true],
    [{ isTTY: true, env: { FORCE_COLOR: '0' } }, false],
    [{ isTTY: true, env: { NO_COLOR: '1' } }, false],
    [{ isTTY: true, env: { NO_COLOR: '' } }, true],
    [{ isTTY: true, env: { TERM: 'dumb' } }, false],
  ])('colour %j → %s', (info, expected) => {
    expect(useColor(info)).toBe(expected);
  });

  it.each([
    [{ tty: true, env: {} }, false, true],
    [{ tty: true, env: { CI: 'true' } }, false, false],
    [{ tty: true, env: { CI: 'false' } }, false, true],
    [{ tty: true, env: {} }, true, false],
    [{ tty: false, env: {} }, false, false],
    [{ env: {} }, false, false],
  ])('live progress %j with --plain=%s → %s', (io, plain, expected) => {
    expect(liveProgress(io, plain)).toBe(expected);
  });
});
