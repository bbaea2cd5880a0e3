import { describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import { canonicalRequest, WEATHER_SCHEMA } from '../test-support.ts';
import type { CanonicalPart, CanonicalReply, CanonicalRequest, CanonicalTool } from './canonical.ts';
import { applyLimits, composeText, generateReply } from './reply-engine.ts';
import { estimateRequestTokens, TOKEN_OVERHEAD } from './request-tokens.ts';
import { verifyThinkingSignature } from './thinking-signature.ts';
import { countTokens, tokenize } from './token-estimator.ts';

const context = { toolCallId: (i: number) => `toolu_test_${i}` };
const PROMPT = 'The quick brown fox jumps over the lazy dog.';
const text = (t: string): CanonicalPart => ({ kind: 'text', text: t });
/** The text block the engine answers: the text and its tokens (which join back to it). */
const textBlock = (t: string) => ({ kind: 'text', text: t, tokens: tokenize(t) });
const WEATHER: CanonicalTool = { name: 'get_weather', description: 'Weather', inputSchema: WEATHER_SCHEMA };
const SEARCH: CanonicalTool = { name: 'web_search', inputSchema: {}, builtin: 'web_search_20250305' };

/** Tokens of everything the reply emits, counted independently of the engine. */
function emittedTokens(reply: CanonicalReply, thinkingText?: string): number {
  let total = 0;
  for (const block of reply.blocks) {
    if (block.kind === 'text') total += countTokens(block.text);
    if (block.kind === 'thinking') total += countTokens(thinkingText ?? block.text);
    if (block.kind === 'tool-call') total += TOKEN_OVERHEAD.toolBlock + countTokens(block.name) + countTokens(JSON.stringify(block.input));
  }
  return total;
}

function reply(overrides: Partial<CanonicalRequest> = {}): CanonicalReply {
  return generateReply(canonicalRequest(overrides), context);
}

describe('generateReply: text', () => {
  it('echoes the last user turn and ends the turn', () => {
    const r = reply();
    expect(r.blocks).toEqual([textBlock(PROMPT)]);
    expect(r.stopReason).toBe('end');
    expect(r.stopSequence).toBeUndefined();
    expect(r.usage).toEqual({ inputTokens: estimateRequestTokens(canonicalRequest()), outputTokens: countTokens(PROMPT), cacheReadTokens: 0, cacheWriteTokens: 0, thinkingTokens: 0 });
  });

  it('is deterministic', () => {
    expect(reply({ maxOutputTokens: 5 })).toEqual(reply({ maxOutputTokens: 5 }));
  });

  it('cuts at a token boundary when max_tokens is reached, and counts exactly what it kept', () => {
    for (const max of [1, 2, 5, 12]) {
      const r = reply({ maxOutputTokens: max });
      expect(r.blocks).toEqual([textBlock(tokenize(PROMPT).slice(0, max).join(''))]);
      expect(r.stopReason).toBe('max-tokens');
      expect(r.usage.outputTokens).toBe(max);
      expect(r.usage.outputTokens).toBe(emittedTokens(r));
    }
  });

  it('ends normally when the text fits max_tokens exactly', () => {
    const r = reply({ maxOutputTokens: countTokens(PROMPT) });
    expect(r.stopReason).toBe('end');
    expect(r.blocks).toEqual([textBlock(PROMPT)]);
  });

  it('with max_tokens 0 answers no block and max-tokens', () => {
    const r = reply({ maxOutputTokens: 0 });
    expect(r).toMatchObject({ blocks: [], stopReason: 'max-tokens', usage: { outputTokens: 0 } });
  });
});

describe('generateReply: stop sequences', () => {
  it('stops before the earliest match, whatever the order of the list', () => {
    const r = reply({ stopSequences: ['lazy', 'brown', 'zzz'] });
    expect(r.blocks).toEqual([textBlock('The quick ')]);
    expect(r.stopReason).toBe('stop-sequence');
    expect(r.stopSequence).toBe('brown');
    expect(r.usage.outputTokens).toBe(countTokens('The quick '));
    expect(r.usage.outputTokens).toBe(emittedTokens(r));
  });

  it('matches only within the max_tokens budget', () => {
    const r = reply({ stopSequences: ['lazy'], maxOutputTokens: 3 });
    expect(r.stopReason).toBe('max-tokens');
    expect(r.stopSequence).toBeUndefined();
    expect(r.blocks).toEqual([textBlock(tokenize(PROMPT).slice(0, 3).join(''))]);
  });

  it('matches a sequence that ends exactly at the budget', () => {
    // "The quick brown" = The | quic | k | brow | n: five tokens.
    const r = reply({ stopSequences: ['brown'], maxOutputTokens: 5 });
    expect(r).toMatchObject({ stopReason: 'stop-sequence', stopSequence: 'brown', blocks: [{ kind: 'text', text: 'The quick ' }] });
  });

  it('emits no block when the text starts with the stop sequence', () => {
    const r = reply({ stopSequences: ['The'] });
    expect(r).toMatchObject({ blocks: [], stopReason: 'stop-sequence', stopSequence: 'The', usage: { outputTokens: 0 } });
  });

  it('ignores sequences that do not occur, and the empty string', () => {
    expect(reply({ stopSequences: ['', 'absent'] }).stopReason).toBe('end');
  });

  it('applyLimits reports the tokens it kept', () => {
    expect(applyLimits('a b c d', ['c'], 10)).toEqual({ text: 'a b ', pieces: ['a', ' b', ' '], tokens: 3, stopReason: 'stop-sequence', stopSequence: 'c' });
    expect(applyLimits('a b c d', [], 2)).toEqual({ text: 'a b', pieces: ['a', ' b'], tokens: 2, stopReason: 'max-tokens' });
    expect(applyLimits('a b', [], 2)).toEqual({ text: 'a b', pieces: ['a', ' b'], tokens: 2, stopReason: 'end' });
  });
});

describe('generateReply: tools', () => {
  const validate = (input: unknown) => {
    const compiled = compileToolSchema(WEATHER_SCHEMA);
    if (!compiled.ok) throw new Error(compiled.error);
    return compiled.validate(input);
  };

  it('a named tool choice answers one call whose input validates against the tool schema', () => {
    const r = reply({ tools: [SEARCH, WEATHER], toolChoice: { mode: 'tool', name: 'get_weather', parallel: true } });
    expect(r.blocks).toHaveLength(1);
    const [call] = r.blocks;
    expect(call).toMatchObject({ kind: 'tool-call', id: 'toolu_test_0', name: 'get_weather' });
    expect(validate(call?.kind === 'tool-call' ? call.input : undefined)).toEqual([]);
    expect(r.stopReason).toBe('tool-use');
    expect(r.usage.outputTokens).toBe(emittedTokens(r));
  });

  it('reports a shortfall (never hides it) when it cannot satisfy a tool schema', () => {
    const strict: CanonicalTool = {
      name: 'book',
      inputSchema: { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$', maxLength: 4 } }, required: ['code'] },
    };
    const r = reply({ tools: [strict], toolChoice: { mode: 'tool', name: 'book', parallel: true } });
    expect(r.blocks[0]?.kind).toBe('tool-call');
    expect(r.shortfalls?.[0]?.message).toMatch(/^tool-input\.code: the mock could not build an input that satisfies book's input_schema: /);
    expect(reply({ tools: [WEATHER], toolChoice: { mode: 'tool', name: 'get_weather', parallel: true } }).shortfalls).toBeUndefined();
  });

  it('`required` calls the first callable tool (never a builtin one)', () => {
    const r = reply({ tools: [SEARCH, WEATHER], toolChoice: { mode: 'required', parallel: false } });
    expect(r.blocks.map((b) => (b.kind === 'tool-call' ? b.name : b.kind))).toEqual(['get_weather']);
  });

  it('`auto` and `none` answer in text', () => {
    for (const mode of ['auto', 'none'] as const) {
      const r = reply({ tools: [WEATHER], toolChoice: { mode, parallel: true } });
      expect(r.blocks).toEqual([textBlock(PROMPT)]);
      expect(r.stopReason).toBe('end');
    }
  });

  it('a tool call that does not fit max_tokens is left out and stops with max-tokens', () => {
    const r = reply({ tools: [WEATHER], toolChoice: { mode: 'tool', name: 'get_weather', parallel: true }, maxOutputTokens: 5 });
    expect(r).toMatchObject({ blocks: [], stopReason: 'max-tokens', usage: { outputTokens: 0 } });
  });

  it('acknowledges a tool result when the last user turn carries one', () => {
    const messages = [
      { role: 'user' as const, parts: [text('weather?')] },
      { role: 'assistant' as const, parts: [{ kind: 'tool-call' as const, id: 't1', name: 'get_weather', input: {} }] },
      { role: 'user' as const, parts: [{ kind: 'tool-result' as const, callId: 't1', isError: false, parts: [text('sunny, 21C')] }] },
    ];
    expect(composeText(messages)).toBe('Tool result received: sunny, 21C');
    expect(composeText([messages[2]!].map((m) => ({ ...m, parts: [{ kind: 'tool-result' as const, callId: 't1', isError: false, parts: [] }] })))).toBe(
      'Tool result received.',
    );
  });

  it('echoes the last user turn with text, skipping assistant and system turns', () => {
    expect(composeText([{ role: 'user', parts: [text('first')] }, { role: 'assistant', parts: [text('x')] }, { role: 'user', parts: [text('second')] }])).toBe('second');
    expect(composeText([{ role: 'user', parts: [text('  padded  ')] }, { role: 'system', parts: [text('sys')] }])).toBe('padded');
    expect(composeText([{ role: 'assistant', parts: [text('only assistant')] }])).toBe('Hello from the llm-conformance mock.');
  });
});

describe('generateReply: thinking', () => {
  const thinkingOf = (r: CanonicalReply) => r.blocks.find((b) => b.kind === 'thinking');

  it('enabled: a signed thinking block comes first, then the text', () => {
    const r = reply({ thinking: { mode: 'enabled', budgetTokens: 1024, display: 'summarized' } });
    expect(r.blocks.map((b) => b.kind)).toEqual(['thinking', 'text']);
    const thinking = thinkingOf(r);
    if (thinking?.kind !== 'thinking') throw new Error('no thinking block');
    expect(thinking.text.length).toBeGreaterThan(0);
    expect(verifyThinkingSignature(thinking.text, thinking.signature)).toBe(true);
    expect(r.usage.thinkingTokens).toBe(countTokens(thinking.text));
    expect(r.usage.outputTokens).toBe(emittedTokens(r));
    expect(r.stopReason).toBe('end');
  });

  it('caps thinking at budget_tokens and still answers', () => {
    const r = reply({ thinking: { mode: 'enabled', budgetTokens: 3, display: 'summarized' } });
    const thinking = thinkingOf(r);
    expect(thinking?.kind === 'thinking' && countTokens(thinking.text)).toBe(3);
    expect(r.usage.thinkingTokens).toBe(3);
    expect(r.blocks.map((b) => b.kind)).toEqual(['thinking', 'text']);
    expect(r.stopReason).toBe('end');
  });

  it('adaptive thinks without a budget', () => {
    const r = reply({ thinking: { mode: 'adaptive', display: 'summarized' } });
    expect(r.blocks.map((b) => b.kind)).toEqual(['thinking', 'text']);
    expect(r.usage.thinkingTokens).toBeGreaterThan(3);
  });

  it('`omitted` display sends empty thinking text with a valid signature, and still bills the thinking', () => {
    const shown = reply({ thinking: { mode: 'adaptive', display: 'summarized' } });
    const omitted = reply({ thinking: { mode: 'adaptive', display: 'omitted' } });
    const [a, b] = [thinkingOf(shown), thinkingOf(omitted)];
    if (a?.kind !== 'thinking' || b?.kind !== 'thinking') throw new Error('no thinking block');
    expect(b.text).toBe('');
    expect(b.signature).toBe(a.signature);
    expect(verifyThinkingSignature('', b.signature)).toBe(true);
    expect(omitted.usage).toEqual(shown.usage);
    expect(omitted.usage.outputTokens).toBe(emittedTokens(omitted, a.text));
  });

  it('max_tokens inside the thinking ends the reply there with max-tokens and no text', () => {
    const r = reply({ thinking: { mode: 'adaptive', display: 'summarized' }, maxOutputTokens: 4 });
    expect(r.blocks.map((b) => b.kind)).toEqual(['thinking']);
    expect(r.stopReason).toBe('max-tokens');
    expect(r.usage.outputTokens).toBe(4);
    expect(r.usage.outputTokens).toBe(emittedTokens(r));
  });

  it('text after thinking gets only the budget left', () => {
    const full = reply({ thinking: { mode: 'adaptive', display: 'summarized' } });
    const max = full.usage.thinkingTokens + 2;
    const r = reply({ thinking: { mode: 'adaptive', display: 'summarized' }, maxOutputTokens: max });
    expect(r.blocks.map((b) => b.kind)).toEqual(['thinking', 'text']);
    expect(r.blocks[1]).toEqual(textBlock(tokenize(PROMPT).slice(0, 2).join('')));
    expect(r).toMatchObject({ stopReason: 'max-tokens', usage: { outputTokens: max } });
  });
});
