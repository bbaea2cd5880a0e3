import { describe, expect, it } from 'vitest';
import { validateReport } from '../../test/cli-helpers.ts';
import { fixtureReport } from './report-fixture.ts';

describe('the JSON report', () => {
  const report = fixtureReport();

  it('validates against report.schema.json, with the additive fields of issue 11', () => {
    expect(validateReport(report)).toEqual([]);
    expect(validateReport({ ...report, readiness: [{ ...report.readiness[0], status: 'maybe' }] })).not.toEqual([]);
    expect(validateReport({ ...report, environment: { sdks: {} } })).not.toEqual([]);
  });

  it('gives each check the clients and tags of its definition', () => {
    expect(report.checks.find((c) => c.id === 'anthropic-messages/stream/event-order')).toMatchObject({ clients: ['claude-code', 'vercel-ai-sdk'], tags: ['streaming'] });
  });

  it('states when it ended, what it ran on, and the readiness of each client of its protocols', () => {
    expect(report.finishedAt).toBe('2026-11-22T01:00:01.234Z');
    expect(report.environment.sdks['@anthropic-ai/sdk']).toBe('1.14.0');
    expect(report.readiness.map((r) => [r.client, r.status])).toEqual([
      ['openai-sdk', 'ready'],
      // Its must check no-done-sentinel was blocked by the failed event-order: the stream it needs is broken.
      ['anthropic-sdk', 'not-ready'],
      ['claude-code', 'not-ready'],
      ['vercel-ai-sdk', 'not-ready'],
      ['langchain', 'ready-with-limitations'],
    ]);
  });
});
