import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { OPENAI_COMMON_SCHEMA_IDS } from '../openai-common/index.ts';
import { collectRefs, followPointer, listOperations } from '../tooling/openapi-refs.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { expectDocumentSchemaRefs, expectSchemaRefs } from '../tooling/spec-test-kit.ts';
import { RESPONSES_SCHEMA_IDS, openaiResponsesOpenApi, openaiResponsesSpec } from './index.ts';

const registry = new SchemaRegistry(openaiResponsesSpec.schemas);
const doc: OpenAPIV3_1.Document = openaiResponsesOpenApi;
const operation = (id: string) => listOperations(doc).find(({ op }) => op.operationId === id)?.op;
const content = (op: OpenAPIV3_1.OperationObject | undefined, status: string) => (op?.responses?.[status] as OpenAPIV3_1.ResponseObject | undefined)?.content;

describe('openai-responses OpenAPI document', () => {
  it('is OpenAPI 3.1 for api.openai.com with Bearer auth', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://api.openai.com' }]);
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components?.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
  });

  it('declares the six operations of the official document under /v1', () => {
    expect(listOperations(doc).map(({ path, method, op }) => `${method.toUpperCase()} ${path} ${op.operationId}`)).toEqual([
      'POST /v1/responses createResponse',
      'POST /v1/responses/input_tokens getInputTokenCounts',
      'GET /v1/responses/{response_id} getResponse',
      'DELETE /v1/responses/{response_id} deleteResponse',
      'POST /v1/responses/{response_id}/cancel cancelResponse',
      'GET /v1/responses/{response_id}/input_items listInputItems',
    ]);
  });

  it('gives every operation a 200 and the shared OpenAI error envelope for 4XX/5XX', () => {
    for (const { op } of listOperations(doc)) {
      expect(Object.keys(op.responses ?? {})).toEqual(['200', '4XX', '5XX']);
      for (const status of ['4XX', '5XX']) expect(content(op, status)?.['application/json']?.schema).toEqual({ $ref: OPENAI_COMMON_SCHEMA_IDS.errorResponse });
    }
  });

  it('offers JSON and an event stream for createResponse and getResponse, each with its schema', () => {
    for (const id of ['createResponse', 'getResponse']) {
      expect(content(operation(id), '200')?.['application/json']?.schema).toEqual({ $ref: RESPONSES_SCHEMA_IDS.response });
      expect(content(operation(id), '200')?.['text/event-stream']?.schema).toEqual({ $ref: RESPONSES_SCHEMA_IDS.streamEvent });
    }
    expect(content(operation('deleteResponse'), '200')?.['application/json']?.schema).toEqual({ $ref: RESPONSES_SCHEMA_IDS.deletedResponse });
    expect(content(operation('listInputItems'), '200')?.['application/json']?.schema).toEqual({ $ref: RESPONSES_SCHEMA_IDS.inputItemList });
  });

  it('pages input items as the API does: limit 1-100 (default 20), order asc|desc, after', () => {
    const params = doc.components?.parameters as Record<string, OpenAPIV3_1.ParameterObject>;
    expect(params.Limit?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    expect(params.Order?.schema).toEqual({ type: 'string', enum: ['asc', 'desc'] });
    expect(operation('listInputItems')?.parameters).toContainEqual({ $ref: '#/components/parameters/After' });
  });

  it('resolves every schema $ref to a registered $id and fragment, and every local $ref inside the document', () => {
    expect(expectDocumentSchemaRefs(doc, registry)).toBeGreaterThanOrEqual(14);
    for (const { at, ref } of collectRefs(doc).filter(({ ref }) => ref.startsWith('#'))) expect(followPointer(doc, ref.slice(1)), `${at}: ${ref}`).toBeDefined();
  });

  it('resolves every $ref inside the schemas to a registered document and fragment', () => {
    expectSchemaRefs(openaiResponsesSpec.schemas, registry);
  });
});
