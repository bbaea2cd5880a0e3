import { expect, fail, preview } from './assert.ts';
import { requireObserved } from './verdict.ts';

/** How a reply ended, for the output-budget rule (max_tokens, max_output_tokens, maxOutputTokens). */
export interface BudgetEnding {
  /** Whether the reply says the budget cut it (finish_reason "length", stop_reason "max_tokens", …). */
  readonly cut: boolean;
  /** The reason as the target wrote it, for messages. */
  readonly reason: unknown;
  /** The output tokens the reply reports, when it does. */
  readonly outputTokens: unknown;
  /** The visible text, to judge a reply that reports no token count. */
  readonly text: string;
}

/** How the protocol names the fields the rule talks about. */
export interface BudgetNames {
  /** The field of the reason: `finish_reason`, `stop_reason`. */
  readonly reason: string;
  /** The reason a cut reply gives: `length`, `max_tokens`. */
  readonly cut: string;
  /** The usage field of the output tokens: `completion_tokens`, `output_tokens`. */
  readonly tokens: string;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length;

/**
 * The output-budget rule, judged only when the budget was exercised: a reply cut at the budget says
 * so (and reports at most `limit` tokens); a reply that ran past it (more tokens, or more words
 * when it reports no count, than the budget) ignored it; a reply that ended on its own within the
 * budget (a short fixed reply) did not exercise it, so the check is skipped as not observed.
 */
export function judgeBudget(end: BudgetEnding, limit: number, where: string, names: BudgetNames): void {
  const tokens = end.outputTokens;
  const counted = typeof tokens === 'number' && Number.isInteger(tokens);
  if (end.cut) {
    expect(!counted || (tokens > 0 && tokens <= limit), `${where}: ${names.tokens} is ${preview(tokens)} with a budget of ${limit}`, { expected: `1…${limit}`, actual: preview(tokens) });
    return;
  }
  const spent = counted ? `${tokens} ${names.tokens}` : `${wordCount(end.text)} words`;
  if (counted ? tokens >= limit : wordCount(end.text) > limit) {
    fail(`${where}: ${names.reason} is ${preview(end.reason)} after ${spent} with a budget of ${limit}, expected "${names.cut}"`, {
      expected: `${names.reason} "${names.cut}" within ${limit} tokens`,
      actual: `${names.reason} ${preview(end.reason)}, ${counted ? spent : `text ${preview(end.text, 120)}`}`,
    });
  }
  requireObserved(false, `${where} ended on its own within the budget (${counted ? `${tokens} of ${limit} tokens` : 'no token count reported'}, ${names.reason} ${preview(end.reason)}), so the budget was not exercised`);
}
