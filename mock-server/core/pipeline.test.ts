import { describe, expect, it } from 'vitest';
import { createMockServer, type MockServerOptions } from '../create-mock-server.ts';
import { anthropicMessages } from '../protocols/anthropic-messages/index.ts';
import { anthropicRequest, expectAnthropicError, messageBody, toolBody, ANTHROPIC_HEADERS } from '../test-support.ts';
import type { LifecycleEvents } from './lifecycle.ts';
import type { MockRequest } from '../../wire/wire-request.ts';
import type { OperationHandler, OperationReply, ProtocolAdapter } from './protocol-adapter.ts';

/** The Anthropic adapter with createMessage replaced by `handler`. */
function withCreateMessage(handler: OperationHandler): ProtocolAdapter {
  return { ...anthropicMessages, operations: { ...anthropicMessages.operations, createMessage: handler } };
}

const realCreate = anthropicMessages.operations.createMessage as OperationHandler;

/** A mock bug: a Message with OpenAI's stop reason, or a stream that never ends. */
const broken = withCreateMessage(async (call): Promise<OperationReply> => {
  const reply = await realCreate(call);
  if (reply.kind === 'json') return { ...reply, body: { ...(reply.body as object), stop_reason: 'stop' } };
  return { ...reply, events: reply.events.filter((e) => e.type !== 'message_stop') };
});

function serverWithEvents(options: MockServerOptions = {}) {
  const mock = createMockServer(options);
  const seen: { [K in keyof LifecycleEvents]: LifecycleEvents[K][] } = { 'request:start': [], 'request:end': [], violation: [], error: [] };
  for (const type of Object.keys(seen) as (keyof LifecycleEvents)[]) mock.on(type, (payload) => (seen[type] as unknown[]).push(payload));
  return { mock, seen };
}

describe('output validation', () => {
  it('throw: a reply that breaks the spec answers the protocol’s 500 and emits violation', async () => {
    const { mock, seen } = serverWithEvents({ protocols: [broken], validateOutput: 'throw' });
    const res = await mock.fetch(anthropicRequest(messageBody()));
    expect(res.headers.get('x-should-retry')).toBe('false');
    await expectAnthropicError(res, 500, 'api_error', 'Internal server error');
    expect(seen.violation).toHaveLength(1);
    expect(seen.violation[0]).toMatchObject({ operationId: 'createMessage', requestId: res.headers.get('request-id') });
    expect(seen.violation[0]?.diagnostics[0]?.field).toBe('stop_reason');
    expect(seen.error).toHaveLength(1);
  });

  it('report: answers the broken reply as is, and emits violation', async () => {
    const { mock, seen } = serverWithEvents({ protocols: [broken], validateOutput: 'report' });
    const res = await mock.fetch(anthropicRequest(messageBody()));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { stop_reason: string }).stop_reason).toBe('stop');
    expect(seen.violation.map((v) => v.diagnostics[0]?.field)).toEqual(['stop_reason']);
    expect(seen.error).toEqual([]);
  });

  it('report is the default, and checks streams against the grammar', async () => {
    const { mock, seen } = serverWithEvents({ protocols: [broken] });
    const res = await mock.fetch(anthropicRequest(messageBody('hi', { stream: true })));
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('message_stop');
    expect(seen.violation).toHaveLength(1);
    expect(seen.violation[0]?.diagnostics.length).toBeGreaterThan(0);
  });

  it('off: emits nothing', async () => {
    const { mock, seen } = serverWithEvents({ protocols: [broken], validateOutput: 'off' });
    expect((await mock.fetch(anthropicRequest(messageBody()))).status).toBe(200);
    expect((await mock.fetch(anthropicRequest(messageBody('x', { stream: true })))).status).toBe(200);
    expect(seen.violation).toEqual([]);
  });

  it('reports a forced tool input the mock could not make valid (streamed or not)', async () => {
    const { mock, seen } = serverWithEvents();
    // A pattern its maxLength makes impossible: no generator satisfies it.
    const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$', maxLength: 4 } }, required: ['code'] };
    expect((await mock.fetch(anthropicRequest(toolBody(schema)))).status).toBe(200);
    await (await mock.fetch(anthropicRequest(toolBody(schema, { stream: true })))).text();
    expect(seen.violation.map((v) => v.diagnostics[0]?.message)).toEqual([
      expect.stringContaining("could not build an input that satisfies get_weather's input_schema"),
      expect.stringContaining("could not build an input that satisfies get_weather's input_schema"),
    ]);
  });

  it('the reference adapter emits no violation for a mix of requests', async () => {
    const { mock, seen } = serverWithEvents({ validateOutput: 'throw' });
    for (const body of [messageBody(), messageBody('x', { stream: true }), messageBody('x', { max_tokens: 0, stream: true }), { model: 'nope' }]) {
      await (await mock.fetch(anthropicRequest(body))).text();
    }
    expect(seen.violation).toEqual([]);
    expect(seen.error).toEqual([]);
  });
});

describe('unexpected exceptions', () => {
  const failing = withCreateMessage(() => {
    throw new TypeError('boom');
  });

  it('become a 500 api_error with x-should-retry: false and an error event', async () => {
    const { mock, seen } = serverWithEvents({ protocols: [failing] });
    const res = await mock.fetch(anthropicRequest(messageBody()));
    expect(res.headers.get('x-should-retry')).toBe('false');
    await expectAnthropicError(res, 500, 'api_error', 'Internal server error');
    expect(seen.error).toHaveLength(1);
    expect(seen.error[0]?.error).toBeInstanceOf(TypeError);
    expect(seen.error[0]?.requestId).toBe(res.headers.get('request-id'));
    expect(seen['request:end'][0]).toMatchObject({ status: 500, protocol: 'anthropic-messages', operationId: 'createMessage' });
  });

  it('a protocol error thrown on purpose is not an error event', async () => {
    const { mock, seen } = serverWithEvents({});
    await expectAnthropicError(await mock.fetch(anthropicRequest(messageBody('x', { model: 'nope' }))), 404, 'not_found_error', 'model: nope');
    expect(seen.error).toEqual([]);
  });
});

describe('lifecycle events', () => {
  it('request:start and request:end share the request id; unsubscribing stops delivery', async () => {
    const { mock, seen } = serverWithEvents({});
    const res = await mock.fetch(anthropicRequest(messageBody()));
    const requestId = res.headers.get('request-id');
    expect(seen['request:start']).toEqual([{ requestId, method: 'POST', url: 'http://mock.test/v1/messages' }]);
    expect(seen['request:end']).toEqual([
      { requestId, method: 'POST', url: 'http://mock.test/v1/messages', status: 200, protocol: 'anthropic-messages', operationId: 'createMessage', durationMs: expect.any(Number) },
    ]);
    const got: string[] = [];
    const off = mock.on('request:end', (e) => got.push(e.requestId));
    off();
    await mock.fetch(anthropicRequest(messageBody()));
    expect(got).toEqual([]);
  });
});

/** A transport-neutral request, as the node transport builds it (path-only url). */
function rawRequest(method: string, url: string, readBody: () => Promise<string>, signal?: AbortSignal): MockRequest {
  const headers: Record<string, string> = { ...ANTHROPIC_HEADERS };
  return { method, url, header: (n) => headers[n], headers: () => headers, readBody, ...(signal ? { signal } : {}) };
}

describe('transport-neutral requests', () => {
  it('routes a path-only url; `//x` is a path, not a host (it must not reach GET /)', async () => {
    const { mock } = serverWithEvents({});
    expect((await mock.handle(rawRequest('GET', '/', async () => ''))).status).toBe(200);
    expect((await mock.handle(rawRequest('GET', '/v1/models', async () => ''))).status).toBe(200);
    for (const url of ['//x', '//v1/models', '//']) {
      expect((await mock.handle(rawRequest('GET', url, async () => ''))).status, url).toBe(404);
    }
  });

  it('a client that goes away mid-body is a 400, not a mock error', async () => {
    const { mock, seen } = serverWithEvents({});
    const controller = new AbortController();
    controller.abort();
    const reply = await mock.handle(rawRequest('POST', '/v1/messages', () => Promise.reject(new Error('aborted')), controller.signal));
    expect(reply.status).toBe(400);
    expect(seen.error).toEqual([]);
  });

  it('a body read that fails otherwise is still reported as an error', async () => {
    const { mock, seen } = serverWithEvents({});
    const reply = await mock.handle(rawRequest('POST', '/v1/messages', () => Promise.reject(new Error('disk on fire'))));
    expect(reply.status).toBe(500);
    expect(seen.error).toHaveLength(1);
  });
});
