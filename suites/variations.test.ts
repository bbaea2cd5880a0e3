import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetch, createMockServer, type NodeHttpServer, readWireBody, type RequestHandlerLike, serveNodeHttp, type WireChunk } from '../mock-server/index.ts';
import { runSuite } from './harness/run-suite.ts';
import { resolveTarget } from './harness/target.ts';
import { varyHandler, type VariationContext } from './harness/variation.ts';
import { GENERIC_VARIATIONS } from './harness/variations.ts';
import type { ProtocolSuite } from './harness/suite.ts';
import { SUITES } from './index.ts';

const suites = Object.values(SUITES);

/**
 * Every check of `suite` against the mock behind `variation`; the ones that did not pass, except
 * those the suite declares its official client cannot read under that variation (`clientLimits`).
 */
async function notPassing(suite: ProtocolSuite, fetchFn: typeof fetch, baseUrl = 'http://variant.invalid', variation?: string): Promise<string[]> {
  const run = await runSuite(suite, suite.checks, resolveTarget({ baseUrl, fetch: fetchFn, timeoutMs: 10_000 }, suite.defaultModel), { concurrency: 8 });
  if (!run.preflight.ok) return [`preflight: ${run.preflight.message}`];
  const limited = new Set((suite.clientLimits ?? []).filter((l) => variation !== undefined && l.variations.includes(variation)).flatMap((l) => l.checks));
  return run.results.filter((r) => r.status !== 'pass' && !limited.has(r.id)).map((r) => `${r.id} (${r.status}): ${r.message}`);
}

/** A handler that hands every reply it passes on (headers and body text) to `seen`, unchanged. */
function tap(inner: RequestHandlerLike, seen: string[]): RequestHandlerLike {
  return {
    async handle(request) {
      const reply = await inner.handle(request);
      if (typeof reply.body === 'string') {
        seen.push(`${JSON.stringify(reply.headers)}\n${reply.body}`);
        return reply;
      }
      const chunks: WireChunk[] = [];
      for await (const chunk of reply.body) chunks.push(chunk);
      seen.push(`${JSON.stringify(reply.headers)}\n${chunks.length}\n${await readWireBody({ ...reply, body: chunks })}`);
      return { ...reply, body: chunks };
    },
  };
}

/**
 * The variant-server test: every suite against the reference mock with one spec-valid variation
 * at a time (CRLF, comments, split writes, unknown fields and event types…). Everything the specs
 * and vendor docs allow must pass: a failure here is a false failure of ours.
 */
describe.each(suites.map((s) => [s.protocol, s] as const))('%s suite against spec-valid variations of the mock', (_protocol, suite) => {
  const variations = [...GENERIC_VARIATIONS, ...(suite.variations ?? [])];
  const context: VariationContext = { opaqueKeys: new Set(suite.opaqueKeys ?? []) };
  const mock = createMockServer();

  it('has unique variation ids', () => {
    expect(new Set(variations.map((v) => v.id)).size).toBe(variations.length);
  });

  it('declares client limits only on its own checks and known variations', () => {
    const checks = new Set(suite.checks.map((c) => c.id));
    const ids = new Set(variations.map((v) => v.id));
    for (const limit of suite.clientLimits ?? []) {
      for (const id of limit.checks) expect(checks.has(id), id).toBe(true);
      for (const id of limit.variations) expect(ids.has(id), id).toBe(true);
    }
  });

  it.each(variations.map((v) => [v.id, v] as const))('passes every check with %s', async (_id, variation) => {
    const plain: string[] = [];
    const varied: string[] = [];
    const handler = tap(varyHandler(tap(mock, plain), variation, context), varied);
    expect(await notPassing(suite, createFetch(handler), undefined, variation.id)).toEqual([]);
    // A variation that changes nothing would prove nothing.
    expect(varied.some((reply) => !plain.includes(reply)), 'the variation changed no reply').toBe(true);
  });

  describe('over node:http (real socket writes)', () => {
    let server: NodeHttpServer;
    const split = GENERIC_VARIATIONS.find((v) => v.id === 'split-writes')!;
    beforeAll(async () => {
      server = await serveNodeHttp(varyHandler(mock, split, context));
    });
    afterAll(() => server.close());

    it('passes every check with frames split across writes', async () => {
      expect(await notPassing(suite, globalThis.fetch.bind(globalThis), server.url)).toEqual([]);
    });
  });
});
