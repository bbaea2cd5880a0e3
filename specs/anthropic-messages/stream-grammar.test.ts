import { describe, expect, it } from 'vitest';
import { checkStreamGrammar, type GrammarEvent } from '../tooling/stream-grammar.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { readExamples, type StreamExample } from './fixtures.ts';
import { anthropicMessagesSpec, eventSchemaId, type AnthropicStreamEventType } from './index.ts';
import { ANTHROPIC_STREAM_EVENTS, anthropicStreamGrammar } from './stream-grammar.ts';

const registry = new SchemaRegistry(anthropicMessagesSpec.schemas);
const toEvents = (example: StreamExample): GrammarEvent[] => example.events.map((data) => ({ type: data.type, data }));
const isKnown = (type: string): type is AnthropicStreamEventType => (ANTHROPIC_STREAM_EVENTS as readonly string[]).includes(type);

describe('anthropic stream grammar', () => {
  it('is the grammar of the protocol spec', () => {
    expect(anthropicMessagesSpec.grammar).toBe(anthropicStreamGrammar);
    expect(anthropicStreamGrammar.protocol).toBe(anthropicMessagesSpec.id);
  });

  it('has a transition table over known events and states only', () => {
    const states = Object.keys(anthropicStreamGrammar.transitions);
    expect(states).toContain(anthropicStreamGrammar.initial);
    for (const [state, edges] of Object.entries(anthropicStreamGrammar.transitions)) {
      for (const [event, next] of Object.entries(edges)) {
        expect(ANTHROPIC_STREAM_EVENTS, `${state} —${event}→`).toContain(event);
        expect(states, `${state} —${event}→ ${next}`).toContain(next);
      }
    }
    expect(anthropicStreamGrammar.transitions.end).toEqual({});
  });

  describe('accepts valid streams, whose every event also matches its event schema', () => {
    for (const example of readExamples<StreamExample>('streams/valid')) {
      it(`${example.name}: ${example.description}`, () => {
        expect(checkStreamGrammar(anthropicStreamGrammar, toEvents(example))).toEqual([]);
        for (const data of example.events) {
          expect(isKnown(data.type), data.type).toBe(true);
          if (isKnown(data.type)) expect(registry.validate(eventSchemaId(data.type), data)).toEqual([]);
        }
      });
    }
  });

  describe('reports violations', () => {
    for (const example of readExamples<StreamExample>('streams/invalid')) {
      it(`${example.name}: ${example.description}`, () => {
        const diagnostics = checkStreamGrammar(anthropicStreamGrammar, toEvents(example));
        expect(diagnostics.map((d) => ({ keyword: d.keyword, path: d.path }))).toContainEqual({
          keyword: example.expectKeyword,
          path: example.expectPath,
        });
      });
    }
  });

  it('eventSchemaId points at the $defs entry named after the event', () => {
    expect(eventSchemaId('content_block_delta')).toBe(
      'https://llm-conformance.dev/schemas/anthropic-messages/stream-event.json#/$defs/content_block_delta',
    );
    expect(registry.validate(eventSchemaId('ping'), { type: 'ping' })).toEqual([]);
    expect(registry.validate(eventSchemaId('ping'), { type: 'message_stop' })[0]?.message).toBe("type: Input should be 'ping'");
  });
});
