import { describe, expect, it } from 'vitest';
import { clone, isStream, jsonReply, type RewriteHooks, withRequestJson } from '../harness/mutant.ts';
import type { CheckResult } from '../harness/runner.ts';
import { resultsAgainst, runAgainstTarget } from '../test-support.ts';
import { geminiSuite as suite } from './index.ts';
import { editResponses, methodOf } from './mutant-kit.ts';

/**
 * The verdict model against odd Gemini targets: a gateway whose streams all fail, a stub with a
 * short fixed reply, OpenAI's envelope or body shapes on Gemini routes, a gateway that drops
 * alt=sse, a model that does not sign (a server answering HTML is in ../verdicts.test.ts, for
 * every suite). One bug must read as one failure (or a few, one per distinct exchange), and a
 * check must never pass without having seen its subject.
 */
const runAgainst = (hooks: RewriteHooks) => resultsAgainst(suite, hooks);

const preflightAgainst = (hooks: RewriteHooks, model?: string) => runAgainstTarget(suite, hooks, { checks: 1, ...(model ? { model } : {}) });

const short = (name: string) => name.replace('gemini/', '');
const failed = (results: readonly CheckResult[]) => results.filter((r) => r.status === 'fail').map((r) => short(r.id));
const result = (results: readonly CheckResult[], name: string) => results.find((r) => r.id === `gemini/${name}`);
const googleError = (status: number, rpc: string, message: string) => jsonReply(status, { error: { code: status, message, status: rpc } });

describe('one bug, one failure', () => {
  it('a gateway answering 500 to every stream: one root per distinct stream form, the rest blocked', async () => {
    const results = await runAgainst({ request: (r) => (methodOf(r) === 'streamGenerateContent' ? googleError(500, 'INTERNAL', 'upstream stream failed') : r) });
    // The SSE stream, the JSON-array form (another route shape) and the invalid streaming request
    // (which must answer 400, not 500): every other stream is attributed to the SSE root.
    expect(failed(results).sort()).toEqual(['errors/stream-bad-request', 'stream/content-type', 'stream/json-array']);
    const blocked = results.filter((r) => r.skipKind === 'blocked');
    expect(blocked.length).toBeGreaterThanOrEqual(10);
    for (const r of blocked) expect(results.filter((f) => f.status === 'fail').map((f) => f.id)).toContain(r.blockedBy);
    const root = result(results, 'stream/content-type')!;
    expect(root.message).toContain('HTTP 500 INTERNAL: upstream stream failed');
    expect(root.evidence?.exchange).toMatchObject({ method: 'POST', status: 500 });
  });

  it("OpenAI's error envelope everywhere: one failure, named as such, with a hint", async () => {
    const results = await runAgainst({
      reply: (reply) => {
        if (reply.status < 400) return reply;
        const body = JSON.parse(reply.body) as { error: { message: string } };
        return jsonReply(reply.status, { error: { message: body.error.message, type: 'invalid_request_error', param: null, code: null } });
      },
    });
    expect(failed(results).filter((id) => /^(errors|models|auth|thinking)\//.test(id))).toEqual(['errors/bad-request-envelope']);
    const root = result(results, 'errors/bad-request-envelope')!;
    expect(root.message).toContain("OpenAI's error envelope");
    expect(root.message).not.toContain('required');
    expect(root.evidence?.hints.join(' ')).toContain('on a Gemini route');
    for (const name of ['errors/unknown-model', 'errors/invalid-json', 'auth/missing-key', 'models/get-unknown', 'thinking/tampered-signature']) {
      expect(result(results, name), name).toMatchObject({ status: 'skip', skipKind: 'blocked', blockedBy: 'gemini/errors/bad-request-envelope' });
    }
  });

  it('an OpenAI Chat body on every :generateContent: one failure, named, with a hint', async () => {
    const results = await runAgainst({
      reply: (reply, r) =>
        methodOf(r) === 'generateContent' && reply.status === 200
          ? jsonReply(200, { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'alpha bêta gämma' }, finish_reason: 'stop' }] })
          : reply,
    });
    expect(failed(results)).toEqual(['basic/response-schema']);
    const root = result(results, 'basic/response-schema')!;
    expect(root.message).toContain('the reply is an OpenAI Chat Completions body, not a GenerateContentResponse');
    expect(root.evidence?.hints.join(' ')).toContain('OpenAI Chat Completions body');
    // The SDK read the same body: its checks are blocked by the raw reply's root.
    for (const name of ['basic/sdk-generate', 'basic/sdk-v1beta', 'tools/function-call', 'structured/response-schema', 'stop/max-tokens']) {
      expect(result(results, name), name).toMatchObject({ status: 'skip', skipKind: 'blocked', blockedBy: 'gemini/basic/response-schema' });
    }
  });

  it('a gateway that drops alt=sse: the stream root fails with the hint, the other stream checks are blocked', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (!r.url.searchParams.has('alt')) return r;
        const url = new URL(r.url);
        url.searchParams.delete('alt');
        return { ...r, url };
      },
    });
    expect(failed(results)).toContain('stream/content-type');
    expect(failed(results).filter((id) => id.startsWith('usage/') || id.startsWith('thinking/'))).toEqual([]);
    const root = result(results, 'stream/content-type')!;
    expect(root.evidence?.hints.join(' ')).toContain('JSON array to alt=sse');
    expect(result(results, 'stream/json-array')?.status).toBe('pass');
  });
});

describe('hints name the usual mix-ups', () => {
  it('[DONE] on a Gemini stream, counts as strings, a JSON array without alt=sse turned into SSE', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (methodOf(r) !== 'streamGenerateContent' || r.url.searchParams.has('alt')) return r;
        const url = new URL(r.url);
        url.searchParams.set('alt', 'sse');
        return { ...r, url };
      },
      reply: (reply, r) => {
        if (isStream(reply)) return { ...reply, body: `${reply.body}data: [DONE]\n\n` };
        if (methodOf(r) !== 'generateContent') return reply;
        return editResponses(reply, (response) => {
          const usage = response.usageMetadata as Record<string, unknown>;
          usage.promptTokenCount = String(usage.promptTokenCount);
        });
      },
    });
    const hints = (name: string) => result(results, name)?.evidence?.hints.join(' ') ?? '';
    expect(hints('stream/no-done-sentinel')).toContain('data: [DONE] ends OpenAI Chat streams');
    expect(hints('basic/response-schema')).toContain('proto3 JSON writes int64 as strings');
    expect(hints('stream/json-array')).toContain('without alt=sse the API streams one JSON array');
  });
});

describe('a check looks at its subject only when it was observed', () => {
  it('a stub with a short fixed reply fails no max-tokens or stop-sequence check: they are skipped with the reason', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (!/generateContent$|streamGenerateContent$/i.test(methodOf(r)) || !Array.isArray(r.json?.contents)) return r;
        // The stub ignores the budget, stop sequences and tools, never thinks, and always says "Hi there!".
        const { tools: _t, toolConfig: _c, ...rest } = r.json;
        return withRequestJson(r, { ...rest, contents: [{ role: 'user', parts: [{ text: 'Hi there!' }] }], generationConfig: { thinkingConfig: { thinkingBudget: 0 } } });
      },
    });
    for (const name of ['stop/max-tokens', 'stop/max-tokens-stream', 'stop/stop-sequence']) {
      expect(result(results, name), name).toMatchObject({ status: 'skip', skipKind: 'not-observed' });
    }
    expect(result(results, 'stop/max-tokens')?.message).toContain('so maxOutputTokens was not exercised');
    expect(result(results, 'stop/stop-sequence')?.message).toContain('never produced the stop sequence');
    expect(result(results, 'stop/finish-stop')?.status).toBe('pass');
    expect(result(results, 'thinking/signature')).toMatchObject({ status: 'skip' });
  });

  it('a model that does not sign: the signature checks skip as capability-absent, function calling still judged', async () => {
    const results = await runAgainst({
      reply: (reply) =>
        editResponses(reply, (response) => {
          for (const candidate of (response.candidates ?? []) as { content?: { parts?: Record<string, unknown>[] } }[]) for (const part of candidate.content?.parts ?? []) delete part.thoughtSignature;
        }),
    });
    for (const name of ['thinking/signature', 'thinking/stream-signature', 'thinking/tampered-signature']) {
      expect(result(results, name), name).toMatchObject({ status: 'skip', skipKind: 'capability-absent' });
    }
    expect(failed(results)).toEqual([]);
    expect(result(results, 'tools/function-response-turn')?.status).toBe('pass');
  });

  it('a signature that only the stream loses fails a must check once the capability is offered', async () => {
    const results = await runAgainst({
      reply: (reply) => (isStream(reply) ? { ...clone(reply), body: reply.body.replace(/,"thoughtSignature": "[^"]*"/g, '') } : reply),
    });
    expect(result(results, 'thinking/stream-signature')).toMatchObject({ status: 'fail', level: 'must' });
  });
});

describe('preflight', () => {
  it('a key rejected in x-goog-api-key and in ?key=: one auth problem, no check run', async () => {
    const run = await preflightAgainst({ request: (r) => (r.method === 'HEAD' ? r : googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.')) });
    expect(run.preflight).toMatchObject({ ok: false, problem: 'auth' });
    expect(!run.preflight.ok && run.preflight.message).toContain('x-goog-api-key and ?key=');
    expect(run.results.map((r) => r.skipKind)).toEqual(['not-run']);
  });

  it('a target that takes only ?key=: the run goes on with it, and says so', async () => {
    const run = await preflightAgainst({ request: (r) => (r.headers['x-goog-api-key'] && !r.url.searchParams.has('key') ? googleError(403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers") : r) });
    expect(run.preflight).toMatchObject({ ok: true, target: { authScheme: 'query-key' }, notes: [expect.stringContaining('only ?key= is accepted')] });
  });

  it('an unknown model: one model problem naming the models the target lists', async () => {
    const run = await preflightAgainst({}, 'nope-model-1');
    expect(run.preflight).toMatchObject({ ok: false, problem: 'model' });
    expect(!run.preflight.ok && run.preflight.message).toMatch(/does not serve model nope-model-1 \(HTTP 404 NOT_FOUND: models\/nope-model-1 is not found.*\); it lists: claude-.*gemini-.*\. Choose one with --model/);
  });
});
