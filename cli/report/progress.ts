import type { CheckResult } from '../../suites/harness/runner.ts';
import { oneLine } from './text.ts';

/** Where a run stands, per protocol (checks in registry order: one protocol after the other). */
interface ProtocolProgress {
  readonly protocol: string;
  readonly total: number;
  done: number;
  failed: number;
}

/** The widest status line when the terminal's width is unknown. */
const STATUS_WIDTH = 100;

/**
 * Counts finished checks per protocol for the console's progress: a status line redrawn in place
 * on a terminal (live mode), or, in plain mode (CI logs), a line at each quarter of a protocol's
 * checks. Checks finish out of order (concurrency), so counts are kept per protocol of the id.
 */
export class ProgressTracker {
  readonly #protocols: ProtocolProgress[] = [];
  #lastFailure: string | undefined;

  constructor(order: readonly string[]) {
    for (const id of order) {
      const protocol = id.split('/')[0] ?? '';
      const entry = this.#protocols.find((p) => p.protocol === protocol);
      if (entry) (entry as { total: number }).total++;
      else this.#protocols.push({ protocol, total: 1, done: 0, failed: 0 });
    }
  }

  /** Counts a result; returns the plain-mode line it completes (a quarter of its protocol), if any. */
  record(result: CheckResult): string | undefined {
    const p = this.#protocols.find((entry) => entry.protocol === result.protocol) ?? this.#protocols.find((entry) => result.id.startsWith(`${entry.protocol}/`));
    if (!p) return undefined;
    p.done++;
    if (result.status === 'fail') {
      p.failed++;
      this.#lastFailure = result.id;
    }
    const quarter = [1, 2, 3, 4].find((q) => p.done === Math.ceil((p.total * q) / 4));
    if (quarter === undefined) return undefined;
    return `[progress] ${p.protocol}: ${p.done}/${p.total} checks done, ${p.failed} failed`;
  }

  /**
   * The live status line: the protocol being run, its counts, the last failure, protocols done.
   * It fits in `width` columns: a line that wraps could not be erased in place.
   */
  statusLine(width = STATUS_WIDTH): string {
    const current = this.#protocols.find((p) => p.done < p.total) ?? this.#protocols.at(-1);
    if (!current) return '';
    const finished = this.#protocols.filter((p) => p.done === p.total).length;
    const failures = this.#protocols.reduce((sum, p) => sum + p.failed, 0);
    const parts = [`… ${current.protocol} ${current.done}/${current.total}`];
    if (this.#protocols.length > 1) parts.push(`protocols ${finished}/${this.#protocols.length}`);
    parts.push(`${failures} failed${this.#lastFailure ? ` (last: ${this.#lastFailure})` : ''}`);
    // `oneLine` adds '…' to what it cuts: at most width - 1 columns, the last one left free.
    return oneLine(parts.join(' · '), Math.max(20, width - 2));
  }
}
