import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { collectRefs, followPointer, listOperations } from '../tooling/openapi-refs.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { expectDocumentSchemaRefs, expectSchemaRefs } from '../tooling/spec-test-kit.ts';
import { ANTHROPIC_SCHEMA_IDS, anthropicMessagesOpenApi, anthropicMessagesSpec } from './index.ts';

const registry = new SchemaRegistry(anthropicMessagesSpec.schemas);
const doc: OpenAPIV3_1.Document = anthropicMessagesOpenApi;
const operations = () => listOperations(doc);
const follow = followPointer;

describe('anthropic-messages OpenAPI document', () => {
  it('is OpenAPI 3.1 for api.anthropic.com', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://api.anthropic.com' }]);
  });

  it('declares the four operations with their exact operationIds', () => {
    expect(operations().map(({ path, method, op }) => `${method.toUpperCase()} ${path} ${op.operationId}`)).toEqual([
      'POST /v1/messages createMessage',
      'POST /v1/messages/count_tokens countTokens',
      'GET /v1/models listModels',
      'GET /v1/models/{model_id} getModel',
    ]);
  });

  it('accepts x-api-key or Bearer, either alone', () => {
    expect(doc.security).toEqual([{ apiKey: [] }, { bearer: [] }]);
    expect(doc.components?.securitySchemes).toEqual({
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      bearer: { type: 'http', scheme: 'bearer' },
    });
  });

  it('requires a date-shaped anthropic-version header on every operation', () => {
    const version = doc.components?.parameters?.AnthropicVersion as OpenAPIV3_1.ParameterObject;
    expect(version).toMatchObject({ name: 'anthropic-version', in: 'header', required: true });
    const pattern = new RegExp((version.schema as OpenAPIV3_1.SchemaObject).pattern ?? '');
    for (const ok of ['2023-06-01', '2026-10-21']) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ['2023-6-1', 'latest', '']) expect(pattern.test(bad), bad).toBe(false);
    for (const { op } of operations()) {
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/AnthropicVersion' });
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/AnthropicBeta' });
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/BetaQuery' });
    }
  });

  it('gives every operation a 200 and 4XX/5XX error envelopes', () => {
    for (const { op } of operations()) {
      expect(Object.keys(op.responses ?? {})).toEqual(['200', '4XX', '5XX']);
      for (const status of ['4XX', '5XX']) {
        const response = op.responses?.[status] as OpenAPIV3_1.ResponseObject;
        expect(response.content?.['application/json']?.schema).toEqual({ $ref: ANTHROPIC_SCHEMA_IDS.errorResponse });
      }
    }
  });

  it('offers a JSON body and an event stream for createMessage, each with its schema', () => {
    const create = operations().find(({ op }) => op.operationId === 'createMessage')?.op;
    const ok = create?.responses?.['200'] as OpenAPIV3_1.ResponseObject;
    expect(ok.content?.['application/json']?.schema).toEqual({ $ref: ANTHROPIC_SCHEMA_IDS.message });
    expect(ok.content?.['text/event-stream']?.schema).toEqual({ $ref: ANTHROPIC_SCHEMA_IDS.streamEvent });
    expect(ok.description).toContain('stream: true');
  });

  it('resolves every schema $ref to a registered $id and fragment', () => {
    expect(expectDocumentSchemaRefs(doc, registry)).toBeGreaterThanOrEqual(12);
  });

  it('resolves every #/components/… $ref inside the document', () => {
    const localRefs = collectRefs(doc).filter(({ ref }) => ref.startsWith('#'));
    expect(localRefs.length).toBeGreaterThan(0);
    for (const { at, ref } of localRefs) {
      expect(ref, at).toMatch(/^#\/components\/parameters\//);
      expect(follow(doc, ref.slice(1)), `${at}: ${ref}`).toBeDefined();
    }
  });

  it('resolves every $ref inside the schemas to a registered document and fragment', () => {
    expectSchemaRefs(anthropicMessagesSpec.schemas, registry);
  });
});
