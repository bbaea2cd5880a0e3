import { describe, expect, it } from 'vitest';
import { dryRun } from '../cli/dry-run.ts';
import { SUITES } from './index.ts';

/**
 * The most output tokens any request of a suite may ask for. A run against a paid endpoint must
 * stay cheap (README "Cost and safety"): replies are short by design, and only extended thinking
 * needs a larger budget (Anthropic's minimum `budget_tokens` is 1024, below `max_tokens`).
 */
const MAX_OUTPUT_BUDGET = 4096;

describe.each(Object.values(SUITES).map((s) => [s.protocol, s] as const))('%s requests', (_protocol, suite) => {
  it(`ask for at most ${MAX_OUTPUT_BUDGET} output tokens, counted as a run sends them`, async () => {
    const run = await dryRun(suite, suite.checks, 10_000);
    expect(run.total).toBeGreaterThan(0);
    expect(run.largestBudget, 'no request names an output budget (max_tokens or the protocol equivalent)').toBeDefined();
    expect(run.largestBudget!.tokens, `${run.largestBudget!.field} ${run.largestBudget!.tokens} in ${run.largestBudget!.by}`).toBeLessThanOrEqual(MAX_OUTPUT_BUDGET);
  });
});
