import { describe, expect, it } from 'vitest';
import type { Baseline } from '../cli/baseline.ts';
import type { CheckResult } from './harness/runner.ts';
import { failureText } from './harness/evidence-text.ts';
import { judge } from './vitest-session.ts';

const result = (status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id: 'anthropic-messages/stream/event-order',
  protocol: 'anthropic-messages',
  level: 'must',
  status,
  message: status === 'pass' ? '' : 'the stream ended early',
  durationMs: 1,
  description: 'events come in order',
  spec: 'https://docs.claude.com/en/docs/build-with-claude/streaming',
  ...extra,
});
const baseline: Baseline = { label: 'baseline.json', entries: new Map([['anthropic-messages/stream/event-order', { id: 'anthropic-messages/stream/event-order', reason: 'GW-1: streams are buffered' }]]) };

describe('judge: a check result as a vitest outcome, gated as `run` gates', () => {
  it('a failure at the gate fails with its evidence', () => {
    const failed = result('fail', { evidence: { expected: 'message_stop', actual: 'content_block_stop', hints: ['a proxy cut the stream'] } });
    const verdict = judge(failed, 'must', undefined);
    expect(verdict).toEqual({ kind: 'fail', message: failureText(failed) });
    expect(failureText(failed).split('\n')).toEqual([
      'anthropic-messages/stream/event-order [must]: the stream ended early',
      'asserts: events come in order',
      'expected: message_stop',
      'actual:   content_block_stop',
      'hint: a proxy cut the stream',
      'spec: https://docs.claude.com/en/docs/build-with-claude/streaming',
    ]);
  });

  it('a should failure below the gate is a skip that says so; --fail-on should fails it', () => {
    const should = result('fail', { level: 'should' });
    expect(judge(should, 'must', undefined)).toMatchObject({ kind: 'skip', note: 'should-level deviation, not gated (failOn: must): the stream ended early' });
    expect(judge(should, 'should', undefined)).toMatchObject({ kind: 'fail' });
  });

  it('a known deviation is a skip naming the baseline and its reason; a baseline entry that passes is stale', () => {
    expect(judge(result('fail'), 'must', baseline)).toMatchObject({ kind: 'skip', note: 'known deviation (baseline baseline.json: GW-1: streams are buffered): the stream ended early' });
    expect(judge(result('pass'), 'must', baseline)).toEqual({ kind: 'pass', note: 'stale baseline entry: anthropic-messages/stream/event-order now passes; remove it from baseline.json' });
    expect(judge(result('pass'), 'must', undefined)).toEqual({ kind: 'pass' });
  });

  it('skips keep their reason; a bug of ours fails, never passes or skips', () => {
    expect(judge(result('skip', { skipKind: 'blocked', blockedBy: 'x', message: 'blocked by x (…)' }), 'must', undefined)).toEqual({ kind: 'skip', note: 'blocked by x (…)' });
    expect(judge(result('skip', { skipKind: 'internal-error', message: 'internal error of llm-conformance', internalError: 'TypeError: x\n    at y' }), 'must', undefined)).toEqual({
      kind: 'fail',
      message: 'internal error of llm-conformance\nTypeError: x\n    at y',
    });
  });
});
