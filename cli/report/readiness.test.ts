import { describe, expect, it } from 'vitest';
import { clientReadiness, type ReadinessInput } from './readiness.ts';

const c = (id: string, level: 'must' | 'should', status: 'pass' | 'fail' | 'skip', clients: string[], extra: Partial<ReadinessInput> = {}): ReadinessInput => ({
  id,
  protocol: id.split('/')[0]!,
  level,
  status,
  clients,
  ...extra,
});

describe('clientReadiness', () => {
  it('lists every known client that speaks a protocol of the run, and only those', () => {
    const clients = clientReadiness([], ['anthropic-messages']).map((r) => r.client);
    expect(clients).toEqual(['anthropic-sdk', 'claude-code', 'vercel-ai-sdk', 'langchain']);
    expect(clientReadiness([], ['openai-responses']).map((r) => r.client)).toEqual(['openai-sdk', 'codex-cli', 'vercel-ai-sdk', 'langchain']);
  });

  it('not ready when a must check that names the client failed, naming it (must first)', () => {
    const [r] = clientReadiness(
      [c('anthropic-messages/a/x', 'should', 'fail', ['claude-code']), c('anthropic-messages/a/y', 'must', 'fail', ['claude-code']), c('anthropic-messages/a/z', 'must', 'pass', ['claude-code'])],
      ['anthropic-messages'],
    ).filter((x) => x.client === 'claude-code');
    expect(r).toMatchObject({ status: 'not-ready', checks: 3, failed: ['anthropic-messages/a/y', 'anthropic-messages/a/x'] });
    expect(r!.reason).toBe('1 must check failed: anthropic-messages/a/y; 1 should check failed: anthropic-messages/a/x');
  });

  it('ready with limitations when only should checks failed, or checks could not be verified', () => {
    const run = (checks: ReadinessInput[]) => clientReadiness(checks, ['anthropic-messages']).find((r) => r.client === 'anthropic-sdk')!;
    expect(run([c('anthropic-messages/a/x', 'should', 'fail', ['anthropic-sdk']), c('anthropic-messages/a/y', 'must', 'pass', ['anthropic-sdk'])]).status).toBe('ready-with-limitations');
    const absent = run([c('anthropic-messages/a/y', 'must', 'skip', ['anthropic-sdk'], { skipKind: 'capability-absent' }), c('anthropic-messages/a/z', 'must', 'pass', ['anthropic-sdk'])]);
    expect(absent).toMatchObject({ status: 'ready-with-limitations', unverified: ['anthropic-messages/a/y'], reason: '1 check not verified (skipped): anthropic-messages/a/y' });
  });

  it('a check the client needs, blocked by a failure, decides at its own level through the failed root', () => {
    const root = c('anthropic-messages/stream/event-order', 'must', 'fail', []);
    const blockedBy = { skipKind: 'blocked' as const, blockedBy: root.id };
    const run = (checks: ReadinessInput[]) => clientReadiness([root, ...checks], ['anthropic-messages']).find((r) => r.client === 'claude-code')!;
    const must = run([c('anthropic-messages/stream/sdk-events', 'must', 'skip', ['claude-code'], blockedBy), c('anthropic-messages/stream/other', 'must', 'skip', ['claude-code'], blockedBy)]);
    expect(must).toMatchObject({ status: 'not-ready', failed: [root.id], blocked: ['anthropic-messages/stream/sdk-events', 'anthropic-messages/stream/other'], unverified: [] });
    expect(must.reason).toBe('1 must check failed: anthropic-messages/stream/event-order; 2 checks that name it blocked by that failure');
    const should = run([c('anthropic-messages/stream/sdk-text', 'should', 'skip', ['claude-code'], blockedBy), c('anthropic-messages/a/ok', 'must', 'pass', ['claude-code'])]);
    expect(should).toMatchObject({ status: 'ready-with-limitations', failed: [root.id] });
    // A root that is not a failure of this run (a hand-edited report) leaves the check unverified.
    const orphan = run([c('anthropic-messages/a/x', 'must', 'skip', ['claude-code'], { skipKind: 'blocked', blockedBy: 'anthropic-messages/a/gone' }), c('anthropic-messages/a/ok', 'must', 'pass', ['claude-code'])]);
    expect(orphan).toMatchObject({ status: 'ready-with-limitations', unverified: ['anthropic-messages/a/x'] });
  });

  it('ready when every check that names it passed; checks of other clients and protocols do not count', () => {
    const r = clientReadiness(
      [c('anthropic-messages/a/x', 'must', 'pass', ['anthropic-sdk']), c('anthropic-messages/a/y', 'must', 'fail', ['claude-code']), c('openai-chat/a/z', 'must', 'fail', ['vercel-ai-sdk'])],
      ['anthropic-messages'],
    );
    expect(r.find((x) => x.client === 'anthropic-sdk')).toMatchObject({ status: 'ready', reason: 'all 1 check that name it passed' });
    expect(r.find((x) => x.client === 'vercel-ai-sdk')).toMatchObject({ status: 'not-assessed', checks: 0 });
  });

  it('not assessed when no check names it, or none was judged (preflight stopped the run)', () => {
    const r = clientReadiness([c('anthropic-messages/a/x', 'must', 'skip', ['claude-code'], { skipKind: 'not-run' })], ['anthropic-messages']);
    expect(r.find((x) => x.client === 'claude-code')).toMatchObject({ status: 'not-assessed', reason: 'none of its 1 check was judged (not-run)' });
    expect(r.find((x) => x.client === 'langchain')).toMatchObject({ status: 'not-assessed', reason: 'no check of this run names it' });
  });

  it('names at most three deciding checks in its reason', () => {
    const checks = Array.from({ length: 5 }, (_, i) => c(`anthropic-messages/a/x${i}`, 'must', 'fail', ['claude-code']));
    const r = clientReadiness(checks, ['anthropic-messages']).find((x) => x.client === 'claude-code')!;
    expect(r.reason).toBe('5 must checks failed: anthropic-messages/a/x0, anthropic-messages/a/x1, anthropic-messages/a/x2 and 2 more');
    expect(r.failed).toHaveLength(5);
  });
});
