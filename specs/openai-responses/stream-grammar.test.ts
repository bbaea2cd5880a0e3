import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { describeStreamExamples, expectTransitionTable } from '../tooling/spec-test-kit.ts';
import { readExamples } from './fixtures.ts';
import { openaiResponsesSpec, responsesEventSchemaId } from './index.ts';
import { RESPONSES_STREAM_EVENTS, responsesStreamGrammar, type ResponsesStreamEventType } from './stream-grammar.ts';

const registry = new SchemaRegistry(openaiResponsesSpec.schemas);
const isKnown = (type: string): type is ResponsesStreamEventType => (RESPONSES_STREAM_EVENTS as readonly string[]).includes(type);

describe('openai-responses stream grammar', () => {
  it('is the grammar of the protocol spec', () => {
    expect(openaiResponsesSpec.grammar).toBe(responsesStreamGrammar);
    expect(responsesStreamGrammar.protocol).toBe(openaiResponsesSpec.id);
  });

  it('has a transition table over known events and states only, and numbers every event from 0', () => {
    expectTransitionTable(responsesStreamGrammar);
    expect(responsesStreamGrammar.sequence).toEqual({ field: 'sequence_number', start: 0 });
  });

  it('lists only known events among the item and part rules', () => {
    for (const rules of [responsesStreamGrammar.blocks, ...responsesStreamGrammar.subStreams]) {
      for (const type of [rules.open, rules.close, rules.delta, ...rules.deltaEvents, ...Object.values(rules.deltaTypes).flat()]) {
        expect(isKnown(type), type).toBe(true);
      }
    }
  });

  describeStreamExamples({
    grammar: responsesStreamGrammar,
    read: readExamples,
    validateEvent: (type, data) => (isKnown(type) ? registry.validate(responsesEventSchemaId(type), data) : undefined),
  });
});
