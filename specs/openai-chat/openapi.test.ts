import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { OPENAI_COMMON_SCHEMA_IDS } from '../openai-common/index.ts';
import { collectRefs, followPointer, listOperations } from '../tooling/openapi-refs.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { expectDocumentSchemaRefs, expectSchemaRefs } from '../tooling/spec-test-kit.ts';
import { OPENAI_CHAT_SCHEMA_IDS, openaiChatOpenApi, openaiChatSpec } from './index.ts';

const registry = new SchemaRegistry(openaiChatSpec.schemas);
const doc: OpenAPIV3_1.Document = openaiChatOpenApi;

describe('openai-chat OpenAPI document', () => {
  it('is OpenAPI 3.1 for api.openai.com with the official operation ids', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://api.openai.com' }]);
    expect(listOperations(doc).map(({ path, method, op }) => `${method.toUpperCase()} ${path} ${op.operationId}`)).toEqual([
      'POST /v1/chat/completions createChatCompletion',
      'GET /v1/models listModels',
      'GET /v1/models/{model} retrieveModel',
      'POST /v1/embeddings createEmbedding',
    ]);
  });

  it('authenticates with a Bearer token only', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components?.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
  });

  it('gives every operation a 200 and the shared OpenAI error envelope for 4XX/5XX', () => {
    for (const { op } of listOperations(doc)) {
      expect(Object.keys(op.responses ?? {})).toEqual(['200', '4XX', '5XX']);
      for (const status of ['4XX', '5XX']) {
        expect((op.responses?.[status] as OpenAPIV3_1.ResponseObject).content?.['application/json']?.schema).toEqual({ $ref: OPENAI_COMMON_SCHEMA_IDS.errorResponse });
      }
    }
  });

  it('offers a JSON body and an event stream for createChatCompletion', () => {
    const ok = listOperations(doc).find(({ op }) => op.operationId === 'createChatCompletion')?.op.responses?.['200'] as OpenAPIV3_1.ResponseObject;
    expect(ok.content?.['application/json']?.schema).toEqual({ $ref: OPENAI_CHAT_SCHEMA_IDS.chatCompletion });
    expect(ok.content?.['text/event-stream']?.schema).toEqual({ $ref: OPENAI_CHAT_SCHEMA_IDS.streamEvent });
    expect(ok.description).toContain('stream: true');
  });

  it('resolves every $ref: schemas named by the document, #/components refs, refs inside the schemas', () => {
    expect(expectDocumentSchemaRefs(doc, registry)).toBeGreaterThanOrEqual(10);
    const local = collectRefs(doc).filter(({ ref }) => ref.startsWith('#'));
    expect(local.length).toBeGreaterThan(0);
    for (const { at, ref } of local) expect(followPointer(doc, ref.slice(1)), `${at}: ${ref}`).toBeDefined();
    expectSchemaRefs(openaiChatSpec.schemas, registry);
  });
});

describe('official schema mapping (llm-conformance spec-drift)', () => {
  it('names registered schemas and $defs only, each mapped to an official component name', () => {
    const mapping = Object.entries(openaiChatSpec.officialSchemas ?? {});
    expect(mapping.length).toBeGreaterThanOrEqual(15);
    for (const [ours, official] of mapping) {
      const [base = '', fragment = ''] = ours.split('#');
      expect(registry.has(base), ours).toBe(true);
      if (fragment) expect(followPointer(registry.get(base), fragment), ours).toBeDefined();
      expect(official).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });
});
