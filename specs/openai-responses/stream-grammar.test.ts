import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { checkStreamGrammar, type GrammarEvent } from '../tooling/stream-grammar.ts';
import { readExamples, type StreamExample } from './fixtures.ts';
import { openaiResponsesSpec, responsesEventSchemaId } from './index.ts';
import { RESPONSES_STREAM_EVENTS, responsesStreamGrammar, type ResponsesStreamEventType } from './stream-grammar.ts';

const registry = new SchemaRegistry(openaiResponsesSpec.schemas);
const toEvents = (example: StreamExample): GrammarEvent[] => example.events.map((data) => ({ type: data.type, data }));
const isKnown = (type: string): type is ResponsesStreamEventType => (RESPONSES_STREAM_EVENTS as readonly string[]).includes(type);

describe('openai-responses stream grammar', () => {
  it('is the grammar of the protocol spec', () => {
    expect(openaiResponsesSpec.grammar).toBe(responsesStreamGrammar);
    expect(responsesStreamGrammar.protocol).toBe(openaiResponsesSpec.id);
  });

  it('has a transition table over known events and states only, and numbers every event from 0', () => {
    const states = Object.keys(responsesStreamGrammar.transitions);
    expect(states).toContain(responsesStreamGrammar.initial);
    for (const [state, edges] of Object.entries(responsesStreamGrammar.transitions)) {
      for (const [event, next] of Object.entries(edges)) {
        expect(RESPONSES_STREAM_EVENTS, `${state} —${event}→`).toContain(event);
        expect(states, `${state} —${event}→ ${next}`).toContain(next);
      }
    }
    expect(responsesStreamGrammar.transitions.end).toEqual({});
    expect(responsesStreamGrammar.sequence).toEqual({ field: 'sequence_number', start: 0 });
  });

  it('lists only known events among the per-item delta kinds', () => {
    for (const rules of [responsesStreamGrammar.blocks, ...responsesStreamGrammar.subStreams]) {
      for (const type of [rules.open, rules.close, rules.delta, ...rules.deltaEvents, ...Object.values(rules.deltaTypes).flat()]) {
        expect(isKnown(type), type).toBe(true);
      }
    }
  });

  describe('accepts valid streams, whose every event also matches its event schema', () => {
    for (const example of readExamples<StreamExample>('streams/valid')) {
      it(`${example.name}: ${example.description}`, () => {
        expect(checkStreamGrammar(responsesStreamGrammar, toEvents(example))).toEqual([]);
        for (const data of example.events) {
          expect(isKnown(data.type), data.type).toBe(true);
          if (isKnown(data.type)) expect(registry.validate(responsesEventSchemaId(data.type), data)).toEqual([]);
        }
      });
    }
  });

  describe('reports violations', () => {
    for (const example of readExamples<StreamExample>('streams/invalid')) {
      it(`${example.name}: ${example.description}`, () => {
        const diagnostics = checkStreamGrammar(responsesStreamGrammar, toEvents(example));
        expect(diagnostics.map((d) => ({ keyword: d.keyword, path: d.path }))).toContainEqual({ keyword: example.expectKeyword, path: example.expectPath });
      });
    }
  });
});
