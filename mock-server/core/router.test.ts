import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { anthropicMessages } from '../protocols/anthropic-messages/index.ts';
import { fromWebRequest } from '../../wire/wire-request.ts';
import { readOperations } from './openapi-operations.ts';
import type { ProtocolAdapter } from './protocol-adapter.ts';
import { Router } from './router.ts';

function route(router: Router, method: string, path: string, headers: Record<string, string> = {}) {
  const request = fromWebRequest(new Request(`http://mock.test${path}`, { method, headers }));
  return router.match(request, new URL(request.url));
}

const router = new Router([anthropicMessages]);

describe('Router: routes come from the OpenAPI document', () => {
  it('has exactly the operations of the spec', () => {
    const fromSpec = Object.entries(anthropicMessages.spec.openapi.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item ?? {}).flatMap(([method, op]) => (op && typeof op === 'object' && 'operationId' in op ? [`${method.toUpperCase()} ${path} ${String(op.operationId)}`] : [])),
    );
    expect(router.operations.map((o) => `${o.method} ${o.path} ${o.operationId}`).sort()).toEqual(fromSpec.sort());
  });

  it('every operationId of the spec has a handler', () => {
    for (const operation of readOperations(anthropicMessages)) {
      expect(typeof anthropicMessages.operations[operation.operationId], operation.operationId).toBe('function');
    }
  });

  it('refuses an adapter that lacks a handler, and an empty adapter list', () => {
    const { createMessage: _dropped, ...rest } = anthropicMessages.operations;
    expect(() => new Router([{ ...anthropicMessages, operations: rest }])).toThrow(/no handler for operation "createMessage"/);
    expect(() => new Router([])).toThrow(/no protocol is enabled/);
  });
});

describe('Router.match', () => {
  it('matches static paths', () => {
    const m = route(router, 'POST', '/v1/messages?beta=true');
    expect(m.kind === 'operation' && m.operation.operationId).toBe('createMessage');
    expect(m.kind === 'operation' && m.pathParams).toEqual({});
  });

  it('matches templated paths and decodes their parameters', () => {
    const m = route(router, 'GET', '/v1/models/claude-sonnet-4-6');
    expect(m.kind === 'operation' && [m.operation.operationId, m.pathParams]).toEqual(['getModel', { model_id: 'claude-sonnet-4-6' }]);
    const encoded = route(router, 'GET', '/v1/models/a%20b%2Fc');
    expect(encoded.kind === 'operation' && encoded.pathParams).toEqual({ model_id: 'a b/c' });
    const malformed = route(router, 'GET', '/v1/models/%E0%A4%A');
    expect(malformed.kind === 'operation' && malformed.pathParams).toEqual({ model_id: '%E0%A4%A' });
  });

  it('prefers the static path over a template that also matches', () => {
    const m = route(router, 'GET', '/v1/models');
    expect(m.kind === 'operation' && m.operation.operationId).toBe('listModels');
  });

  it('treats HEAD as GET', () => {
    const m = route(router, 'HEAD', '/v1/models/claude-sonnet-4-6');
    expect(m.kind === 'operation' && m.operation.operationId).toBe('getModel');
  });

  it('tells "method not allowed" from "not found"', () => {
    expect(route(router, 'GET', '/v1/messages').kind).toBe('method-not-allowed');
    expect(route(router, 'DELETE', '/v1/models/x').kind).toBe('method-not-allowed');
    expect(route(router, 'HEAD', '/v1/messages').kind).toBe('method-not-allowed');
    for (const path of ['/v1/nope', '/v1/models/a/b', '/v1/messages/', '/V1/messages', '/']) {
      expect(route(router, 'POST', path).kind, path).toBe('not-found');
    }
  });
});

describe('Router: several protocols on one route', () => {
  const other: ProtocolAdapter = {
    ...anthropicMessages,
    spec: { ...anthropicMessages.spec, openapi: { ...anthropicMessages.spec.openapi } as OpenAPIV3_1.Document },
    claims: (request) => request.header('x-other') !== undefined,
  };
  const shared = new Router([anthropicMessages, other]);

  it('gives the request to the protocol that claims it, else to the first', () => {
    const mine = route(shared, 'GET', '/v1/models', { 'x-other': '1' });
    expect(mine.kind === 'operation' && mine.operation.adapter).toBe(other);
    const anthropic = route(shared, 'GET', '/v1/models', { 'anthropic-version': '2023-06-01' });
    expect(anthropic.kind === 'operation' && anthropic.operation.adapter).toBe(anthropicMessages);
    const nobody = route(shared, 'GET', '/v1/models', { authorization: 'Bearer k' });
    expect(nobody.kind === 'operation' && nobody.operation.adapter).toBe(anthropicMessages);
  });

  it('picks the error envelope of the claiming protocol for unknown routes', () => {
    const m = route(shared, 'GET', '/nope', { 'x-other': '1' });
    expect(m.kind === 'not-found' && m.adapter).toBe(other);
  });
});

describe('Router: templates', () => {
  /** An adapter serving the given GET/POST paths (operation ids are `<method> <path>`). */
  function serving(paths: Record<string, 'get' | 'post'>, claims: ProtocolAdapter['claims'] = () => false): ProtocolAdapter {
    const entries = Object.entries(paths).map(([path, method]) => [path, { [method]: { operationId: `${method} ${path}`, responses: {} } }]);
    const operations = Object.fromEntries(Object.entries(paths).map(([path, method]) => [`${method} ${path}`, () => ({ kind: 'json' as const, body: {} })]));
    return {
      ...anthropicMessages,
      spec: { ...anthropicMessages.spec, openapi: { ...anthropicMessages.spec.openapi, paths: Object.fromEntries(entries) } as OpenAPIV3_1.Document },
      operations,
      claims,
    };
  }

  it('tries the most specific template first, whatever the declaration order', () => {
    const generic = serving({ '/v1/models/{model_id}': 'get' });
    const gemini = serving({ '/v1/models/{model}:generateContent': 'post', '/v1/models/{model}': 'get' });
    const router = new Router([generic, gemini]);
    const m = route(router, 'POST', '/v1/models/gemini-2.5-flash:generateContent');
    expect(m.kind === 'operation' && [m.operation.operationId, m.pathParams]).toEqual(['post /v1/models/{model}:generateContent', { model: 'gemini-2.5-flash' }]);
    // The specific template owns its paths: another method there is "not allowed", not the generic GET.
    expect(route(router, 'GET', '/v1/models/gemini-2.5-flash:generateContent').kind).toBe('method-not-allowed');
    const plain = route(router, 'GET', '/v1/models/gemini-2.5-flash');
    expect(plain.kind === 'operation' && plain.operation.adapter).toBe(generic);
  });

  it('shares templates that differ only in parameter names; each operation reads its own names', () => {
    const first = serving({ '/v1/models/{model_id}': 'get' });
    const second = serving({ '/v1/models/{model}': 'get' }, (request) => request.header('x-goog-api-key') !== undefined);
    const router = new Router([first, second]);
    const byDefault = route(router, 'GET', '/v1/models/m1');
    expect(byDefault.kind === 'operation' && [byDefault.operation.adapter, byDefault.pathParams]).toEqual([first, { model_id: 'm1' }]);
    const claimed = route(router, 'GET', '/v1/models/m1', { 'x-goog-api-key': 'k' });
    expect(claimed.kind === 'operation' && [claimed.operation.adapter, claimed.pathParams]).toEqual([second, { model: 'm1' }]);
    expect(router.operations).toHaveLength(2);
  });
});

describe('Router: the protocol of an unknown route', () => {
  // A stand-in for an OpenAI adapter: claims Bearer callers of its own paths, answers the unclaimed.
  const openaiLike: ProtocolAdapter = {
    ...anthropicMessages,
    spec: { ...anthropicMessages.spec, openapi: { ...anthropicMessages.spec.openapi, paths: {} } as OpenAPIV3_1.Document },
    operations: {},
    claims: (_request, url) => url.pathname.startsWith('/v1/chat/'),
    fallback: true,
  };
  const both = new Router([anthropicMessages, openaiLike]);
  const unknown = (path: string, headers: Record<string, string> = {}) => {
    const m = route(both, 'POST', path, headers);
    return m.kind === 'not-found' ? m.adapter : undefined;
  };

  it('goes to the protocol the credentials belong to', () => {
    expect(unknown('/v1/nope', { 'anthropic-version': '2023-06-01', authorization: 'Bearer k' })).toBe(anthropicMessages);
    expect(unknown('/v1/nope', { 'x-api-key': 'k' })).toBe(anthropicMessages);
  });

  it('goes to the protocol the path belongs to', () => {
    expect(unknown('/v1/messages/batches', { authorization: 'Bearer k' })).toBe(anthropicMessages);
    expect(unknown('/v1/complete')).toBe(anthropicMessages);
    expect(unknown('/v1/chat/nope', { authorization: 'Bearer k' })).toBe(openaiLike);
  });

  it('without a protocol signal, goes to the fallback adapter (OpenAI), else to the first', () => {
    expect(unknown('/v1/nope', { authorization: 'Bearer k' })).toBe(openaiLike);
    expect(unknown('/nope')).toBe(openaiLike);
    expect(route(router, 'POST', '/nope').kind === 'not-found' && route(router, 'POST', '/nope')).toMatchObject({ adapter: anthropicMessages });
  });

  it('lists what the server serves, once each, in registry order', () => {
    expect(both.served).toEqual(['POST /v1/messages', 'POST /v1/messages/count_tokens', 'GET /v1/models', 'GET /v1/models/{model_id}']);
  });
});
