/** Small statistics for a handful of runs: medians and per-pair ratios, nothing fancier. */

/** Median, minimum and maximum of a series. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Median of a non-empty series (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Median, min and max of a series. */
export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Ratio of each run of `subject` to the run of `baseline` in the same round (measured minutes
 * apart at most, so both share the machine's mode of the moment).
 */
export function pairRatios(subject: readonly number[], baseline: readonly number[]): number[] {
  return subject.map((value, i) => value / (baseline[i] ?? Number.NaN));
}

/** The `p`-th percentile (0–100, nearest rank) of values sorted ascending. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
