import { describe, expect, it } from 'vitest';
import { jsonReply, mapJson, type RewriteHooks, type SeenRequest, withRequestJson } from '../harness/mutant.ts';
import type { CheckResult } from '../harness/runner.ts';
import { resultsAgainst } from '../test-support.ts';
import { openaiChatSuite as suite } from './index.ts';

/**
 * The verdict model against targets nobody here would call conformant or broken on purpose: a
 * gateway whose streaming fails, a stub with a short fixed reply, an Anthropic-first gateway, a
 * target without embeddings or logprobs, a model that never calls tools (a server answering HTML
 * is in ../verdicts.test.ts, for every suite). One bug must read as one failure (or a few, one
 * per distinct exchange), and a check must never pass without having seen its subject.
 */
const runAgainst = (hooks: RewriteHooks) => resultsAgainst(suite, hooks);

const short = (name: string) => name.replace('openai-chat/', '');
const failedIds = (results: readonly CheckResult[]) => results.filter((r) => r.status === 'fail').map((r) => short(r.id));
const result = (results: readonly CheckResult[], id: string) => results.find((r) => r.id === `openai-chat/${id}`);
const openaiError = (status: number, message: string) => jsonReply(status, { error: { message, type: 'server_error', param: null, code: null } });
const isChat = (r: SeenRequest) => r.url.pathname === '/v1/chat/completions';

describe('one bug, one failure', () => {
  it('a gateway answering 500 to every stream: one root for the streams, one for the invalid streaming request', async () => {
    const results = await runAgainst({ request: (r) => (r.json?.stream === true ? openaiError(500, 'upstream stream failed') : r) });
    expect(failedIds(results).sort()).toEqual(['errors/stream-bad-request', 'stream/content-type']);
    const blocked = results.filter((r) => r.skipKind === 'blocked');
    expect(blocked.length).toBeGreaterThanOrEqual(20);
    for (const r of blocked) expect(failedIds(results)).toContain(short(r.blockedBy ?? ''));
    const root = result(results, 'stream/content-type')!;
    expect(root.message).toContain('HTTP 500 server_error: upstream stream failed');
    expect(root.evidence?.exchange).toMatchObject({ method: 'POST', status: 500 });
    expect(root.evidence?.exchange?.requestBody).toContain('"stream":true');
    expect(root.evidence?.hints.join(' ')).toContain('failed internally');
  });

  it('an Anthropic error envelope everywhere: one failure, named as such, with a hint', async () => {
    const results = await runAgainst({
      reply: (reply) => (reply.status >= 400 ? mapJson(reply, (j) => ({ type: 'error', error: { type: (j.error as { type: string }).type, message: (j.error as { message: string }).message } })) : reply),
    });
    expect(failedIds(results).filter((id) => id.startsWith('errors/') || id.startsWith('models/'))).toEqual(['errors/bad-request-envelope']);
    const root = result(results, 'errors/bad-request-envelope')!;
    expect(root.message).toContain("Anthropic's error envelope");
    expect(root.evidence?.hints.join(' ')).toContain('on an OpenAI route');
    for (const id of ['errors/missing-api-key', 'errors/unknown-model', 'errors/invalid-json', 'models/retrieve-unknown']) {
      expect(result(results, id), id).toMatchObject({ status: 'skip', blockedBy: 'openai-chat/errors/bad-request-envelope' });
    }
  });

  it('a missing /v1/models: one failure, every other models check blocked', async () => {
    const results = await runAgainst({ request: (r) => (r.url.pathname.startsWith('/v1/models') ? jsonReply(404, { error: { message: 'Not Found', type: 'invalid_request_error', param: null, code: null } }) : r) });
    expect(failedIds(results)).toEqual(['models/list-shape']);
    const models = results.filter((r) => r.id.includes('/models/') && !r.id.endsWith('list-shape'));
    expect(models.map((r) => [short(r.id), r.skipKind, r.blockedBy])).toEqual(models.map((r) => [short(r.id), 'blocked', 'openai-chat/models/list-shape']));
    expect(result(results, 'models/list-shape')?.evidence?.hints.join(' ')).toContain('does not serve /v1/models');
  });

  it('a model that answers forced tools with text: a few failures, the rest blocked or not observed', async () => {
    const results = await runAgainst({ request: (r) => (isChat(r) && r.json?.tool_choice !== undefined ? withRequestJson(r, { ...r.json, tool_choice: 'auto' }) : r) });
    expect(failedIds(results).sort()).toEqual(['tools/named-tool-call', 'tools/required-tool-call', 'tools/stream-tool-call-deltas']);
    for (const id of ['tools/stream-arguments-json', 'tools/stream-finish-reason', 'tools/sdk-final-completion']) expect(result(results, id)?.skipKind, id).toBe('blocked');
    expect(result(results, 'tools/parallel-calls')).toMatchObject({ status: 'skip', skipKind: 'not-observed' });
  });
});

describe('hints name the usual mix-ups', () => {
  const hintsOf = (results: readonly CheckResult[], id: string) => result(results, id)?.evidence?.hints.join(' ') ?? '';

  it("Anthropic's end_turn leaking into finish_reason, and a stream without [DONE]", async () => {
    const results = await runAgainst({
      reply: (reply) => ({ ...reply, body: reply.body.replace(/"finish_reason":"stop"/g, '"finish_reason":"end_turn"').replace(/data: \[DONE\]\n\n/g, '') }),
    });
    expect(hintsOf(results, 'stop/natural-stop')).toContain("another protocol's stop reason");
    expect(hintsOf(results, 'stream/done-sentinel')).toContain('end with the frame data: [DONE]');
  });

  it('a Responses body on the chat route', async () => {
    const results = await runAgainst({
      reply: (reply, r) =>
        isChat(r) && r.json?.stream !== true && reply.status === 200
          ? jsonReply(200, { id: 'resp_1', object: 'response', status: 'completed', output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'alpha' }] }] })
          : reply,
    });
    expect(hintsOf(results, 'basic/response-schema')).toContain('OpenAI Responses body');
  });
});

describe('a check looks at its subject only when it was observed', () => {
  it('a stub with a short fixed reply that ignores budgets and stop sequences fails no stop check', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (!isChat(r) || !Array.isArray(r.json?.messages) || r.json.messages.length === 0) return r;
        // The stub ignores the budget, the stop sequences, tools and formats: it always says "Hi there!".
        const { stop: _s, max_tokens: _m, max_completion_tokens: _c, tools: _t, tool_choice: _tc, response_format: _f, ...rest } = r.json;
        return withRequestJson(r, { ...rest, messages: [{ role: 'user', content: 'Hi there!' }] });
      },
    });
    const judged = results.filter((r) => r.id.includes('/stop/'));
    expect(judged.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    for (const id of ['stop/length', 'stop/length-stream', 'stop/max-completion-tokens']) {
      expect(result(results, id), id).toMatchObject({ status: 'skip', skipKind: 'not-observed' });
      expect(result(results, id)?.message).toContain('so the budget was not exercised');
    }
    expect(result(results, 'stop/stop-sequence')?.message).toContain('never reached the stop sequence');
    expect(result(results, 'stop/stop-sequence-stream')).toMatchObject({ status: 'skip', skipKind: 'not-observed' });
    expect(result(results, 'stop/natural-stop')?.status).toBe('pass');
  });

  it('a target without embeddings or logprobs skips their checks as capability-absent', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (r.url.pathname === '/v1/embeddings') return jsonReply(404, { error: { message: 'Invalid URL (POST /v1/embeddings)', type: 'invalid_request_error', param: null, code: null } });
        if (r.json?.logprobs === true) return jsonReply(400, { error: { message: 'logprobs is not supported', type: 'invalid_request_error', param: 'logprobs', code: null } });
        return r;
      },
    });
    const optional = results.filter((r) => /\/(embeddings|logprobs)\//.test(r.id));
    expect(optional).toHaveLength(7);
    for (const r of optional) expect([short(r.id), r.status, r.skipKind]).toEqual([short(r.id), 'skip', 'capability-absent']);
    expect(failedIds(results)).toEqual([]);
  });

  it('logprobs accepted but dropped fail a must check once the capability is offered', async () => {
    const results = await runAgainst({ reply: (reply, r) => (r.json?.logprobs === true ? mapJson(reply, (j) => ({ ...j, choices: (j.choices as object[]).map((c) => ({ ...c, logprobs: null })) })) : reply) });
    expect(result(results, 'logprobs/non-stream')).toMatchObject({ status: 'fail', level: 'must' });
    expect(result(results, 'logprobs/stream-matches-non-stream')).toMatchObject({ status: 'skip', blockedBy: 'openai-chat/logprobs/non-stream' });
  });
});
