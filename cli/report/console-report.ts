import type { ExchangeEvidence } from '../../suites/harness/evidence.ts';
import type { CheckResult } from '../../suites/harness/runner.ts';
import { consoleSummary, type WrittenFiles } from './console-summary.ts';
import { exchangeHeadline } from '../../suites/harness/evidence-text.ts';
import type { JsonReport } from './json-report.ts';
import { ProgressTracker } from './progress.ts';
import { oneLine, visibleText } from './text.ts';

/** Where console output goes, whether it may use colour, and whether progress is redrawn in place. */
export interface ConsoleOptions {
  readonly write: (text: string) => void;
  readonly color: boolean;
  /** A live status line (a terminal, not CI): redrawn in place with `\r` and erase-line. */
  readonly live?: boolean;
  /** The terminal's width in columns (the status line is cut to fit). */
  readonly columns?: number;
}

export const COLOR = { red: 31, green: 32, yellow: 33, magenta: 35, gray: 90, bold: 1 } as const;

/** Returns to the start of the line and erases it (ECMA-48 CR + EL). */
const CLEAR_LINE = '\r\u001b[2K';

/**
 * Prints results as a readable tree (protocol → area → check), streaming in check order: a
 * result is printed as soon as every check before it has finished, so long real-target runs
 * show progress while the output stays in a stable order. A failure shows its evidence (expected
 * vs actual, hints, the exchange); a blocked check names its root in one line.
 *
 * Progress on long runs: live, a status line at the bottom (protocol, checks done / total,
 * failures) redrawn in place; plain (CI logs, no cursor movement), a line at each quarter of a
 * protocol. A failure held back behind a slower check is announced at once in both modes.
 * Text from the target is printed with its control characters made visible: it cannot move the
 * cursor, recolour or retitle the terminal.
 */
export class ConsoleReporter {
  readonly #o: ConsoleOptions;
  readonly #order: readonly string[];
  readonly #done = new Map<string, CheckResult>();
  readonly #progress: ProgressTracker;
  #printed = 0;
  #lastGroup = '';
  #status = '';

  constructor(options: ConsoleOptions, order: readonly string[]) {
    this.#o = options;
    this.#order = order;
    this.#progress = new ProgressTracker(order);
  }

  #paint(code: number, text: string): string {
    return this.#o.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  /** Writes above the live status line (cleared first, redrawn after). */
  #write(text: string): void {
    if (this.#status === '') return this.#o.write(text);
    this.#o.write(`${CLEAR_LINE}${text}${this.#status}`);
  }

  header(line: string): void {
    this.#write(`${line}\n`);
  }

  /** A line about the run itself (a preflight problem or note), printed at once. */
  note(line: string, color: keyof typeof COLOR = 'gray'): void {
    this.#write(`${this.#paint(COLOR[color], visibleText(line, { multiline: true }))}\n`);
  }

  result(result: CheckResult): void {
    this.#done.set(result.id, result);
    const milestone = this.#progress.record(result);
    while (this.#printed < this.#order.length) {
      const next = this.#done.get(this.#order[this.#printed]!);
      if (!next) break;
      if (next.skipKind !== 'not-run') this.#print(next);
      this.#printed++;
    }
    const heldBack = result.status === 'fail' && this.#order.indexOf(result.id) >= this.#printed;
    if (heldBack) {
      const color = result.level === 'must' ? COLOR.red : COLOR.yellow;
      this.#write(`${this.#paint(color, `✗ ${result.id} [${result.level}] failed: ${oneLine(result.message, 160)}`)} ${this.#paint(COLOR.gray, '(evidence below, in order)')}\n`);
    }
    if (this.#o.live) {
      this.#status = this.#paint(COLOR.gray, this.#progress.statusLine(this.#o.columns));
      this.#o.write(`${CLEAR_LINE}${this.#status}`);
    } else if (milestone && result.skipKind !== 'not-run') {
      this.#write(`${this.#paint(COLOR.gray, milestone)}\n`);
    }
  }

  #print(r: CheckResult): void {
    const [protocol, area, name] = r.id.split('/');
    const group = `${protocol}/${area}`;
    if (protocol !== this.#lastGroup.split('/')[0]) this.#write(`\n${this.#paint(COLOR.bold, protocol ?? '')}\n`);
    if (group !== this.#lastGroup) this.#write(`  ${area}\n`);
    this.#lastGroup = group;
    const level = r.level === 'should' ? ' (should)' : '';
    const time = this.#paint(COLOR.gray, `${r.durationMs} ms`);
    const message = oneLine(r.message, 400);
    if (r.status === 'pass') return this.#write(`    ${this.#paint(COLOR.green, '✓')} ${name}${level} ${time}\n`);
    if (r.status === 'fail') {
      const color = r.level === 'must' ? COLOR.red : COLOR.yellow;
      this.#write(`    ${this.#paint(color, '✗')} ${name}${level} ${time}\n`);
      return this.#evidence(r, color);
    }
    if (r.skipKind === 'blocked') return this.#write(`    ${this.#paint(COLOR.gray, `⊘ ${name}${level}  blocked by ${r.blockedBy}`)}\n`);
    if (r.skipKind === 'internal-error') return this.#write(`    ${this.#paint(COLOR.magenta, `! ${name}${level}  ${message}`)}\n`);
    this.#write(`    ${this.#paint(COLOR.gray, `- ${name}${level}  ${message}`)}\n`);
  }

  #evidence(r: CheckResult, color: number): void {
    const lines = [this.#paint(color, oneLine(r.message, 2000))];
    const e = r.evidence;
    if (e?.expected !== undefined) lines.push(`expected: ${oneLine(e.expected, 2000)}`);
    if (e?.actual !== undefined) lines.push(`actual:   ${oneLine(e.actual, 2000)}`);
    for (const hint of e?.hints ?? []) lines.push(this.#paint(COLOR.yellow, `hint: ${oneLine(hint, 2000)}`));
    if (e?.exchange) lines.push(...exchangeLines(e.exchange).map((l) => this.#paint(COLOR.gray, l)));
    this.#write(lines.map((line) => `        ${line}\n`).join(''));
  }

  /**
   * The closing summary: the protocol × area table, failures with what they block, what was not
   * judged, client readiness, the counts and verdict, the files written.
   */
  summary(report: JsonReport, files: WrittenFiles = {}): void {
    if (this.#status !== '') {
      this.#o.write(CLEAR_LINE);
      this.#status = '';
    }
    this.#o.write(consoleSummary(report, files, (color, text) => this.#paint(COLOR[color], text)));
  }
}

/** The exchange of a failure in two lines: request and answer, then the start of the body. */
function exchangeLines(x: ExchangeEvidence): string[] {
  const lines = [oneLine(exchangeHeadline(x), 400)];
  if (x.responseBody !== '') lines.push(`  ${oneLine(x.responseBody, 240)}${x.truncated && x.responseBody.length <= 240 ? '…' : ''}`);
  return lines;
}
