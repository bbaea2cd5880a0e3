import { describe, expect, it } from 'vitest';
import { checkStreamGrammar, type GrammarEvent } from '../tooling/stream-grammar.ts';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import type { StreamExample } from '../tooling/examples.ts';
import { expectTransitionTable } from '../tooling/spec-test-kit.ts';
import { readExamples } from './fixtures.ts';
import { chatEventSchemaId, chatStreamEvent, chatStreamEventType, OPENAI_CHAT_SCHEMA_IDS, type OpenAIChatStreamEventType, openaiChatSpec, openaiChatStreamGrammar } from './index.ts';

const registry = new SchemaRegistry(openaiChatSpec.schemas);
// Chat frames carry no `type`: each example event is a frame's data, named by what it carries.
const toEvents = (example: StreamExample): GrammarEvent[] => example.events.map((data: unknown) => ({ type: chatStreamEventType(data), data }));

describe('openai-chat stream grammar', () => {
  it('is the grammar of the protocol spec, over known events and states only', () => {
    expect(openaiChatSpec.grammar).toBe(openaiChatStreamGrammar);
    expectTransitionTable(openaiChatStreamGrammar);
  });

  describe('accepts valid streams, whose every event matches the stream-event schema and its own $defs entry', () => {
    for (const example of readExamples<StreamExample>('streams/valid')) {
      it(`${example.name}: ${example.description}`, () => {
        const events = toEvents(example);
        expect(checkStreamGrammar(openaiChatStreamGrammar, events)).toEqual([]);
        for (const { type, data } of events) {
          expect(registry.validate(OPENAI_CHAT_SCHEMA_IDS.streamEvent, data)).toEqual([]);
          expect(registry.validate(chatEventSchemaId(type as OpenAIChatStreamEventType), data)).toEqual([]);
        }
      });
    }
  });

  describe('reports violations', () => {
    for (const example of readExamples<StreamExample>('streams/invalid')) {
      it(`${example.name}: ${example.description}`, () => {
        const diagnostics = checkStreamGrammar(openaiChatStreamGrammar, toEvents(example));
        expect(diagnostics.map((d) => ({ keyword: d.keyword, path: d.path }))).toContainEqual({ keyword: example.expectKeyword, path: example.expectPath });
      });
    }
  });

  it('names raw data payloads: [DONE], error envelopes, the usage chunk, chunks, and text that is not JSON', () => {
    expect(chatStreamEvent('[DONE]')).toEqual({ type: 'done', data: '[DONE]' });
    expect(chatStreamEvent('{"error":{"message":"x"}}').type).toBe('error');
    expect(chatStreamEvent('{"choices":[],"usage":{"prompt_tokens":1}}').type).toBe('usage');
    expect(chatStreamEvent('{"choices":[],"usage":null}').type).toBe('chunk');
    expect(chatStreamEvent('{"choices":[{"index":0}]}').type).toBe('chunk');
    expect(chatStreamEvent('{"choices":[]').type).toBe('invalid-json');
  });

  it('the stream-event schema tells the sentinel, errors and chunks apart', () => {
    expect(registry.validate(OPENAI_CHAT_SCHEMA_IDS.streamEvent, '[DONE]')).toEqual([]);
    expect(registry.validate(OPENAI_CHAT_SCHEMA_IDS.streamEvent, 'DONE')[0]?.message).toBe("Input should be '[DONE]'");
    expect(registry.validate(OPENAI_CHAT_SCHEMA_IDS.streamEvent, { error: { message: 'm' } })[0]?.field).toBe('error.type');
    expect(registry.validate(OPENAI_CHAT_SCHEMA_IDS.streamEvent, { object: 'chat.completion.chunk' })[0]?.message).toBe('choices: Field required');
    expect(registry.validate(chatEventSchemaId('usage'), { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {} }], usage: null })).not.toEqual([]);
  });
});
