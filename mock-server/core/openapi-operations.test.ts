import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { ANTHROPIC_SCHEMA_IDS as ids } from '../../specs/anthropic-messages/index.ts';
import { anthropicMessages } from '../protocols/anthropic-messages/index.ts';
import { readOperations } from './openapi-operations.ts';
import type { ProtocolAdapter } from './protocol-adapter.ts';

/** The Anthropic adapter with another OpenAPI document. */
function withDoc(doc: unknown): ProtocolAdapter {
  return { ...anthropicMessages, spec: { ...anthropicMessages.spec, openapi: doc as OpenAPIV3_1.Document } };
}

const minimal = (operation: Record<string, unknown>, components: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths: { '/x': { get: { responses: {}, ...operation } } },
  components,
});

describe('readOperations (Anthropic OpenAPI document)', () => {
  const operations = readOperations(anthropicMessages);
  const byId = Object.fromEntries(operations.map((o) => [o.operationId, o]));

  it('reads every operation with its method and path', () => {
    expect(operations.map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual([
      'POST /v1/messages createMessage',
      'POST /v1/messages/count_tokens countTokens',
      'GET /v1/models listModels',
      'GET /v1/models/{model_id} getModel',
    ]);
  });

  it('resolves parameter $refs, lower-cases header names and marks path parameters required', () => {
    const params = byId.getModel?.parameters.map((p) => [p.in, p.name, p.required]);
    expect(params).toEqual([
      ['header', 'anthropic-version', true],
      ['header', 'anthropic-beta', false],
      ['query', 'beta', false],
      ['path', 'model_id', true],
    ]);
    expect(byId.listModels?.parameters.find((p) => p.name === 'limit')?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
  });

  it('reads the security alternatives: x-api-key OR bearer', () => {
    expect(byId.createMessage?.security).toEqual([[{ kind: 'header', name: 'x-api-key' }], [{ kind: 'bearer' }]]);
  });

  it('points at the request, response and stream event schemas by $id', () => {
    expect(byId.createMessage?.requestSchema).toBe(ids.createMessageRequest);
    expect(byId.countTokens?.requestSchema).toBe(ids.countTokensRequest);
    expect(byId.listModels?.requestSchema).toBeUndefined();
    expect(byId.createMessage?.responseSchema(200)).toBe(ids.message);
    expect(byId.createMessage?.streamEventSchema).toBe(ids.streamEvent);
    expect(byId.countTokens?.streamEventSchema).toBeUndefined();
    expect(byId.getModel?.responseSchema(200)).toBe(ids.modelInfo);
  });

  it('maps error statuses through the 4XX / 5XX ranges, and unknown ones to nothing', () => {
    for (const status of [400, 401, 404, 413, 429, 500, 529]) expect(byId.createMessage?.responseSchema(status), String(status)).toBe(ids.errorResponse);
    expect(byId.createMessage?.responseSchema(201)).toBeUndefined();
    expect(byId.createMessage?.responseSchema(302)).toBeUndefined();
  });
});

describe('readOperations: documents it cannot serve', () => {
  it('refuses an operation without operationId', () => {
    expect(() => readOperations(withDoc(minimal({})))).toThrow(/GET \/x: it has no operationId/);
  });

  it('refuses cookie parameters', () => {
    expect(() => readOperations(withDoc(minimal({ operationId: 'x', parameters: [{ name: 'c', in: 'cookie' }] })))).toThrow(/only header, query and path/);
  });

  it('refuses security schemes other than apiKey and bearer', () => {
    const doc = minimal({ operationId: 'x', security: [{ oauth: [] }] }, { securitySchemes: { oauth: { type: 'oauth2', flows: {} } } });
    expect(() => readOperations(withDoc(doc))).toThrow(/security scheme "oauth"/);
  });

  it('refuses a $ref that does not resolve', () => {
    expect(() => readOperations(withDoc(minimal({ operationId: 'x', parameters: [{ $ref: '#/components/parameters/Nope' }] })))).toThrow(/Failed to resolve #\/components\/parameters\/Nope/);
  });

  it('reads query api keys and operations without security', () => {
    const doc = minimal({ operationId: 'x', security: [{ key: [] }] }, { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'key' } } });
    expect(readOperations(withDoc(doc))[0]?.security).toEqual([[{ kind: 'query', name: 'key' }]]);
    expect(readOperations(withDoc(minimal({ operationId: 'x' })))[0]?.security).toEqual([]);
  });
});
