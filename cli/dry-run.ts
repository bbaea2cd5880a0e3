import { createFetch, createMockServer } from '../mock-server/index.ts';
import type { Check, CheckLevel } from '../suites/harness/check.ts';
import type { ExchangeRecord } from '../suites/harness/recorder.ts';
import { runSuite } from '../suites/harness/run-suite.ts';
import type { ProtocolSuite } from '../suites/harness/suite.ts';
import { resolveTarget } from '../suites/harness/target.ts';
import type { ProtocolTarget } from './config-targets.ts';
import { displayUrl } from './redact.ts';

/** What one protocol of a run would send. */
export interface DryRunProtocol {
  readonly protocol: string;
  /** Requests of the preflight (reachability, key and model probes). */
  readonly preflight: number;
  /** Per selected check, in run order: the requests it makes, shared exchanges counted at their first user. */
  readonly checks: readonly { readonly id: string; readonly level: CheckLevel; readonly requests: number }[];
  readonly total: number;
  /** The largest output-token budget a request asks for, and who asks it (a check or a shared exchange). */
  readonly largestBudget: { readonly field: string; readonly tokens: number; readonly by: string } | undefined;
}

/**
 * Fields that bound a reply's output tokens, per protocol: Anthropic `max_tokens` (and the
 * thinking `budget_tokens` inside it), OpenAI Chat `max_completion_tokens` / `max_tokens`,
 * Responses `max_output_tokens`, Gemini `generationConfig.maxOutputTokens`.
 */
const BUDGET_FIELDS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'maxOutputTokens'] as const;

/**
 * `--dry-run`: runs the selected checks against the embedded reference mock, in-process, one at a
 * time, with a fetch that counts what they send: the count is exact for the mock (no metadata to
 * keep up to date), and nothing reaches the target. Against a real target a run may send fewer
 * requests (checks skip when a capability is absent) or more (429 retries).
 */
export async function dryRun(suite: ProtocolSuite, checks: readonly Check[], timeoutMs: number): Promise<DryRunProtocol> {
  const mock = createMockServer();
  const inner = createFetch(mock);
  let sent = 0;
  let preflight = 0;
  let largestBudget: DryRunProtocol['largestBudget'];
  const counting: typeof fetch = (input, init) => {
    sent++;
    return inner(input, init);
  };
  const onExchange = (record: ExchangeRecord) => {
    if (record.by === 'preflight') preflight++;
    const budget = outputBudget(record.requestBody);
    if (budget && (!largestBudget || budget.tokens > largestBudget.tokens)) largestBudget = { ...budget, by: record.by ?? '(unknown)' };
  };
  const target = resolveTarget({ baseUrl: 'http://dry-run.invalid', fetch: counting, timeoutMs, onExchange }, suite.defaultModel);
  const counts: number[] = [];
  let counted = 0;
  // One check at a time: what is sent between two results belongs to the check that just ended
  // (the preflight's requests come before the first).
  await runSuite(suite, checks, target, {
    concurrency: 1,
    onResult: () => {
      const base = counts.length === 0 ? preflight : counted;
      counts.push(sent - base);
      counted = sent;
    },
  });
  return {
    protocol: suite.protocol,
    preflight,
    checks: checks.map((check, i) => ({ id: check.id, level: check.level, requests: counts[i] ?? 0 })),
    total: sent,
    largestBudget,
  };
}

/** The largest output budget of a request body, if it names one. */
function outputBudget(body: string | undefined): { field: string; tokens: number } | undefined {
  if (!body || body.length > 1024 * 1024) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  let best: { field: string; tokens: number } | undefined;
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > 3) return;
    for (const [key, inner] of Object.entries(value)) {
      if ((BUDGET_FIELDS as readonly string[]).includes(key) && typeof inner === 'number' && (!best || inner > best.tokens)) best = { field: key, tokens: inner };
      else if (key === 'generationConfig' || key === 'config') visit(inner, depth + 1);
    }
  };
  visit(json, 0);
  return best;
}

/** The dry run as people read it: one line per check, totals, the largest budget, the request cap. */
export function formatDryRun(runs: readonly DryRunProtocol[], targets: Readonly<Partial<Record<string, ProtocolTarget>>>, models: Readonly<Record<string, string>>, maxRequests: number | undefined): string {
  const total = runs.reduce((sum, run) => sum + run.total, 0);
  const checks = runs.reduce((sum, run) => sum + run.checks.length, 0);
  const width = Math.max(20, ...runs.flatMap((run) => run.checks.map((c) => c.id.length + c.level.length + 3)));
  const lines = [`Dry run: ${checks} checks would send ${total} requests (counted against the embedded reference mock; nothing was sent)`];
  for (const run of runs) {
    const target = targets[run.protocol];
    const where = target?.baseUrl ? `${displayUrl(target.baseUrl)} (${target.baseUrlFrom})` : 'the embedded reference mock';
    const key = target?.baseUrl ? (target.apiKeyFrom ? `, key from ${target.apiKeyFrom}` : ', no key') : '';
    lines.push('', `${run.protocol} → ${where}${key}, model ${models[run.protocol]}`, `  ${'preflight'.padEnd(width)}  ${String(run.preflight).padStart(3)}`);
    for (const check of run.checks) lines.push(`  ${`${check.id} [${check.level}]`.padEnd(width)}  ${String(check.requests).padStart(3)}`);
    const budget = run.largestBudget ? `; largest output budget: ${run.largestBudget.field} ${run.largestBudget.tokens} (${run.largestBudget.by})` : '';
    lines.push(`  ${run.total} requests${budget}`);
  }
  lines.push('', 'A shared exchange is counted at the first check that uses it (0: the check reads exchanges already made). A real target may take fewer requests (checks skip when a capability is absent) or more (429 retries).');
  if (maxRequests !== undefined && maxRequests < total) lines.push(`--max-requests ${maxRequests}: the run would stop sending after ${maxRequests} of these ${total} requests; the checks left would be skipped (not-run).`);
  return `${lines.join('\n')}\n`;
}
