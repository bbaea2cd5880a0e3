import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../mock-server/index.ts';
import { isStream, jsonReply, type RewriteHooks, withRequestJson } from '../harness/mutant.ts';
import type { CheckResult } from '../harness/runner.ts';
import { resultsAgainst, runAgainstTarget } from '../test-support.ts';
import { openaiResponsesSuite as suite } from './index.ts';

/**
 * The verdict model against targets nobody here would call conformant or broken on purpose: a
 * gateway whose streaming fails, a gateway that numbers every event 0, a stub with a short fixed
 * reply, a model that does not reason, errors in another protocol's envelope, a Chat Completions
 * server behind /v1/responses (a server answering HTML is in ../verdicts.test.ts, for every
 * suite). One bug must read as one failure (or a few, one per distinct exchange), and a check
 * must never pass without having seen its subject.
 */
const runAgainst = (hooks: RewriteHooks, model?: string) => resultsAgainst(suite, hooks, model);

const short = (name: string) => name.replace('openai-responses/', '');
const failedIds = (results: readonly CheckResult[]) => results.filter((r) => r.status === 'fail').map((r) => short(r.id));
const result = (results: readonly CheckResult[], id: string) => results.find((r) => r.id === `openai-responses/${id}`);
const serverError = (message: string) => jsonReply(500, { error: { message, type: 'server_error', param: null, code: null } });

describe('one bug, one failure', () => {
  it('a gateway answering 500 to every stream: one root failure per distinct stream exchange, the rest blocked', async () => {
    const results = await runAgainst({ request: (r) => (r.json?.stream === true ? serverError('upstream stream failed') : r) });
    // The distinct streamed exchanges: text, tool, Accept: application/json, max_output_tokens, the
    // invalid one. The SDK's streams and every event check are blocked by the raw text and tool ones.
    expect(failedIds(results).sort()).toEqual(['errors/stream-bad-request', 'incomplete/stream', 'stream/chosen-by-body', 'stream/content-type', 'tools/stream-item-added']);
    const blocked = results.filter((r) => r.skipKind === 'blocked');
    expect(blocked.length).toBeGreaterThanOrEqual(15);
    for (const r of blocked) expect(failedIds(results)).toContain(short(r.blockedBy ?? ''));
    const root = result(results, 'stream/content-type')!;
    expect(root.message).toContain('HTTP 500 server_error: upstream stream failed');
    expect(root.evidence?.exchange).toMatchObject({ method: 'POST', status: 500 });
    expect(root.evidence?.exchange?.requestBody).toContain('"stream":true');
  });

  it('a gateway numbering every event 0: one failure, with the strict clients named in a hint', async () => {
    const results = await runAgainst({ reply: (reply) => (isStream(reply) ? { ...reply, body: reply.body.replace(/"sequence_number":\d+/g, '"sequence_number":0') } : reply) });
    expect(failedIds(results)).toEqual(['events/sequence-numbers']);
    const failure = result(results, 'events/sequence-numbers')!;
    expect(failure.message).toContain('has sequence_number 0, expected 1');
    expect(failure.evidence?.hints.join(' ')).toContain('serde');
  });

  it("errors in Anthropic's envelope everywhere: one failure, named as such, with a hint", async () => {
    const results = await runAgainst({
      reply: (reply) => {
        if (reply.status < 400 || isStream(reply)) return reply;
        const body = JSON.parse(reply.body) as { error: { message: string } };
        return jsonReply(reply.status, { type: 'error', error: { type: 'invalid_request_error', message: body.error.message } });
      },
    });
    expect(failedIds(results)).toEqual(['errors/bad-request-envelope']);
    const root = result(results, 'errors/bad-request-envelope')!;
    expect(root.message).toContain("Anthropic's error envelope");
    expect(root.evidence?.hints.join(' ')).toContain('{error:{message, type, param, code}}');
    for (const id of ['errors/invalid-json', 'errors/unknown-model', 'state/unknown-previous-response', 'state/store-false']) {
      expect(result(results, id), id).toMatchObject({ status: 'skip', skipKind: 'blocked', blockedBy: 'openai-responses/errors/bad-request-envelope' });
    }
  });

  it('a Chat Completions stream behind /v1/responses: the stream checks fail with the mix-up named', async () => {
    const chat = ['{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"}}]}', '[DONE]']
      .map((data) => `data: ${data}\n\n`)
      .join('');
    const results = await runAgainst({ request: (r) => (r.json?.stream === true && typeof r.json.input !== 'number' ? { status: 200, headers: { 'content-type': 'text/event-stream' }, body: chat } : r) });
    const vocabulary = result(results, 'stream/known-event-types')!;
    expect(vocabulary).toMatchObject({ status: 'fail', level: 'must' });
    expect(vocabulary.message).toContain('an OpenAI Chat Completions chunk');
    expect(vocabulary.evidence?.hints.join(' ')).toContain('Chat Completions reply');
    expect(result(results, 'events/event-order')?.status).toBe('fail');
    expect(result(results, 'stream/no-done-sentinel')).toMatchObject({ status: 'skip', blockedBy: 'openai-responses/events/event-order' });
  });
});

describe('a check looks at its subject only when it was observed', () => {
  it('a stub with a short fixed reply that ignores the budget fails no incomplete check', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (r.method !== 'POST' || r.url.pathname !== '/v1/responses' || typeof r.json?.input !== 'string') return r;
        // The stub ignores the budget and never reasons: it always says "Hi there!".
        const { max_output_tokens: _budget, reasoning: _reasoning, ...rest } = r.json;
        return withRequestJson(r, { ...rest, input: 'Hi there!', reasoning: { effort: 'none' } });
      },
    });
    for (const id of ['incomplete/max-output-tokens', 'incomplete/stream']) {
      expect(result(results, id), id).toMatchObject({ status: 'skip', skipKind: 'not-observed' });
      expect(result(results, id)?.message).toContain('so max_output_tokens was not exercised');
    }
    expect(result(results, 'basic/completed-message')?.status).toBe('pass');
  });

  it('a model that does not reason skips the reasoning checks as capability-absent, and passes the rest', async () => {
    const results = await runAgainst({}, 'gpt-4.1');
    expect(results.filter((r) => r.status !== 'pass').map((r) => [short(r.id), r.skipKind])).toEqual([
      ['reasoning/item-shape', 'capability-absent'],
      ['reasoning/encrypted-round-trip', 'capability-absent'],
    ]);
  });

  it('a target without the optional endpoints and modes skips their checks, whatever their level', async () => {
    const refused = (message: string) => jsonReply(400, { error: { message, type: 'invalid_request_error', param: null, code: null } });
    const results = await runAgainst({
      request: (r) => {
        if (r.url.pathname === '/v1/responses/input_tokens') return jsonReply(404, { error: { message: 'Invalid URL (POST /v1/responses/input_tokens)', type: 'invalid_request_error', param: null, code: null } });
        if (r.json?.background === true) return refused("Unsupported parameter: 'background'.");
        if (r.json?.text !== undefined) return refused("Unsupported parameter: 'text.format'.");
        return r;
      },
    });
    const skipped = results.filter((r) => r.status !== 'pass').map((r) => [short(r.id), r.status, r.skipKind]);
    expect(skipped).toEqual([
      ['input-tokens/count', 'skip', 'capability-absent'],
      ['input-tokens/matches-usage', 'skip', 'capability-absent'],
      ['structured-output/json-schema', 'skip', 'capability-absent'],
      ['background/poll', 'skip', 'capability-absent'],
      ['background/cancel', 'skip', 'capability-absent'],
    ]);
  });
});

describe('preflight: misconfiguration is one message, not a verdict', () => {
  const preflight = (options: { apiKey?: string; model?: string }) => {
    const keyed = createMockServer({ apiKeys: ['sk-the-right-key-0000'] });
    return runAgainstTarget(suite, {}, { server: keyed, apiKey: 'sk-the-right-key-0000', ...options });
  };

  it('a rejected Bearer key stops the run with one message that does not show the key', async () => {
    const run = await preflight({ apiKey: 'sk-a-wrong-key-11111' });
    expect(run.preflight).toMatchObject({ ok: false, problem: 'auth' });
    expect(JSON.stringify(run.preflight)).not.toContain('sk-a-wrong-key-11111');
    expect(run.results.every((r) => r.skipKind === 'not-run')).toBe(true);
  });

  it('a model the target does not serve stops the run, naming the models it lists', async () => {
    const run = await preflight({ model: 'nonexistent-model-9' });
    expect(run.preflight).toMatchObject({ ok: false, problem: 'model' });
    expect(run.preflight.ok ? '' : run.preflight.message).toMatch(/does not serve model nonexistent-model-9 .*it lists: .*gpt-5\.4-mini/);
  });
});
