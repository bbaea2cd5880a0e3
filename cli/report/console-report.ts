import type { CheckResult } from '../../suites/harness/runner.ts';
import type { JsonReport } from './json-report.ts';

/** Where console output goes and whether it may use colour. */
export interface ConsoleOptions {
  readonly write: (text: string) => void;
  readonly color: boolean;
}

const MARK = { pass: '✓', fail: '✗', skip: '-' } as const;

function paint(options: ConsoleOptions, code: number, text: string): string {
  return options.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/**
 * Prints results as a readable tree (protocol → area → check), streaming in check order: a
 * result is printed as soon as every check before it has finished, so long real-target runs
 * show progress while the output stays in a stable order.
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

  header(line: string): void {
    this.#o.write(`${line}\n`);
  }

  result(result: CheckResult): void {
    this.#done.set(result.id, result);
    while (this.#printed < this.#order.length) {
      const next = this.#done.get(this.#order[this.#printed]!);
      if (!next) break;
      this.#print(next);
      this.#printed++;
    }
  }

  #print(r: CheckResult): void {
    const [protocol, area, name] = r.id.split('/');
    const group = `${protocol}/${area}`;
    if (protocol !== this.#lastGroup.split('/')[0]) this.#o.write(`\n${paint(this.#o, 1, protocol ?? '')}\n`);
    if (group !== this.#lastGroup) this.#o.write(`  ${area}\n`);
    this.#lastGroup = group;
    const colour = r.status === 'pass' ? 32 : r.status === 'fail' ? (r.level === 'must' ? 31 : 33) : 90;
    const level = r.level === 'should' ? ' (should)' : '';
    this.#o.write(`    ${paint(this.#o, colour, MARK[r.status])} ${name}${level} ${paint(this.#o, 90, `${r.durationMs} ms`)}\n`);
    if (r.status !== 'pass' && r.message) this.#o.write(`        ${paint(this.#o, r.status === 'fail' ? colour : 90, r.message)}\n`);
  }

  /** The closing summary: counts, must failures, and where the JSON report went. */
  summary(report: JsonReport, reportPath: string | undefined): void {
    const s = report.summary;
    const failedMust = report.checks.filter((r) => r.status === 'fail' && r.level === 'must');
    this.#o.write('\n');
    if (failedMust.length > 0) {
      this.#o.write(paint(this.#o, 31, `Failed must checks (${failedMust.length}):\n`));
      for (const r of failedMust) this.#o.write(`  ${r.id}\n`);
      this.#o.write('\n');
    }
    const seconds = (report.durationMs / 1000).toFixed(1);
    const verdict = s.mustFailed === 0 ? paint(this.#o, 32, 'CONFORMANT') : paint(this.#o, 31, 'NOT CONFORMANT');
    this.#o.write(`${s.total} checks: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped (${s.mustFailed} must failures) in ${seconds} s — ${verdict}\n`);
    if (reportPath) this.#o.write(`JSON report: ${reportPath}\n`);
  }
}
