import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCaptures } from '../../fixtures/captures/read-captures.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { type GeminiInvalidExample, type GeminiValidExample, readGeminiExamples } from './fixtures.ts';
import { GEMINI_SCHEMA_BASE, GEMINI_SCHEMA_IDS, geminiSpec, type GeminiSchemaName } from './index.ts';

const registry = new SchemaRegistry(geminiSpec.schemas);
const SCHEMAS_DIR = new URL('./schemas/', import.meta.url);

function checkValid(example: GeminiValidExample, fallback: GeminiSchemaName): void {
  expect(registry.validate(GEMINI_SCHEMA_IDS[example.schema ?? fallback], example.body)).toEqual([]);
}

function checkInvalid(example: GeminiInvalidExample, fallback: GeminiSchemaName): void {
  const [first] = registry.validate(GEMINI_SCHEMA_IDS[example.schema ?? fallback], example.body);
  expect(first, 'the body must be rejected').toBeDefined();
  expect({ path: first?.path, keyword: first?.keyword }).toEqual({ path: example.expectPath, keyword: example.expectKeyword });
}

describe('gemini schema files', () => {
  const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.json'));

  it('all compile under strict ajv', () => {
    expect(() => registry.compileAll()).not.toThrow();
  });

  it('are all registered, each with draft 2020-12 and an $id named after its file', () => {
    expect(registry.ids.sort()).toEqual(files.map((f) => `${GEMINI_SCHEMA_BASE}${f}`).sort());
    expect(Object.values(GEMINI_SCHEMA_IDS).sort()).toEqual(registry.ids.sort());
    for (const file of files) {
      const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${GEMINI_SCHEMA_BASE}${file}`);
    }
  });

  it('spell every field in lowerCamelCase on disk (the snake_case twins are added at registration)', () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, SCHEMAS_DIR), 'utf8');
      const names = [...text.matchAll(/"properties": \{\s*"([^"]+)"/g)].map((m) => m[1]!);
      for (const name of names) expect(/^[a-z_@][A-Za-z0-9]*$|^response_json_schema_ordered$/.test(name), `${file}: ${name}`).toBe(true);
    }
  });
});

describe('request examples', () => {
  describe('valid', () => {
    for (const example of readGeminiExamples<GeminiValidExample>('requests/valid')) {
      it(`${example.name}: ${example.description}`, () => checkValid(example, 'generateContentRequest'));
    }
  });
  describe('invalid', () => {
    for (const example of readGeminiExamples<GeminiInvalidExample>('requests/invalid')) {
      it(`${example.name}: ${example.description}`, () => checkInvalid(example, 'generateContentRequest'));
    }
  });
});

describe('response examples', () => {
  describe('valid', () => {
    for (const example of readGeminiExamples<GeminiValidExample>('responses/valid')) {
      it(`${example.name} (${example.schema}): ${example.description}`, () => checkValid(example, 'generateContentResponse'));
    }
  });
  describe('invalid', () => {
    for (const example of readGeminiExamples<GeminiInvalidExample>('responses/invalid')) {
      it(`${example.name} (${example.schema}): ${example.description}`, () => checkInvalid(example, 'generateContentResponse'));
    }
  });
});

describe('captured client requests (@google/genai, AI SDK, LangChain)', () => {
  const captures = readCaptures()
    .filter((capture) => /^\/v1(beta)?\/models\/[^/]+:(generateContent|streamGenerateContent)$/.test(capture.path))
    .map((capture) => ({ file: capture.file, line: capture.line, capture }));

  it('include the three Gemini clients', () => {
    expect(new Set(captures.map((c) => c.file)).size).toBe(3);
  });

  for (const { file, line, capture } of captures) {
    it(`${file}:${line} ${capture.path} validates`, () => {
      expect(registry.validate(GEMINI_SCHEMA_IDS.generateContentRequest, capture.body)).toEqual([]);
    });
  }
});
