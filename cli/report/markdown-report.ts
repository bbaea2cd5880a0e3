import { exchangeHeadline, exchangeText } from '../../suites/harness/evidence-text.ts';
import type { JsonReport, ReportCheck } from './json-report.ts';
import { cellState, type Counts, describeCounts, resultMatrix } from './matrix.ts';
import { READINESS_LABEL, type ReadinessStatus } from './readiness.ts';
import { reportFacts, VERDICT_TEXT } from './report-facts.ts';
import { cut, visibleText } from './text.ts';

/**
 * GitHub caps an issue or PR comment at 65,536 characters (a job summary at 1 MiB): the summary
 * stays under this, whatever the target sent, by leaving out failures that do not fit.
 */
export const MARKDOWN_MAX_CHARS = 60_000;
/** Room kept for the line that says how many failures were left out. */
const OMITTED_NOTE_CHARS = 200;
const BODY_EXCERPT = 800;

const STATE_ICON = { ok: '✅', partial: '⏭️', warn: '⚠️', fail: '❌' } as const;
const READINESS_ICON: Readonly<Record<ReadinessStatus, string>> = { ready: '✅', 'ready-with-limitations': '⚠️', 'not-ready': '❌', 'not-assessed': '❔' };

/**
 * The run as Markdown for a CI job summary (`>> $GITHUB_STEP_SUMMARY`) or an issue comment: the
 * verdict, the run's facts, the protocol × area matrix, each failure with expected vs actual and
 * its exchange, and client readiness, in at most {@link MARKDOWN_MAX_CHARS} characters.
 *
 * Target text is untrusted: it appears only inside code spans and fenced blocks (fences longer
 * than any backtick run it holds), or escaped, so it cannot add HTML, links or formatting.
 *
 * @see https://spec.commonmark.org/0.31.2/#code-spans
 * @see https://github.github.com/gfm/#tables-extension-
 */
export function renderMarkdown(report: JsonReport): string {
  const head = [title(report), facts(report), matrix(report), notRun(report)].filter(Boolean).join('\n\n');
  const tail = [readiness(report), `<sub>${esc(`${report.tool.name} ${report.tool.version}`)} · the JSON and HTML reports hold every check and the full evidence</sub>`].filter(Boolean).join('\n\n');
  const failed = [...report.checks.filter((c) => c.status === 'fail')].sort((a, b) => (a.level === b.level ? 0 : a.level === 'must' ? -1 : 1));
  const budget = MARKDOWN_MAX_CHARS - head.length - tail.length - OMITTED_NOTE_CHARS - 100;
  const blocks: string[] = [];
  let used = 0;
  for (const check of failed) {
    const block = failure(report, check);
    if (used + block.length > budget) break;
    blocks.push(block);
    used += block.length + 2;
  }
  const omitted = failed.length - blocks.length;
  const failures =
    failed.length === 0
      ? ''
      : [
          `### Failures (${report.summary.mustFailed} must, ${failed.length - report.summary.mustFailed} should)`,
          ...blocks,
          ...(omitted > 0 ? [`…and ${omitted} more ${omitted === 1 ? 'failure' : 'failures'}, left out to keep this summary short: see the JSON or HTML report.`] : []),
        ].join('\n\n');
  return `${[head, failures, tail].filter(Boolean).join('\n\n')}\n`;
}

function title(report: JsonReport): string {
  const s = report.summary;
  const icon = report.verdict === 'conformant' ? '✅' : report.verdict === 'not-conformant' ? '❌' : '⚠️';
  return [
    `## ${icon} llm-conformance: ${VERDICT_TEXT[report.verdict]}`,
    '',
    `**${s.total} checks** against ${code(report.target.baseUrl)}: **${s.passed} passed**, **${s.failed} failed** (${s.mustFailed} must), ${s.blocked} blocked, ${s.skipped - s.blocked} skipped · exit ${report.exitCode}`,
  ].join('\n');
}

function facts(report: JsonReport): string {
  const rows = reportFacts(report).filter(([name]) => name !== 'verdict');
  return ['| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${code(value, true)} |`)].join('\n');
}

function matrix(report: JsonReport): string {
  const m = resultMatrix(report.checks, report.target.protocols);
  if (m.areas.length === 0) return '';
  const cell = (c: Counts | undefined) => (c ? `${STATE_ICON[cellState(c)]} ${describeCounts(c)}` : '');
  return [
    '### Results by area',
    '',
    `| area | ${m.protocols.map(esc).join(' | ')} |`,
    `|---|${m.protocols.map(() => '---').join('|')}|`,
    ...m.areas.map((area) => `| ${esc(area)} | ${m.protocols.map((p) => cell(m.cell(p, area))).join(' | ')} |`),
    `| **all** | ${m.protocols.map((p) => `**${cell(m.total(p))}**`).join(' | ')} |`,
  ].join('\n');
}

function notRun(report: JsonReport): string {
  const stopped = report.preflight.filter((p) => !p.ok);
  if (stopped.length === 0) return '';
  return ['### Not run', '', ...stopped.map((p) => `- ${esc(p.protocol)}: ${code(p.message ?? p.problem ?? 'preflight failed')}`)].join('\n');
}

function failure(report: JsonReport, check: ReportCheck): string {
  const e = check.evidence;
  const blocked = report.checks.filter((c) => c.blockedBy === check.id).map((c) => c.id);
  const lines = [
    `#### ${check.level === 'must' ? '❌' : '⚠️'} ${code(check.id)} (${check.level})${blocked.length > 0 ? ` — blocks ${blocked.length} ${blocked.length === 1 ? 'check' : 'checks'}` : ''}`,
    '',
    esc(cut(check.message, 600)),
    '',
    `- **asserts**: ${esc(check.description)}`,
    ...(e?.expected !== undefined ? [`- **expected**: ${code(cut(e.expected, 400))}`] : []),
    ...(e?.actual !== undefined ? [`- **actual**: ${code(cut(e.actual, 400))}`] : []),
    ...(e?.hints ?? []).map((hint) => `- **hint**: ${esc(cut(hint, 400))}`),
    `- **spec**: ${link(check.spec)}`,
    ...(blocked.length > 0 ? [`- **blocks**: ${blocked.slice(0, 10).map((id) => code(id)).join(', ')}${blocked.length > 10 ? ` and ${blocked.length - 10} more` : ''}`] : []),
  ];
  if (e?.exchange) {
    const x = e.exchange;
    const excerpt = { ...x, requestBody: x.requestBody === undefined ? undefined : cut(x.requestBody, 400), responseBody: cut(x.responseBody, BODY_EXCERPT) };
    lines.push('', `<details><summary>exchange: ${escHtml(cut(exchangeHeadline(x), 200))}</summary>`, '', fenced(exchangeText(excerpt).join('\n')), '', '</details>');
  }
  return lines.join('\n');
}

function readiness(report: JsonReport): string {
  if (report.readiness.length === 0) return '';
  return [
    '### Client readiness',
    '',
    '| client | readiness | decided by |',
    '|---|---|---|',
    ...report.readiness.map((r) => `| ${esc(r.name)} | ${READINESS_ICON[r.status]} ${READINESS_LABEL[r.status]} | ${esc(r.reason)} |`),
  ].join('\n');
}

/**
 * Escapes Markdown and HTML in one line of text (table cells, headings, prose): the characters
 * that format inline (`* _ [ ] ` ~ |`, backslash), `_` only at a word's edge (GFM reads intraword
 * `_` as text, so `message_delta` stays readable), HTML as entities, and a line-start character
 * that would open a heading, list or quote.
 */
function esc(text: string): string {
  return visibleText(text)
    .replace(/[\\`*[\]~|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2');
}

/** Escapes HTML only: for text inside raw HTML (a `<summary>`), where Markdown escapes are not read. */
function escHtml(text: string): string {
  return visibleText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A code span that holds any text: delimited by more backticks than any run inside it. In a
 * table cell (`inTable`) a `|` would end the cell even inside the span (GFM), so it is escaped
 * there (the table parser drops the backslash); elsewhere it is left as is.
 */
function code(text: string, inTable = false): string {
  if (text === '') return '*(empty)*';
  const visible = visibleText(text);
  const shown = inTable ? visible.replace(/\|/g, '\\|') : visible;
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${shown}${fence}` : `${fence} ${shown} ${fence}`;
}

/** A fenced block that holds any text (the fence is longer than any backtick run inside it). */
function fenced(text: string): string {
  const shown = visibleText(text.replace(/\r\n?/g, '\n'), { multiline: true });
  const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${shown}\n${fence}`;
}

function link(url: string): string {
  return /^https?:\/\/[^\s<>()]+$/.test(url) ? `<${url}>` : code(url);
}

