import type { CheckStatus, SkipKind } from '../../suites/harness/check.ts';

/** Results of one cell (a protocol's area, or a whole protocol). `skipped` excludes `blocked`. */
export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly blocked: number;
  readonly skipped: number;
  readonly total: number;
  readonly mustFailed: number;
}

/** The protocol × area view of a run, shared by the console table and the Markdown and HTML matrices. */
export interface ResultMatrix {
  readonly protocols: readonly string[];
  /** Every area of any protocol, in the order checks first name them. */
  readonly areas: readonly string[];
  /** The counts of one protocol's area; `undefined` when the protocol has no such area in the run. */
  cell(protocol: string, area: string): Counts | undefined;
  /** One protocol's totals. */
  total(protocol: string): Counts;
}

interface MatrixInput {
  readonly id: string;
  readonly protocol: string;
  readonly level: string;
  readonly status: CheckStatus;
  readonly skipKind?: SkipKind;
}

const ZERO: Counts = { passed: 0, failed: 0, blocked: 0, skipped: 0, total: 0, mustFailed: 0 };

function add(counts: Counts, check: MatrixInput): Counts {
  const blocked = check.skipKind === 'blocked';
  return {
    passed: counts.passed + (check.status === 'pass' ? 1 : 0),
    failed: counts.failed + (check.status === 'fail' ? 1 : 0),
    blocked: counts.blocked + (blocked ? 1 : 0),
    skipped: counts.skipped + (check.status === 'skip' && !blocked ? 1 : 0),
    total: counts.total + 1,
    mustFailed: counts.mustFailed + (check.status === 'fail' && check.level === 'must' ? 1 : 0),
  };
}

/** Groups results by protocol (in `protocols` order, then any other) and area (`<protocol>/<area>/<name>`). */
export function resultMatrix(checks: readonly MatrixInput[], protocols: readonly string[] = []): ResultMatrix {
  const cells = new Map<string, Counts>();
  const totals = new Map<string, Counts>();
  const areas: string[] = [];
  const seen = [...protocols];
  for (const check of checks) {
    const area = check.id.split('/')[1] ?? '';
    if (!areas.includes(area)) areas.push(area);
    if (!seen.includes(check.protocol)) seen.push(check.protocol);
    const key = `${check.protocol}\u0000${area}`;
    cells.set(key, add(cells.get(key) ?? ZERO, check));
    totals.set(check.protocol, add(totals.get(check.protocol) ?? ZERO, check));
  }
  return {
    protocols: seen,
    areas,
    cell: (protocol, area) => cells.get(`${protocol}\u0000${area}`),
    total: (protocol) => totals.get(protocol) ?? ZERO,
  };
}

/** A cell in words: `5/5 passed`, `3/6 passed · 1 failed · 2 blocked`. */
export function describeCounts(c: Counts): string {
  const parts = [`${c.passed}/${c.total} passed`];
  if (c.failed > 0) parts.push(`${c.failed} failed`);
  if (c.blocked > 0) parts.push(`${c.blocked} blocked`);
  if (c.skipped > 0) parts.push(`${c.skipped} skipped`);
  return parts.join(' · ');
}

/** The state a cell is shown in: failed (a must failed), warn (only should failures), partial (skips), ok. */
export function cellState(c: Counts): 'fail' | 'warn' | 'partial' | 'ok' {
  if (c.mustFailed > 0) return 'fail';
  if (c.failed > 0) return 'warn';
  if (c.blocked + c.skipped > 0) return 'partial';
  return 'ok';
}
