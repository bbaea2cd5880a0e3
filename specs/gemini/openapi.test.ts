import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { GEMINI_API_VERSIONS, GEMINI_SCHEMA_IDS, geminiOpenApi, geminiSpec } from './index.ts';

const registry = new SchemaRegistry(geminiSpec.schemas);
const doc: OpenAPIV3_1.Document = geminiOpenApi;

function operations(): { path: string; method: string; op: OpenAPIV3_1.OperationObject }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post'] as const).flatMap((method) => (item?.[method] ? [{ path, method, op: item[method] as OpenAPIV3_1.OperationObject }] : [])),
  );
}

/** Every `$ref` string in a value. */
function refs(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : refs(child)));
}

describe('gemini OpenAPI document', () => {
  it('is OpenAPI 3.1 for generativelanguage.googleapis.com', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://generativelanguage.googleapis.com' }]);
  });

  it('declares the same seven operations under /v1beta and /v1, with unique operationIds', () => {
    const list = operations().map(({ path, method, op }) => `${method.toUpperCase()} ${path} ${op.operationId}`);
    for (const version of GEMINI_API_VERSIONS) {
      const suffix = version === 'v1beta' ? '' : 'V1';
      expect(list).toEqual(
        expect.arrayContaining([
          `POST /${version}/models/{model}:generateContent generateContent${suffix}`,
          `POST /${version}/models/{model}:streamGenerateContent streamGenerateContent${suffix}`,
          `POST /${version}/models/{model}:countTokens countTokens${suffix}`,
          `POST /${version}/models/{model}:embedContent embedContent${suffix}`,
          `POST /${version}/models/{model}:batchEmbedContents batchEmbedContents${suffix}`,
          `GET /${version}/models listModels${suffix}`,
          `GET /${version}/models/{model} getModel${suffix}`,
        ]),
      );
    }
    expect(list).toHaveLength(14);
    expect(new Set(operations().map(({ op }) => op.operationId)).size).toBe(14);
  });

  it('authenticates with x-goog-api-key or ?key=, either alone', () => {
    expect(doc.security).toEqual([{ apiKeyHeader: [] }, { apiKeyQuery: [] }]);
    expect(doc.components?.securitySchemes).toEqual({
      apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-goog-api-key' },
      apiKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
    });
  });

  it('streams SSE or a JSON array of the same chunk schema, chosen by alt', () => {
    const stream = operations().find(({ op }) => op.operationId === 'streamGenerateContent')!.op;
    const ok = stream.responses?.['200'] as OpenAPIV3_1.ResponseObject;
    expect(ok.content?.['text/event-stream']?.schema).toEqual({ $ref: GEMINI_SCHEMA_IDS.generateContentResponse });
    expect(ok.content?.['application/json']?.schema).toEqual({ type: 'array', items: { $ref: GEMINI_SCHEMA_IDS.generateContentResponse } });
    expect(stream.parameters).toContainEqual({ $ref: '#/components/parameters/Alt' });
    expect((doc.components?.parameters?.Alt as OpenAPIV3_1.ParameterObject).schema).toEqual({ type: 'string', enum: ['sse', 'json'] });
  });

  it('answers every error in the Google envelope, and points only at registered schemas', () => {
    for (const { op } of operations()) {
      for (const status of ['4XX', '5XX']) {
        expect((op.responses?.[status] as OpenAPIV3_1.ResponseObject).content?.['application/json']?.schema).toEqual({ $ref: GEMINI_SCHEMA_IDS.errorResponse });
      }
    }
    for (const ref of refs(doc)) {
      if (ref.startsWith('#/')) continue;
      expect(registry.has(ref), ref).toBe(true);
    }
  });
});
