import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type LifecycleEvents, type NodeHttpServer, serveNodeHttp } from '../mock-server/index.ts';
import { areaOf } from './harness/check.ts';
import { type SuiteRun, runSuite } from './harness/run-suite.ts';
import { resolveTarget } from './harness/target.ts';
import { SUITES } from './index.ts';

const suites = Object.values(SUITES);

/**
 * The self-run: every registered suite against the reference mock over node:http, preflight
 * included. Every check passes: no skip (the mock offers every capability), no failure.
 */
describe.each(suites.map((s) => [s.protocol, s] as const))('%s suite against the reference mock', (_protocol, suite) => {
  let server: NodeHttpServer;
  let run: SuiteRun;
  const violations: LifecycleEvents['violation'][] = [];
  const errors: unknown[] = [];

  beforeAll(async () => {
    const mock = createMockServer({ validateOutput: 'throw' });
    mock.on('violation', (v) => violations.push(v));
    mock.on('error', (e) => errors.push(e.error));
    server = await serveNodeHttp(mock);
    run = await runSuite(suite, suite.checks, resolveTarget({ baseUrl: server.url, timeoutMs: 10_000 }, suite.defaultModel));
  });
  afterAll(() => server.close());

  it('has well-formed, unique check ids, each in the file of its area', () => {
    const ids = suite.checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${suite.protocol}/[a-z0-9-]+/[a-z0-9-]+$`));
    for (const area of new Set(ids.map(areaOf))) expect(existsSync(new URL(`./${suite.protocol}/checks/${area}.ts`, import.meta.url)), `checks/${area}.ts`).toBe(true);
  });

  it('declares shared exchanges with unique ids, each owned by one of its checks', () => {
    const exchanges = suite.exchanges ?? [];
    const ids = new Set(suite.checks.map((c) => c.id));
    expect(new Set(exchanges.map((e) => e.id)).size).toBe(exchanges.length);
    for (const exchange of exchanges) expect(ids.has(exchange.owner), `${exchange.id} is owned by ${exchange.owner}`).toBe(true);
  });

  it('passes the preflight', () => {
    expect(run.preflight).toMatchObject({ ok: true });
  });

  it.each(suite.checks.map((c) => c.id))('%s passes', (id) => {
    const result = run.results.find((r) => r.id === id);
    expect(result, 'no result').toBeDefined();
    expect({ status: result?.status, message: result?.message }).toEqual({ status: 'pass', message: '' });
  });

  it('never broke its own spec and never failed internally', () => {
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
