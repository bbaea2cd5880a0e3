import type { JsonReport, RunVerdict } from './json-report.ts';
import { resultMatrix } from './matrix.ts';
import { READINESS_LABEL, type ReadinessStatus } from './readiness.ts';
import { REPORT_TITLES, type ReportOutput } from './report-options.ts';
import { VERDICT_TEXT } from './report-facts.ts';
import { oneLine, plural } from './text.ts';

/** What the run wrote besides the console, listed under the summary. */
export interface WrittenFiles {
  readonly reports?: readonly ReportOutput[];
  readonly trace?: { readonly dir: string; readonly count: number };
}

type Color = 'red' | 'green' | 'yellow' | 'magenta' | 'gray' | 'bold';
type Paint = (color: Color, text: string) => string;

const VERDICT_COLOR: Readonly<Record<RunVerdict, Color>> = {
  conformant: 'green',
  'not-conformant': 'red',
  'not-judged': 'yellow',
  misconfigured: 'yellow',
  'internal-error': 'magenta',
};

const READINESS_MARK: Readonly<Record<ReadinessStatus, [string, Color]>> = {
  ready: ['✓', 'green'],
  'ready-with-limitations': ['~', 'yellow'],
  'not-ready': ['✗', 'red'],
  'not-assessed': ['?', 'gray'],
};

/**
 * The console's closing summary: a table of results per protocol and area, the failed checks
 * (with the checks each blocks), what was not judged, client readiness, then the counts and
 * verdict, and where the reports went.
 */
export function consoleSummary(report: JsonReport, files: WrittenFiles, paint: Paint): string {
  const out: string[] = ['', ...table(report, paint), ''];
  const s = report.summary;
  const blockedBy = new Map<string, number>();
  for (const r of report.checks) if (r.blockedBy) blockedBy.set(r.blockedBy, (blockedBy.get(r.blockedBy) ?? 0) + 1);
  const failed = report.checks.filter((r) => r.status === 'fail');
  if (failed.length > 0) {
    out.push(paint('red', `Failed checks (${s.mustFailed} must, ${failed.length - s.mustFailed} should):`));
    for (const r of failed) {
      const blocks = blockedBy.get(r.id);
      out.push(`  ${r.id} [${r.level}]${blocks ? paint('gray', ` — blocks ${plural(blocks, 'check')}`) : ''}`, paint('gray', `    ${oneLine(r.message, 160)}`));
    }
    out.push('');
  }
  const limited = report.checks.find((r) => r.skipKind === 'rate-limited');
  if (limited) out.push(paint('yellow', `Not judged (${s.rateLimited} checks): ${oneLine(limited.message, 400)}`), '');
  const internal = report.checks.filter((r) => r.skipKind === 'internal-error');
  if (internal.length > 0) {
    out.push(paint('magenta', `Internal errors (${internal.length}): a bug of llm-conformance, not a verdict on the target; please report it with the JSON report.`));
    for (const r of internal) out.push(`  ${r.id}: ${oneLine(r.message, 400)}`);
    out.push('');
  }
  if (report.readiness.length > 0) {
    out.push('Client readiness:');
    const width = Math.max(...report.readiness.map((r) => r.name.length));
    for (const r of report.readiness) {
      const [mark, color] = READINESS_MARK[r.status];
      out.push(`  ${paint(color, mark)} ${r.name.padEnd(width)}  ${paint(color, READINESS_LABEL[r.status])} — ${r.reason}`);
    }
    out.push('');
  }
  const seconds = (report.durationMs / 1000).toFixed(1);
  out.push(
    `${s.total} checks: ${s.passed} passed, ${s.failed} failed, ${s.blocked} blocked, ${s.skipped - s.blocked} skipped (${s.mustFailed} must failures) in ${seconds} s — ${paint(VERDICT_COLOR[report.verdict], VERDICT_TEXT[report.verdict])}`,
  );
  for (const output of files.reports ?? []) if (output.path !== '-') out.push(`${REPORT_TITLES[output.format]} report: ${output.path}`);
  if (files.trace) out.push(`Trace: ${files.trace.count} exchanges in ${files.trace.dir}`);
  return `${out.join('\n')}\n`;
}

/** Passed / failed / blocked / skipped per protocol, and per area under it. */
function table(report: JsonReport, paint: Paint): string[] {
  const m = resultMatrix(report.checks, report.target.protocols);
  const ran = m.protocols.filter((p) => m.total(p).total > 0);
  if (ran.length === 0) return [];
  const labelWidth = Math.max(8, ...ran.map((p) => p.length), ...m.areas.map((a) => a.length + 2));
  const head = `${'Results'.padEnd(labelWidth)}  passed  failed  blocked  skipped`;
  const row = (label: string, c: { passed: number; failed: number; blocked: number; skipped: number }, bold: boolean) => {
    const failed = String(c.failed).padStart(6);
    const line = `${label.padEnd(labelWidth)}  ${String(c.passed).padStart(6)}  ${c.failed > 0 ? paint('red', failed) : failed}  ${String(c.blocked).padStart(7)}  ${String(c.skipped).padStart(7)}`;
    return bold ? paint('bold', line) : line;
  };
  const lines = [paint('gray', head)];
  for (const protocol of ran) {
    lines.push(row(protocol, m.total(protocol), true));
    for (const area of m.areas) {
      const cell = m.cell(protocol, area);
      if (cell) lines.push(row(`  ${area}`, cell, false));
    }
  }
  return lines;
}
