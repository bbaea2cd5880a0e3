import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mock-server/create-mock-server.ts';
import type { LifecycleEvents } from '../../mock-server/core/lifecycle.ts';
import { type NodeHttpServer, serveNodeHttp } from '../../mock-server/transports/node-http.ts';
import { type CheckResult, runChecks } from '../harness/runner.ts';
import { resolveTarget } from '../harness/target.ts';
import { anthropicMessagesSuite } from './index.ts';

const { checks, defaultModel } = anthropicMessagesSuite;

describe('anthropic-messages suite against the reference mock over node:http', () => {
  let server: NodeHttpServer;
  let results: CheckResult[] = [];
  const violations: LifecycleEvents['violation'][] = [];
  const errors: unknown[] = [];

  beforeAll(async () => {
    const mock = createMockServer({ validateOutput: 'throw' });
    mock.on('violation', (v) => violations.push(v));
    mock.on('error', (e) => errors.push(e.error));
    server = await serveNodeHttp(mock);
    results = await runChecks(checks, resolveTarget({ baseUrl: server.url, timeoutMs: 10_000 }, defaultModel));
  });
  afterAll(() => server.close());

  it('has at least 40 checks, with unique, well-formed ids', () => {
    const ids = checks.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^anthropic-messages\/[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it.each(checks.map((c) => c.id))('%s passes', (id) => {
    const result = results.find((r) => r.id === id);
    expect(result, 'no result').toBeDefined();
    expect({ status: result?.status, message: result?.message }).toEqual({ status: 'pass', message: '' });
  });

  it('never broke its own spec and never failed internally', () => {
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
