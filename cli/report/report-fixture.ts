import { defineCheck, type Check, type CheckLevel } from '../../suites/harness/check.ts';
import type { ClientId } from '../../suites/harness/clients.ts';
import type { Evidence } from '../../suites/harness/evidence.ts';
import type { CheckResult } from '../../suites/harness/runner.ts';
import { buildReport, type JsonReport, type PreflightEntry } from './json-report.ts';

/**
 * Test support for the report writers (not shipped): a hand-made run over two protocols with a
 * must failure that blocks another check, a should failure, a capability skip, passes, and
 * target text that attacks every output format.
 */

/** What a hostile target sends: markup, a CDATA end, terminal escapes, NUL/BEL, a bidi override, a lone surrogate, fences, pipes. */
export const HOSTILE = "<script>window.__pwned=1</script></textarea><img src=x onerror=\"window.__pwned=2\">]]><![CDATA[ & \"q\" 'a' `tick` ```fence |pipe| \u001b[31mRED\u001b[0m\u001b]0;title\u0007\u0000 \u202Eevil\ud800 <!-- -->";

export const FIXTURE_EXPECTED = 'message_delta, then message_stop';
export const FIXTURE_ACTUAL = `events: message_start, content_block_delta ×3 ${HOSTILE}`;

function check(id: string, level: CheckLevel, clients: ClientId[] = [], tags: string[] = []): Check {
  return defineCheck({ id, protocol: id.split('/')[0] as Check['protocol'], level, description: `asserts ${id}`, spec: `https://docs.example.com/${id}`, clients, tags, run: async () => {} });
}

export const FIXTURE_CHECKS: readonly Check[] = [
  check('anthropic-messages/basic/sdk-create', 'must', ['anthropic-sdk', 'claude-code'], ['sdk']),
  check('anthropic-messages/stream/event-order', 'must', ['claude-code', 'vercel-ai-sdk'], ['streaming']),
  check('anthropic-messages/stream/no-done-sentinel', 'must', ['anthropic-sdk'], ['streaming']),
  check('anthropic-messages/errors/request-id', 'should', ['langchain']),
  check('anthropic-messages/thinking/signature', 'must', ['langchain'], ['thinking']),
  check('openai-chat/basic/create', 'must', ['openai-sdk']),
  check('openai-chat/stream/done-sentinel', 'should', ['openai-sdk']),
];

const evidence = (hostile: string): Evidence => ({
  expected: FIXTURE_EXPECTED,
  actual: FIXTURE_ACTUAL,
  hints: [`a hint about ${hostile}`],
  exchange: {
    method: 'POST',
    url: 'http://127.0.0.1:4010/v1/messages',
    requestHeaders: { 'x-api-key': '[redacted]', 'content-type': 'application/json' },
    requestBody: '{"model":"claude-haiku-4-5","stream":true}',
    status: 200,
    responseHeaders: { 'content-type': 'text/event-stream', 'x-echo': 'ok' },
    responseBody: `event: message_start\r\ndata: {"type":"message_start"}\r\n\r\n${hostile}\n`,
    responseBytes: 4242,
    truncated: true,
    durationMs: 12,
  },
});

function result(c: Check, status: CheckResult['status'], message: string, extra: Partial<CheckResult> = {}): CheckResult {
  return { id: c.id, protocol: c.protocol, level: c.level, status, message, durationMs: 7, description: c.description, spec: c.spec, ...extra };
}

/** The hand-made run's results, in registry order. */
export function fixtureResults(hostile = HOSTILE): CheckResult[] {
  const [sdkCreate, eventOrder, noDone, requestId, signature, chatCreate, chatDone] = FIXTURE_CHECKS as [Check, Check, Check, Check, Check, Check, Check];
  return [
    result(sdkCreate, 'pass', ''),
    result(eventOrder, 'fail', `the stream ended without message_stop ${hostile}`, { evidence: evidence(hostile) }),
    result(noDone, 'skip', `blocked by ${eventOrder.id} (the text stream)`, { skipKind: 'blocked', blockedBy: eventOrder.id }),
    result(requestId, 'fail', 'no request-id header', { evidence: { hints: [], expected: 'a request-id header', actual: '(none)' } }),
    result(signature, 'skip', 'the target does not offer extended thinking', { skipKind: 'capability-absent' }),
    result(chatCreate, 'pass', ''),
    result(chatDone, 'pass', ''),
  ];
}

/** The hand-made run as a report (fixed dates and versions, so outputs are stable). */
export function fixtureReport(options: { hostile?: string; results?: CheckResult[]; preflight?: PreflightEntry[] } = {}): JsonReport {
  return buildReport({
    baseUrl: 'http://127.0.0.1:4010',
    protocols: ['anthropic-messages', 'openai-chat'],
    embedded: false,
    model: undefined,
    models: { 'anthropic-messages': 'claude-haiku-4-5', 'openai-chat': 'gpt-4o-mini' },
    headers: { 'x-route': 'eu' },
    startedAt: new Date('2026-11-22T01:00:00.000Z'),
    durationMs: 1234,
    preflight: options.preflight ?? [
      { protocol: 'anthropic-messages', ok: true, notes: [] },
      { protocol: 'openai-chat', ok: true, notes: [] },
    ],
    results: options.results ?? fixtureResults(options.hostile),
    checks: FIXTURE_CHECKS,
    environment: { node: 'v22.23.3', platform: 'linux-x64', sdks: { openai: '7.59.0', '@anthropic-ai/sdk': '1.14.0', '@google/genai': '3.3.0' } },
  });
}
