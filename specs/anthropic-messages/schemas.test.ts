import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { describeSchemaExamples } from '../tooling/spec-test-kit.ts';
import { readExamples } from './fixtures.ts';
import { ANTHROPIC_SCHEMA_BASE, ANTHROPIC_SCHEMA_IDS, anthropicMessagesSpec } from './index.ts';

const registry = new SchemaRegistry(anthropicMessagesSpec.schemas);
const SCHEMAS_DIR = new URL('./schemas/', import.meta.url);
const CAPTURES_DIR = new URL('../../fixtures/captures/', import.meta.url);

describe('anthropic-messages schema files', () => {
  const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.json'));

  it('all compile under strict ajv', () => {
    expect(() => registry.compileAll()).not.toThrow();
  });

  it('are all registered in the spec, each with draft 2020-12 and an $id named after its file', () => {
    expect(registry.ids.sort()).toEqual(files.map((f) => `${ANTHROPIC_SCHEMA_BASE}${f}`).sort());
    for (const file of files) {
      const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${ANTHROPIC_SCHEMA_BASE}${file}`);
    }
  });

  it('every ANTHROPIC_SCHEMA_IDS entry is registered', () => {
    for (const id of Object.values(ANTHROPIC_SCHEMA_IDS)) expect(registry.has(id), id).toBe(true);
  });
});

describeSchemaExamples({
  registry,
  schemaIds: ANTHROPIC_SCHEMA_IDS,
  read: readExamples,
  requestSchema: 'createMessageRequest',
  responseSchema: 'message',
});

interface Capture {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

function readCaptures(): { file: string; line: number; capture: Capture }[] {
  return readdirSync(CAPTURES_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((file) =>
      readFileSync(new URL(file, CAPTURES_DIR), 'utf8')
        .split('\n')
        .map((text, i) => ({ file, line: i + 1, text }))
        .filter(({ text }) => text.trim() !== '')
        .map(({ file, line, text }) => ({ file, line, capture: JSON.parse(text) as Capture })),
    );
}

describe('captured client requests (real SDK, AI SDK, LangChain and Claude Code traffic)', () => {
  const captures = readCaptures().filter(({ capture }) => capture.method === 'POST');
  const messages = captures.filter(({ capture }) => capture.path === '/v1/messages');

  it('include the expected clients', () => {
    expect(messages.length).toBeGreaterThanOrEqual(7);
    expect(messages.some(({ file }) => file.startsWith('claude-code'))).toBe(true);
  });

  for (const { file, line, capture } of messages) {
    it(`${file}:${line} POST /v1/messages validates`, () => {
      expect(registry.validate(ANTHROPIC_SCHEMA_IDS.createMessageRequest, capture.body)).toEqual([]);
    });
  }
  for (const { file, line, capture } of captures.filter(({ capture }) => capture.path === '/v1/messages/count_tokens')) {
    it(`${file}:${line} POST /v1/messages/count_tokens validates`, () => {
      expect(registry.validate(ANTHROPIC_SCHEMA_IDS.countTokensRequest, capture.body)).toEqual([]);
    });
  }
});

describe('top-level allow-lists', () => {
  const properties = (id: string) => Object.keys((registry.get(id)?.properties ?? {}) as object).sort();

  it('create message: union of the GA and beta MessageCreateParams of SDK 1.12, plus temperature/top_p/top_k', () => {
    expect(properties(ANTHROPIC_SCHEMA_IDS.createMessageRequest)).toEqual(
      [
        'billing_policy', 'cache_control', 'compaction', 'container', 'context_management', 'diagnostics',
        'fallback_credit_token', 'fallbacks', 'inference_geo', 'max_tokens', 'mcp_servers', 'messages', 'metadata',
        'model', 'output_config', 'output_format', 'service_tier', 'speed', 'stop_sequences', 'stream', 'system',
        'temperature', 'thinking', 'thread', 'tool_choice', 'tools', 'top_k', 'top_p', 'user_profile_id', 'workspace_id',
      ].sort(),
    );
  });

  it('count tokens: union of the GA and beta MessageCountTokensParams of SDK 1.12; no max_tokens, no stream', () => {
    expect(properties(ANTHROPIC_SCHEMA_IDS.countTokensRequest)).toEqual(
      [
        'billing_policy', 'cache_control', 'compaction', 'context_management', 'mcp_servers', 'messages', 'model',
        'output_config', 'output_format', 'speed', 'system', 'thinking', 'tool_choice', 'tools', 'user_profile_id',
        'workspace_id',
      ].sort(),
    );
  });
});

describe('stream event schemas', () => {
  it('name one $defs entry per wire event type, each requiring its type const', () => {
    const defs = registry.get(ANTHROPIC_SCHEMA_IDS.streamEvent)?.$defs as Record<string, { required: string[]; properties: { type: { const: string } } }>;
    for (const type of anthropicMessagesSpec.grammar.events) {
      expect(defs[type]?.properties.type.const).toBe(type);
      expect(defs[type]?.required).toContain('type');
    }
  });
});
