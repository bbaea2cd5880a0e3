import { describe, expect, it } from 'vitest';
import { checkStreamGrammar } from '../tooling/stream-grammar.ts';
import { type GeminiStreamExample, readGeminiExamples } from './fixtures.ts';
import { GEMINI_CHUNK_TYPES, geminiChunkType, geminiStreamGrammar } from './stream-grammar.ts';

const events = (chunks: readonly unknown[]) => chunks.map((data) => ({ type: geminiChunkType(data), data }));

describe('geminiChunkType', () => {
  it('tells a chunk, a final chunk and a blocked prompt apart from their content', () => {
    expect(geminiChunkType({ candidates: [{ content: { parts: [{ text: 'a' }] } }] })).toBe('chunk');
    expect(geminiChunkType({ candidates: [{ content: {}, finishReason: 'STOP' }] })).toBe('final');
    expect(geminiChunkType({ candidates: [{}, { finishReason: 'MAX_TOKENS' }] })).toBe('final');
    expect(geminiChunkType({ promptFeedback: { blockReason: 'SAFETY' } })).toBe('blocked');
    expect(geminiChunkType({ candidates: [{ finishReason: '' }] })).toBe('chunk');
    for (const hostile of [null, 7, 'x', [], { candidates: 'no' }, { candidates: [null] }]) expect(geminiChunkType(hostile)).toBe('chunk');
  });

  it('names every kind the grammar knows', () => {
    expect([...geminiStreamGrammar.events]).toEqual([...GEMINI_CHUNK_TYPES]);
  });
});

describe('Gemini stream grammar', () => {
  describe('valid streams', () => {
    for (const example of readGeminiExamples<GeminiStreamExample>('streams/valid')) {
      it(`${example.name}: ${example.description}`, () => {
        expect(checkStreamGrammar(geminiStreamGrammar, events(example.chunks))).toEqual([]);
      });
    }
  });
  describe('invalid streams', () => {
    for (const example of readGeminiExamples<GeminiStreamExample>('streams/invalid')) {
      it(`${example.name}: ${example.description}`, () => {
        const [first] = checkStreamGrammar(geminiStreamGrammar, events(example.chunks));
        expect({ keyword: first?.keyword, path: first?.path }).toEqual({ keyword: example.expectKeyword, path: example.expectPath });
      });
    }
  });
});
