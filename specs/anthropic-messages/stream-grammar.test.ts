import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { describeStreamExamples, expectTransitionTable } from '../tooling/spec-test-kit.ts';
import { readExamples } from './fixtures.ts';
import { anthropicMessagesSpec, eventSchemaId, type AnthropicStreamEventType } from './index.ts';
import { ANTHROPIC_STREAM_EVENTS, anthropicStreamGrammar } from './stream-grammar.ts';

const registry = new SchemaRegistry(anthropicMessagesSpec.schemas);
const isKnown = (type: string): type is AnthropicStreamEventType => (ANTHROPIC_STREAM_EVENTS as readonly string[]).includes(type);

describe('anthropic stream grammar', () => {
  it('is the grammar of the protocol spec', () => {
    expect(anthropicMessagesSpec.grammar).toBe(anthropicStreamGrammar);
    expect(anthropicStreamGrammar.protocol).toBe(anthropicMessagesSpec.id);
  });

  it('has a transition table over known events and states only', () => {
    expectTransitionTable(anthropicStreamGrammar);
    expect(anthropicStreamGrammar.transitions.end).toEqual({});
  });

  describeStreamExamples({
    grammar: anthropicStreamGrammar,
    read: readExamples,
    validateEvent: (type, data) => (isKnown(type) ? registry.validate(eventSchemaId(type), data) : undefined),
  });

  it('eventSchemaId points at the $defs entry named after the event', () => {
    expect(eventSchemaId('content_block_delta')).toBe(
      'https://llm-conformance.dev/schemas/anthropic-messages/stream-event.json#/$defs/content_block_delta',
    );
    expect(registry.validate(eventSchemaId('ping'), { type: 'ping' })).toEqual([]);
    expect(registry.validate(eventSchemaId('ping'), { type: 'message_stop' })[0]?.message).toBe("type: Input should be 'ping'");
  });
});
