import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCaptures } from '../../fixtures/captures/read-captures.ts';
import { OPENAI_COMMON_SCHEMA_IDS } from '../openai-common/index.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { describeSchemaExamples } from '../tooling/spec-test-kit.ts';
import { readExamples } from './fixtures.ts';
import { OPENAI_CHAT_SCHEMA_BASE, OPENAI_CHAT_SCHEMA_IDS, openaiChatSpec } from './index.ts';

const registry = new SchemaRegistry(openaiChatSpec.schemas);
const SCHEMAS_DIR = new URL('./schemas/', import.meta.url);

describe('openai-chat schema files', () => {
  const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.json'));

  it('all compile under strict ajv', () => {
    expect(() => registry.compileAll()).not.toThrow();
  });

  it('are all registered, each with draft 2020-12 and an $id named after its file; the shared error envelope too', () => {
    expect(registry.ids.sort()).toEqual([...files.map((f) => `${OPENAI_CHAT_SCHEMA_BASE}${f}`), OPENAI_COMMON_SCHEMA_IDS.errorResponse].sort());
    for (const file of files) {
      const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${OPENAI_CHAT_SCHEMA_BASE}${file}`);
    }
    for (const id of Object.values(OPENAI_CHAT_SCHEMA_IDS)) expect(registry.has(id), id).toBe(true);
  });
});

describeSchemaExamples({ registry, schemaIds: OPENAI_CHAT_SCHEMA_IDS, read: readExamples, requestSchema: 'createChatCompletionRequest', responseSchema: 'chatCompletion' });

describe('captured client requests (openai-node, AI SDK, LangChain)', () => {
  const chat = readCaptures().filter((capture) => capture.method === 'POST' && capture.path === '/v1/chat/completions');

  it('include every OpenAI client', () => {
    for (const file of ['openai-chat.jsonl', 'aisdk-openai-chat.jsonl', 'langchain-openai.jsonl']) expect(chat.some((c) => c.file === file), file).toBe(true);
  });

  for (const capture of chat) {
    it(`${capture.file}:${capture.line} validates`, () => {
      expect(registry.validate(OPENAI_CHAT_SCHEMA_IDS.createChatCompletionRequest, capture.body)).toEqual([]);
    });
  }
});

describe('top-level allow-list', () => {
  it('is the official CreateChatCompletionRequest (= openai-node ChatCompletionCreateParams), nothing more', () => {
    const properties = Object.keys((registry.get(OPENAI_CHAT_SCHEMA_IDS.createChatCompletionRequest)?.properties ?? {}) as object).sort();
    expect(properties).toEqual(
      [
        'audio', 'frequency_penalty', 'function_call', 'functions', 'logit_bias', 'logprobs', 'max_completion_tokens', 'max_tokens',
        'messages', 'metadata', 'modalities', 'model', 'moderation', 'n', 'parallel_tool_calls', 'prediction', 'presence_penalty',
        'prompt_cache_key', 'prompt_cache_options', 'prompt_cache_retention', 'reasoning_effort', 'response_format', 'safety_identifier',
        'seed', 'service_tier', 'stop', 'store', 'stream', 'stream_options', 'temperature', 'tool_choice', 'tools', 'top_logprobs',
        'top_p', 'user', 'verbosity', 'web_search_options',
      ].sort(),
    );
    expect(registry.get(OPENAI_CHAT_SCHEMA_IDS.createChatCompletionRequest)?.additionalProperties).toBe(false);
  });
});
