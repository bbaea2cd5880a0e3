import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../suites/harness/check.ts';
import { rawExchange } from '../../suites/harness/http.ts';
import { defineMutant, jsonReply } from '../../suites/harness/mutant.ts';
import { okJson } from '../../suites/harness/replies.ts';
import type { ProtocolSuite } from '../../suites/harness/suite.ts';
import { EXIT } from '../exit-codes.ts';
import { selfTestCommand } from './self-test.ts';

/** A one-check suite: GET /v1/models answers 200 JSON. */
const check = defineCheck({
  id: 'anthropic-messages/models/answers',
  protocol: 'anthropic-messages',
  level: 'must',
  description: 'GET /v1/models answers 200 JSON',
  spec: 'https://example.com',
  async run(ctx) {
    okJson(await rawExchange(ctx.target, { path: '/v1/models', headers: { 'x-api-key': ctx.target.apiKey, 'anthropic-version': '2023-06-01' } }), 'the model list');
  },
});
const models = (path: string) => path.startsWith('/v1/models');
const broken = defineMutant({ id: 'models-500', description: 'GET /v1/models answers 500.', breaks: [check.id], reply: (reply, request) => (models(request.url.pathname) ? jsonReply(500, { error: 'boom' }) : reply) });
const harmless = defineMutant({ id: 'models-extra-header', description: 'An extra header (spec-valid).', breaks: [check.id], reply: (reply) => ({ ...reply, headers: { ...reply.headers, 'x-extra': '1' } }) });
const suite = (mutants: ProtocolSuite['mutants']): ProtocolSuite => ({ protocol: 'anthropic-messages', defaultModel: 'claude-haiku-4-5', checks: [check], mutants });

async function selfTest(suites: readonly ProtocolSuite[]) {
  let out = '';
  const code = await selfTestCommand([], { stdout: (t) => void (out += t), suites });
  return { code, out };
}

describe('llm-conformance self-test', () => {
  it('prints each mutant with the checks it fails and `mutants detected N/N` (exit 0)', async () => {
    const { code, out } = await selfTest([suite([broken])]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^✓ anthropic-messages {2}models-500 +fails {2}1 check\(s\), names 1$/m);
    expect(out).toContain('mutants detected 1/1');
    expect(out).toContain('checks failed by a mutant that names them: 1/1');
  });

  it('a mutant that fails none of the checks it names is missed: K/N below N/N, exit 1', async () => {
    const { code, out } = await selfTest([suite([broken, harmless])]);
    expect(code).toBe(EXIT.failed);
    expect(out).toContain(`✗ anthropic-messages  models-extra-header`);
    expect(out).toContain(`NOT failed: ${check.id}`);
    expect(out).toContain('mutants detected 1/2');
  });

  it('prints its usage', async () => {
    let out = '';
    expect(await selfTestCommand(['--help'], { stdout: (t) => void (out += t) })).toBe(EXIT.ok);
    expect(out).toContain('Usage: llm-conformance self-test');
  });
});
