import { readdirSync, readFileSync } from 'node:fs';
import { readCaptures } from '../../fixtures/captures/read-captures.ts';
import { describe, expect, it } from 'vitest';
import { OPENAI_COMMON_SCHEMA_IDS } from '../openai-common/index.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { describeSchemaExamples } from '../tooling/spec-test-kit.ts';
import { readExamples } from './fixtures.ts';
import { RESPONSES_SCHEMA_BASE, RESPONSES_SCHEMA_IDS, openaiResponsesSpec, responsesEventSchemaId } from './index.ts';
import { RESPONSES_STREAM_EVENTS } from './stream-grammar.ts';

const registry = new SchemaRegistry(openaiResponsesSpec.schemas);
const SCHEMAS_DIR = new URL('./schemas/', import.meta.url);
/** Fixture `schema` names: the protocol's own, plus the shared error envelope. */
const SCHEMA_IDS: Record<string, string> = { ...RESPONSES_SCHEMA_IDS, errorResponse: OPENAI_COMMON_SCHEMA_IDS.errorResponse };

describe('openai-responses schema files', () => {
  const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.json'));

  it('all compile under strict ajv', () => {
    expect(() => registry.compileAll()).not.toThrow();
  });

  it('are all registered in the spec with the shared error envelope, each with draft 2020-12 and an $id named after its file', () => {
    expect(registry.ids.sort()).toEqual([...files.map((f) => `${RESPONSES_SCHEMA_BASE}${f}`), OPENAI_COMMON_SCHEMA_IDS.errorResponse].sort());
    for (const file of files) {
      const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${RESPONSES_SCHEMA_BASE}${file}`);
    }
  });
});

describeSchemaExamples({ registry, schemaIds: SCHEMA_IDS, read: readExamples, requestSchema: 'createResponseRequest', responseSchema: 'response' });

describe('captured client requests (openai-node, Vercel AI SDK)', () => {
  const responses = readCaptures().filter((capture) => capture.method === 'POST' && capture.path === '/v1/responses');

  it('include both clients', () => {
    expect(new Set(responses.map(({ file }) => file))).toEqual(new Set(['openai-responses.jsonl', 'aisdk-openai-responses.jsonl']));
  });

  for (const capture of responses) {
    it(`${capture.file}:${capture.line} POST /v1/responses validates`, () => {
      expect(registry.validate(RESPONSES_SCHEMA_IDS.createResponseRequest, capture.body)).toEqual([]);
    });
  }
});

describe('top-level allow-lists', () => {
  const properties = (id: string) => Object.keys((registry.get(id)?.properties ?? {}) as object).sort();

  it('create response: union of the official CreateResponse and openai-node 7 ResponseCreateParams', () => {
    expect(properties(RESPONSES_SCHEMA_IDS.createResponseRequest)).toEqual(
      [
        'access_programs', 'background', 'background_options', 'context_management', 'conversation', 'image', 'include',
        'input', 'instructions', 'max_output_tokens', 'max_tool_calls', 'metadata', 'model', 'moderation',
        'parallel_tool_calls', 'previous_response_id', 'prompt', 'prompt_cache_key', 'prompt_cache_options',
        'prompt_cache_retention', 'reasoning', 'safety_identifier', 'service_tier', 'store', 'stream', 'stream_options',
        'temperature', 'text', 'tool_choice', 'tools', 'top_logprobs', 'top_p', 'truncation', 'user',
      ].sort(),
    );
  });

  it('input tokens: the official TokenCountsBody (openai-node InputTokenCountParams); no max_output_tokens, no stream', () => {
    expect(properties(RESPONSES_SCHEMA_IDS.inputTokensRequest)).toEqual(
      [
        'conversation', 'input', 'instructions', 'model', 'parallel_tool_calls', 'personality', 'previous_response_id',
        'reasoning', 'text', 'tool_choice', 'tools', 'truncation',
      ].sort(),
    );
  });
});

describe('stream event schemas', () => {
  const defs = registry.get(RESPONSES_SCHEMA_IDS.streamEvent)?.$defs as Record<string, { required: string[]; properties: { type: { const: string } } }>;

  it('name one $defs entry per wire event type, each requiring its type const and sequence_number', () => {
    expect(Object.keys(defs).sort()).toEqual([...RESPONSES_STREAM_EVENTS].sort());
    for (const type of RESPONSES_STREAM_EVENTS) {
      expect(defs[type]?.properties.type.const, type).toBe(type);
      expect(defs[type]?.required, type).toContain('sequence_number');
    }
  });

  it('require the full response on lifecycle events and the item id on item events', () => {
    for (const type of ['response.created', 'response.queued', 'response.in_progress', 'response.completed', 'response.incomplete', 'response.failed']) {
      expect(defs[type]?.required, type).toContain('response');
    }
    for (const type of ['response.output_text.delta', 'response.content_part.added', 'response.function_call_arguments.delta', 'response.reasoning_summary_text.delta']) {
      expect(defs[type]?.required, type).toEqual(expect.arrayContaining(['item_id', 'output_index']));
    }
    expect(defs['response.output_text.delta']?.required).toContain('logprobs');
  });

  it('responsesEventSchemaId points at the $defs entry named after the event', () => {
    expect(responsesEventSchemaId('keepalive')).toBe('https://llm-conformance.dev/schemas/openai-responses/stream-event.json#/$defs/keepalive');
    expect(registry.validate(responsesEventSchemaId('keepalive'), { type: 'keepalive', sequence_number: 3 })).toEqual([]);
    expect(registry.validate(responsesEventSchemaId('keepalive'), { type: 'keepalive' })[0]?.message).toBe('sequence_number: Field required');
  });
});
