import { describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import { canonicalRequest, WEATHER_SCHEMA } from '../test-support.ts';
import type { CanonicalReply, CanonicalRequest, CanonicalTool } from './canonical.ts';
import { composeText, stripWrappers } from './echo.ts';
import { MockProtocolError } from './protocol-error.ts';
import { generateReply } from './reply-engine.ts';
import { countTokens } from './token-estimator.ts';
import { planToolUse } from './tool-plan.ts';

// The engine features other protocols rely on: structured output, tool-choice sets, server tools,
// bounded generation and the echo rule.
const context = { toolCallId: (i: number) => `call_${i}`, serverToolCallId: (i: number) => `srv_${i}` };
const reply = (overrides: Partial<CanonicalRequest> = {}): CanonicalReply => generateReply(canonicalRequest(overrides), context);
const textOf = (r: CanonicalReply) => r.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('');
const tool = (name: string, extra: Partial<CanonicalTool> = {}): CanonicalTool => ({ name, inputSchema: WEATHER_SCHEMA, ...extra });

describe('structured output', () => {
  it('answers JSON valid against the schema, counted as text', () => {
    const r = reply({ output: { kind: 'json', schema: WEATHER_SCHEMA, name: 'weather' } });
    const value = JSON.parse(textOf(r)) as unknown;
    const compiled = compileToolSchema(WEATHER_SCHEMA);
    expect(compiled.ok && compiled.validate(value)).toEqual([]);
    expect(r).toMatchObject({ stopReason: 'end', usage: { outputTokens: countTokens(textOf(r)) } });
    expect(r.shortfalls).toBeUndefined();
  });

  it('without a schema: a JSON object carrying the echo', () => {
    expect(JSON.parse(textOf(reply({ output: { kind: 'json' } })))).toEqual({ text: 'The quick brown fox jumps over the lazy dog.' });
  });

  it('a value larger than max_tokens is left out (max-tokens); one beyond the mock’s bounds is a 400', () => {
    const huge = { type: 'object', properties: { s: { type: 'string', minLength: 5_000_000 } }, required: ['s'] };
    expect(reply({ output: { kind: 'json', schema: huge }, maxOutputTokens: 64_000 })).toMatchObject({ blocks: [], stopReason: 'max-tokens' });
    expect(() => reply({ output: { kind: 'json', schema: huge } })).toThrow(MockProtocolError);
    expect(() => reply({ output: { kind: 'json', schema: huge } })).toThrow(/the structured output: a string of minLength 5000000 exceeds the mock's bound/);
  });

  it('a forced tool call wins over structured output', () => {
    const r = reply({ output: { kind: 'json' }, tools: [tool('get_weather')], toolChoice: { mode: 'required', parallel: true } });
    expect(r.blocks.map((b) => b.kind)).toEqual(['tool-call']);
  });
});

describe('tool choice with a set of names', () => {
  const tools = [tool('a'), tool('b'), tool('c')];

  it('required + several names + parallel: one call per named tool, in declaration order', () => {
    const r = reply({ tools, toolChoice: { mode: 'required', names: ['c', 'a'], parallel: true } });
    expect(r.blocks.map((b) => (b.kind === 'tool-call' ? [b.id, b.name] : b.kind))).toEqual([['call_0', 'a'], ['call_1', 'c']]);
    expect(r.stopReason).toBe('tool-use');
  });

  it('one call without parallel, with one name, or with auto', () => {
    expect(planToolUse({ tools, toolChoice: { mode: 'required', names: ['c', 'b'], parallel: false } })).toEqual({ kind: 'client', tools: [tools[1]] });
    expect(planToolUse({ tools, toolChoice: { mode: 'required', names: ['c'], parallel: true } })).toEqual({ kind: 'client', tools: [tools[2]] });
    expect(planToolUse({ tools, toolChoice: { mode: 'auto', names: ['a', 'b'], parallel: true } })).toEqual({ kind: 'none' });
    expect(planToolUse({ tools, toolChoice: { mode: 'required', names: ['zzz'], parallel: true } })).toEqual({ kind: 'none' });
  });

  it('built-in client tools are called with their schema; unknown built-ins never', () => {
    const bash = tool('bash', { builtin: 'bash_20250124', execution: 'client', inputSchema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'], examples: [{ command: 'ls' }] } });
    const toolset = tool('mcp', { builtin: 'mcp_toolset', inputSchema: {} });
    expect(reply({ tools: [toolset, bash], toolChoice: { mode: 'required', parallel: true } }).blocks).toEqual([{ kind: 'tool-call', id: 'call_0', name: 'bash', input: { command: 'ls' } }]);
    expect(reply({ tools: [toolset], toolChoice: { mode: 'required', parallel: true } }).blocks.map((b) => b.kind)).toEqual(['text']);
  });
});

describe('server tools', () => {
  const search = tool('web_search', { builtin: 'web_search_20250305', execution: 'web-search', inputSchema: {} });

  it('a forced server tool: its call, its deterministic result, then the text; counted in usage', () => {
    const r = reply({ tools: [search], toolChoice: { mode: 'tool', name: 'web_search', parallel: true } });
    expect(r.blocks.map((b) => b.kind)).toEqual(['server-tool-call', 'server-tool-result', 'text']);
    expect(r.blocks[0]).toEqual({ kind: 'server-tool-call', id: 'srv_0', name: 'web_search', server: 'web-search', builtin: 'web_search_20250305', input: { kind: 'web-search', query: 'The quick brown fox jumps over the lazy dog.' } });
    expect(r.blocks[1]).toMatchObject({ kind: 'server-tool-result', callId: 'srv_0', result: { kind: 'web-search', results: [{ url: 'https://example.com/search/the-quick-brown-fox-jumps-over-the-lazy-dog/1' }, {}, {}] } });
    expect(r).toMatchObject({ stopReason: 'end', usage: { serverToolRequests: { 'web-search': 1 } } });
    expect(reply({ tools: [search], toolChoice: { mode: 'tool', name: 'web_search', parallel: true } })).toEqual(r);
  });

  it('a server tool call that does not fit max_tokens stops with max-tokens', () => {
    expect(reply({ tools: [search], toolChoice: { mode: 'required', parallel: true }, maxOutputTokens: 3 })).toMatchObject({ blocks: [], stopReason: 'max-tokens' });
  });
});

describe('the echo rule', () => {
  const user = (...texts: string[]) => [{ role: 'user' as const, parts: texts.map((text) => ({ kind: 'text' as const, text })) }];

  it('drops tag blocks whose name has a hyphen or underscore, keeps HTML and unclosed tags', () => {
    expect(composeText(user('<system-reminder>ctx</system-reminder>', 'fix the bug'))).toBe('fix the bug');
    expect(composeText(user('<command-name>/review</command-name>\n<command-args>pr 7</command-args>\nplease review'))).toBe('please review');
    expect(composeText(user('<ide_selection a="1">x</ide_selection>Explain <b>this</b>'))).toBe('Explain <b>this</b>');
    expect(stripWrappers('keep <open-tag> when it never closes')).toBe('keep <open-tag> when it never closes');
    expect(composeText(user('<system-reminder>only a wrapper</system-reminder>'))).toBe('<system-reminder>only a wrapper</system-reminder>');
  });

  it('stays linear on hostile text (a bounded number of wrapper scans)', () => {
    const hostile = '<a-b>'.repeat(200_000);
    expect(stripWrappers(hostile)).toBe(hostile);
  });
});
