import { describe, expect, it } from 'vitest';
import { SUITES } from './index.ts';
import { runAgainstTarget } from './test-support.ts';

const suites = Object.values(SUITES);

/**
 * Verdicts every suite owes whatever its protocol: a check never passes without having seen its
 * subject. (Each protocol's own odd targets are in `<protocol>/verdicts.test.ts`.)
 */
describe.each(suites.map((s) => [s.protocol, s] as const))('%s verdicts against odd targets', (_protocol, suite) => {
  it('a server answering an HTML page to everything passes nothing, and says it is HTML', async () => {
    const html = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><html><body>Welcome to nginx!</body></html>' };
    const { preflight, results } = await runAgainstTarget(suite, { request: (r) => (r.method === 'HEAD' ? r : html) });
    expect(preflight.ok, JSON.stringify(preflight)).toBe(true);
    expect(results.filter((r) => r.status === 'pass').map((r) => r.id)).toEqual([]);
    expect(results.filter((r) => r.internalError !== undefined).map((r) => r.id)).toEqual([]);
    expect(results.filter((r) => r.status === 'fail').length).toBeGreaterThan(0);
    expect(results.find((r) => r.status === 'fail')?.evidence?.hints.join(' ')).toContain('HTML page');
  });
});
