import { describe, expect, it } from 'vitest';
import { jsonReply, type RewriteHooks, withRequestJson } from '../harness/mutant.ts';
import type { CheckResult } from '../harness/runner.ts';
import { withoutEventLines } from '../harness/sse-mutations.ts';
import { resultsAgainst } from '../test-support.ts';
import { anthropicMessagesSuite as suite } from './index.ts';

/**
 * The verdict model against targets nobody here would call conformant or broken on purpose:
 * a gateway whose streaming fails, a missing endpoint, a model that never calls tools, a stub
 * with a short fixed reply (a server answering HTML is in ../verdicts.test.ts, for every suite).
 * One bug must read as one failure (or a few, one per distinct exchange), and a check must never
 * pass without having seen its subject.
 */
const runAgainst = (hooks: RewriteHooks) => resultsAgainst(suite, hooks);

const failedIds = (results: readonly CheckResult[]) => results.filter((r) => r.status === 'fail').map((r) => r.id);
const error = (status: number, type: string, message: string) => jsonReply(status, { type: 'error', error: { type, message } }, { 'request-id': 'req_x' });
const short = (name: string) => name.replace('anthropic-messages/', '');

describe('one bug, one failure', () => {
  it('a gateway answering 500 to every stream: one root failure per distinct stream exchange, the rest blocked', async () => {
    const results = await runAgainst({ request: (r) => (r.json?.stream === true ? error(500, 'api_error', 'upstream stream failed') : r) });
    const failed = failedIds(results).map(short);
    // The distinct streamed exchanges: text, tool, max_tokens, stop sequence, thinking, Accept:
    // application/json, the invalid one, web search, structured output. The SDK's streams are
    // blocked by the raw text and tool ones.
    expect(failed.sort()).toEqual(
      [
        'stream/content-type',
        'tools/stream-block-start',
        'stop/max-tokens-stream',
        'stop/stop-sequence-stream',
        'thinking/stream-signature-delta',
        'stream/chosen-by-body',
        'errors/stream-bad-request',
        'server-tools/web-search-stream',
        'structured-output/json-schema-stream',
      ].sort(),
    );
    const blocked = results.filter((r) => r.skipKind === 'blocked');
    expect(blocked.length).toBeGreaterThanOrEqual(10);
    for (const r of blocked) expect(failedIds(results)).toContain(r.blockedBy);
    const root = results.find((r) => r.id.endsWith('stream/content-type'))!;
    expect(root.message).toContain('HTTP 500 api_error: upstream stream failed');
    expect(root.evidence?.exchange).toMatchObject({ method: 'POST', status: 500 });
    expect(root.evidence?.exchange?.requestBody).toContain('"stream":true');
  });

  it('a missing /v1/models: one failure, every other models check blocked', async () => {
    const results = await runAgainst({ request: (r) => (r.url.pathname.startsWith('/v1/models') ? error(404, 'not_found_error', 'Not Found') : r) });
    expect(failedIds(results).map(short)).toEqual(['models/list-shape']);
    const models = results.filter((r) => r.id.includes('/models/') && !r.id.endsWith('list-shape'));
    expect(models.map((r) => [short(r.id), r.skipKind, r.blockedBy])).toEqual(models.map((r) => [short(r.id), 'blocked', 'anthropic-messages/models/list-shape']));
    expect(results.find((r) => r.id.endsWith('list-shape'))?.evidence?.hints.join(' ')).toContain('does not serve /v1/models');
  });

  it('a model that answers forced tools with text: a few failures, the rest blocked', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (!r.json?.tools) return r;
        const { tools: _t, tool_choice: _c, ...rest } = r.json;
        return withRequestJson(r, rest);
      },
    });
    // The forced web search answered with text too: one failure, the streamed and usage checks blocked.
    expect(failedIds(results).map(short).sort()).toEqual(['server-tools/web-search', 'tools/any-tool-use', 'tools/forced-tool-use', 'tools/stream-block-start']);
    expect(results.filter((r) => r.id.includes('/server-tools/') && r.status === 'skip').map((r) => r.blockedBy)).toEqual([
      'anthropic-messages/server-tools/web-search',
      'anthropic-messages/server-tools/web-search',
    ]);
    const tools = results.filter((r) => r.id.includes('/tools/') && r.status === 'skip');
    expect(tools.length).toBeGreaterThanOrEqual(4);
    for (const r of tools) expect(r.skipKind).toBe('blocked');
  });

  it('an OpenAI error envelope everywhere: one failure, named as such, with a hint', async () => {
    const results = await runAgainst({
      reply: (reply) => {
        if (reply.status < 400) return reply;
        const body = JSON.parse(reply.body) as { error: { message: string; type: string } };
        return jsonReply(reply.status, { error: { message: body.error.message, type: body.error.type, param: null, code: null } }, { 'x-request-id': 'req_1' });
      },
    });
    expect(failedIds(results).map(short).filter((id) => id.startsWith('errors/') || id.startsWith('models/'))).toEqual(['errors/bad-request-envelope']);
    const root = results.find((r) => r.id.endsWith('errors/bad-request-envelope'))!;
    expect(root.message).toContain("OpenAI's error envelope");
    expect(root.message).not.toContain('Field required');
    expect(root.evidence?.hints.join(' ')).toContain('x-request-id');
  });

  it('streams without event: lines: one failure, the SDK checks that read them blocked by it', async () => {
    const results = await runAgainst({ reply: withoutEventLines });
    expect(failedIds(results).map(short)).toEqual(['stream/event-line-matches-type']);
    const sdk = results.filter((r) => ['stream/sdk-events', 'stream/sdk-final-message', 'tools/sdk-final-message'].includes(short(r.id)));
    expect(sdk.map((r) => [short(r.id), r.skipKind, r.blockedBy])).toEqual(sdk.map((r) => [short(r.id), 'blocked', 'anthropic-messages/stream/event-line-matches-type']));
    expect(sdk).toHaveLength(3);
  });
});

describe('a check looks at its subject only when it was observed', () => {
  it('a stub with a short fixed reply that never contains the stop sequence fails no stop or thinking check', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (r.url.pathname !== '/v1/messages' || !Array.isArray(r.json?.messages) || typeof r.json.max_tokens !== 'number') return r;
        // The stub ignores the budget, the stop sequences, thinking and tools: it always says "Hi there!".
        const { thinking: _t, tools: _o, tool_choice: _c, ...rest } = r.json;
        return withRequestJson(r, { ...rest, max_tokens: 4096, messages: [{ role: 'user', content: 'Hi there!' }] });
      },
    });
    const judged = results.filter((r) => /\/(stop|thinking)\//.test(r.id));
    expect(judged.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    const skipped = (id: string) => results.find((r) => r.id === `anthropic-messages/${id}`);
    expect(skipped('stop/max-tokens')).toMatchObject({ status: 'skip', skipKind: 'not-observed' });
    expect(skipped('stop/max-tokens')?.message).toContain('so max_tokens was not exercised');
    expect(skipped('stop/stop-sequence-stream')?.message).toContain('never produced the stop sequence');
    for (const id of ['thinking/signature', 'thinking/round-trip', 'thinking/tampered-signature', 'thinking/budget-validation']) {
      expect(skipped(id), id).toMatchObject({ status: 'skip', skipKind: 'capability-absent' });
    }
    expect(skipped('stop/end-turn')?.status).toBe('pass');
  });

  it('a target without web search or structured output (a clean 400): their checks skip as capability-absent', async () => {
    const results = await runAgainst({
      request: (r) => {
        const tools = Array.isArray(r.json?.tools) ? (r.json.tools as { type?: string }[]) : [];
        if (tools.some((t) => t.type?.startsWith('web_search_'))) return error(400, 'invalid_request_error', 'tools.0: Input tag \'web_search_20250305\' found using \'type\' does not match any of the expected tags');
        return r.json?.output_config ? error(400, 'invalid_request_error', 'output_config.format: structured outputs are not supported for this model') : r;
      },
    });
    const optional = results.filter((r) => /\/(server-tools|structured-output)\//.test(r.id));
    expect(optional.map((r) => [short(r.id), r.status, r.skipKind])).toEqual(optional.map((r) => [short(r.id), 'skip', 'capability-absent']));
    expect(optional.find((r) => r.id.endsWith('server-tools/web-search'))?.message).toContain('does not offer the web_search_20250305 server tool');
    expect(failedIds(results)).toEqual([]);
  });

  it('a gateway that accepts server tools and output_config but drops them: one failure each, with a hint', async () => {
    const results = await runAgainst({
      request: (r) => {
        if (!r.json || r.url.pathname !== '/v1/messages') return r;
        const { output_config: _format, ...rest } = r.json;
        const tools = Array.isArray(rest.tools) ? (rest.tools as { type?: string }[]) : [];
        if (!tools.some((t) => t.type?.startsWith('web_search_'))) return withRequestJson(r, rest);
        const { tools: _t, tool_choice: _c, ...plain } = rest;
        return withRequestJson(r, plain);
      },
    });
    expect(failedIds(results).map(short).sort()).toEqual(['server-tools/web-search', 'structured-output/json-schema', 'structured-output/json-schema-stream']);
    const blocked = results.filter((r) => r.id.includes('/server-tools/web-search-'));
    expect(blocked.map((r) => [r.skipKind, r.blockedBy])).toEqual(blocked.map(() => ['blocked', 'anthropic-messages/server-tools/web-search']));
    const hints = (id: string) => results.find((r) => r.id.endsWith(id))?.evidence?.hints.join(' ') ?? '';
    expect(hints('server-tools/web-search')).toContain('drop Anthropic-defined tools');
    expect(hints('structured-output/json-schema')).toContain('output_config.format was accepted but not applied');
  });

  it('thinking blocks without signatures fail a must check once the capability is offered', async () => {
    const results = await runAgainst({
      reply: (reply) => (reply.body.includes('"signature"') && !reply.headers['content-type']?.startsWith('text/event-stream') ? { ...reply, body: reply.body.replace(/"signature":"[^"]*"/g, '"signature":""') } : reply),
    });
    expect(results.find((r) => r.id.endsWith('thinking/signature'))).toMatchObject({ status: 'fail', level: 'must' });
    expect(results.find((r) => r.id.endsWith('thinking/round-trip'))).toMatchObject({ status: 'skip', blockedBy: 'anthropic-messages/thinking/signature' });
  });
});
