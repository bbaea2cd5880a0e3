import { describe, expect, it } from 'vitest';
import { canonicalRequest } from '../test-support.ts';
import type { CanonicalPart, CanonicalTool } from './canonical.ts';
import { estimateRequestTokens, partsTokens, TOKEN_OVERHEAD } from './request-tokens.ts';
import { countTokens } from './token-estimator.ts';

const text = (t: string): CanonicalPart => ({ kind: 'text', text: t });
const TOOL: CanonicalTool = { name: 'get_weather', description: 'Get the weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } };

describe('estimateRequestTokens', () => {
  it('is the request overhead plus one message overhead plus the text', () => {
    const request = canonicalRequest({ messages: [{ role: 'user', parts: [text('Hello world')] }] });
    expect(estimateRequestTokens(request)).toBe(TOKEN_OVERHEAD.request + TOKEN_OVERHEAD.message + countTokens('Hello world'));
  });

  it('counts a non-empty system prompt with its overhead, and nothing for an empty one', () => {
    const base = canonicalRequest();
    const withSystem = canonicalRequest({ system: [text('You are terse.')] });
    expect(estimateRequestTokens(withSystem) - estimateRequestTokens(base)).toBe(TOKEN_OVERHEAD.system + countTokens('You are terse.'));
    expect(estimateRequestTokens(canonicalRequest({ system: [] }))).toBe(estimateRequestTokens(base));
  });

  it('counts each tool: overhead, name, description and schema; a builtin tool without its schema', () => {
    const base = canonicalRequest();
    const schemaTokens = countTokens(JSON.stringify(TOOL.inputSchema));
    const one = TOKEN_OVERHEAD.tool + countTokens(TOOL.name) + countTokens(TOOL.description ?? '') + schemaTokens;
    expect(estimateRequestTokens(canonicalRequest({ tools: [TOOL] })) - estimateRequestTokens(base)).toBe(one);
    const builtin: CanonicalTool = { ...TOOL, builtin: 'web_search_20250305' };
    expect(estimateRequestTokens(canonicalRequest({ tools: [builtin] })) - estimateRequestTokens(base)).toBe(one - schemaTokens);
  });

  it('counts every message, including a mid-conversation system message', () => {
    const one = canonicalRequest({ messages: [{ role: 'user', parts: [text('hi')] }] });
    const three = canonicalRequest({
      messages: [
        { role: 'user', parts: [text('hi')] },
        { role: 'system', parts: [text('be brief')] },
        { role: 'assistant', parts: [text('ok')] },
      ],
    });
    expect(estimateRequestTokens(three) - estimateRequestTokens(one)).toBe(2 * TOKEN_OVERHEAD.message + countTokens('be brief') + countTokens('ok'));
  });

  it('ignores everything but system, messages and tools (the same count for count_tokens and usage)', () => {
    const a = canonicalRequest({ maxOutputTokens: 5, stopSequences: ['x'], stream: true, thinking: { mode: 'enabled', budgetTokens: 2000, display: 'summarized' } });
    expect(estimateRequestTokens(a)).toBe(estimateRequestTokens(canonicalRequest()));
  });
});

describe('partsTokens', () => {
  it('prices each kind of part', () => {
    expect(partsTokens([text('Hello world')])).toBe(4);
    expect(partsTokens([{ kind: 'image', source: 'base64', mediaType: 'image/png', data: 'AAAA' }])).toBe(TOKEN_OVERHEAD.image);
    expect(partsTokens([{ kind: 'image', source: 'url', url: 'https://example.com/a.png' }])).toBe(TOKEN_OVERHEAD.image);
    expect(partsTokens([{ kind: 'document', source: 'base64', data: 'JVBERi0' }])).toBe(TOKEN_OVERHEAD.binaryDocument);
    expect(partsTokens([{ kind: 'document', source: 'text', text: 'Some text', title: 'Title' }])).toBe(countTokens('Some text') + countTokens('Title'));
    expect(partsTokens([{ kind: 'tool-call', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }])).toBe(
      TOKEN_OVERHEAD.toolBlock + countTokens('get_weather') + countTokens('{"city":"Paris"}'),
    );
    expect(partsTokens([{ kind: 'tool-result', callId: 'toolu_1', isError: false, parts: [text('sunny')] }])).toBe(TOKEN_OVERHEAD.toolBlock + countTokens('sunny'));
    expect(partsTokens([{ kind: 'thinking', text: 'Let me think.', signature: 's' }])).toBe(countTokens('Let me think.'));
    expect(partsTokens([{ kind: 'redacted-thinking', data: 'x'.repeat(17) }])).toBe(3);
    expect(partsTokens([{ kind: 'opaque', type: 'web_search_tool_result', json: '{"a":1}' }])).toBe(countTokens('{"a":1}'));
  });

  it('adds up a list and is 0 for none', () => {
    expect(partsTokens([])).toBe(0);
    expect(partsTokens([text('a'), text('b c')])).toBe(countTokens('a') + countTokens('b c'));
  });
});
