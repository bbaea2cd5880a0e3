import type { ExchangeEvidence } from '../../suites/harness/evidence.ts';
import type { CheckResult } from '../../suites/harness/runner.ts';
import type { JsonReport, RunVerdict } from './json-report.ts';

/** Where console output goes and whether it may use colour. */
export interface ConsoleOptions {
  readonly write: (text: string) => void;
  readonly color: boolean;
}

const COLOR = { red: 31, green: 32, yellow: 33, magenta: 35, gray: 90, bold: 1 } as const;
const VERDICT: Readonly<Record<RunVerdict, { text: string; color: number }>> = {
  conformant: { text: 'CONFORMANT', color: COLOR.green },
  'not-conformant': { text: 'NOT CONFORMANT', color: COLOR.red },
  'not-judged': { text: 'NOT JUDGED', color: COLOR.yellow },
  misconfigured: { text: 'NOT RUN (configuration)', color: COLOR.yellow },
  'internal-error': { text: 'INTERNAL ERROR', color: COLOR.magenta },
};

/**
 * Prints results as a readable tree (protocol → area → check), streaming in check order: a
 * result is printed as soon as every check before it has finished, so long real-target runs
 * show progress while the output stays in a stable order. A failure shows its evidence (expected
 * vs actual, hints, the exchange); a blocked check names its root in one line; the summary
 * groups blocked checks under their root and counts failed, blocked and skipped apart.
 */
export class ConsoleReporter {
  readonly #o: ConsoleOptions;
  readonly #order: readonly string[];
  readonly #done = new Map<string, CheckResult>();
  #printed = 0;
  #lastGroup = '';

  constructor(options: ConsoleOptions, order: readonly string[]) {
    this.#o = options;
    this.#order = order;
  }

  #paint(code: number, text: string): string {
    return this.#o.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  header(line: string): void {
    this.#o.write(`${line}\n`);
  }

  /** A line about the run itself (a preflight problem or note), printed at once. */
  note(line: string, color: keyof typeof COLOR = 'gray'): void {
    this.#o.write(`${this.#paint(COLOR[color], line)}\n`);
  }

  result(result: CheckResult): void {
    this.#done.set(result.id, result);
    while (this.#printed < this.#order.length) {
      const next = this.#done.get(this.#order[this.#printed]!);
      if (!next) break;
      if (next.skipKind !== 'not-run') this.#print(next);
      this.#printed++;
    }
  }

  #print(r: CheckResult): void {
    const [protocol, area, name] = r.id.split('/');
    const group = `${protocol}/${area}`;
    if (protocol !== this.#lastGroup.split('/')[0]) this.#o.write(`\n${this.#paint(COLOR.bold, protocol ?? '')}\n`);
    if (group !== this.#lastGroup) this.#o.write(`  ${area}\n`);
    this.#lastGroup = group;
    const level = r.level === 'should' ? ' (should)' : '';
    const time = this.#paint(COLOR.gray, `${r.durationMs} ms`);
    if (r.status === 'pass') return this.#o.write(`    ${this.#paint(COLOR.green, '✓')} ${name}${level} ${time}\n`);
    if (r.status === 'fail') {
      const color = r.level === 'must' ? COLOR.red : COLOR.yellow;
      this.#o.write(`    ${this.#paint(color, '✗')} ${name}${level} ${time}\n`);
      return this.#evidence(r, color);
    }
    if (r.skipKind === 'blocked') return this.#o.write(`    ${this.#paint(COLOR.gray, `⊘ ${name}${level}  blocked by ${r.blockedBy}`)}\n`);
    if (r.skipKind === 'internal-error') return this.#o.write(`    ${this.#paint(COLOR.magenta, `! ${name}${level}  ${r.message}`)}\n`);
    this.#o.write(`    ${this.#paint(COLOR.gray, `- ${name}${level}  ${r.message}`)}\n`);
  }

  #evidence(r: CheckResult, color: number): void {
    const lines = [this.#paint(color, r.message)];
    const e = r.evidence;
    if (e?.expected !== undefined) lines.push(`expected: ${e.expected}`);
    if (e?.actual !== undefined) lines.push(`actual:   ${e.actual}`);
    for (const hint of e?.hints ?? []) lines.push(this.#paint(COLOR.yellow, `hint: ${hint}`));
    if (e?.exchange) lines.push(...exchangeLines(e.exchange).map((l) => this.#paint(COLOR.gray, l)));
    for (const line of lines) this.#o.write(`        ${line}\n`);
  }

  /** The closing summary: failures with what they block, what was not judged, counts, files written. */
  summary(report: JsonReport, files: { readonly report?: string; readonly trace?: { readonly dir: string; readonly count: number } } = {}): void {
    const s = report.summary;
    const blockedBy = new Map<string, number>();
    for (const r of report.checks) if (r.blockedBy) blockedBy.set(r.blockedBy, (blockedBy.get(r.blockedBy) ?? 0) + 1);
    const failed = report.checks.filter((r) => r.status === 'fail');
    this.#o.write('\n');
    if (failed.length > 0) {
      this.#o.write(this.#paint(COLOR.red, `Failed checks (${s.mustFailed} must, ${failed.length - s.mustFailed} should):\n`));
      for (const r of failed) {
        const blocks = blockedBy.get(r.id);
        this.#o.write(`  ${r.id} [${r.level}]${blocks ? this.#paint(COLOR.gray, ` — blocks ${blocks} check${blocks === 1 ? '' : 's'}`) : ''}\n`);
      }
      this.#o.write('\n');
    }
    const limited = report.checks.find((r) => r.skipKind === 'rate-limited');
    if (limited) this.#o.write(this.#paint(COLOR.yellow, `Not judged (${s.rateLimited} checks): ${limited.message}\n\n`));
    const internal = report.checks.filter((r) => r.skipKind === 'internal-error');
    if (internal.length > 0) {
      this.#o.write(this.#paint(COLOR.magenta, `Internal errors (${internal.length}): a bug of llm-conformance, not a verdict on the target; please report it with the JSON report.\n`));
      for (const r of internal) this.#o.write(`  ${r.id}: ${r.message}\n`);
      this.#o.write('\n');
    }
    const seconds = (report.durationMs / 1000).toFixed(1);
    const verdict = VERDICT[report.verdict];
    const skipped = s.skipped - s.blocked;
    this.#o.write(
      `${s.total} checks: ${s.passed} passed, ${s.failed} failed, ${s.blocked} blocked, ${skipped} skipped (${s.mustFailed} must failures) in ${seconds} s — ${this.#paint(verdict.color, verdict.text)}\n`,
    );
    if (files.report) this.#o.write(`JSON report: ${files.report}\n`);
    if (files.trace) this.#o.write(`Trace: ${files.trace.count} exchanges in ${files.trace.dir}\n`);
  }
}

/** The exchange of a failure in two or three lines: request and answer, then the start of the body. */
function exchangeLines(x: ExchangeEvidence): string[] {
  const answer = x.error
    ? `${x.status !== undefined ? `HTTP ${x.status}, then ` : ''}${x.error}`
    : `HTTP ${x.status ?? '?'} ${x.responseHeaders?.['content-type'] ?? '(no content-type)'}, ${x.responseBytes} B`;
  const lines = [`${x.method} ${pathOf(x.url)} → ${answer} in ${x.durationMs} ms`];
  if (x.responseBody !== '') lines.push(`  ${oneLine(x.responseBody, 240)}${x.truncated || x.responseBody.length > 240 ? '…' : ''}`);
  return lines;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

function oneLine(text: string, max: number): string {
  return text.slice(0, max).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}
