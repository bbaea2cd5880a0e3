import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../suites/harness/runner.ts';
import { MARKDOWN_MAX_CHARS, renderMarkdown } from './markdown-report.ts';
import { FIXTURE_EXPECTED, fixtureReport, fixtureResults, HOSTILE } from './report-fixture.ts';

/** The Markdown outside code (fenced blocks and code spans, as CommonMark delimits them): where markup would be live. */
function outsideCode(md: string): string {
  const lines: string[] = [];
  let fence = '';
  for (const line of md.split('\n')) {
    const opener = /^(`{3,})/.exec(line)?.[1];
    if (fence === '' && opener) fence = opener;
    else if (fence !== '' && line.startsWith(fence) && line.trim() === line.slice(0, line.search(/[^`]|$/))) fence = '';
    else if (fence === '') lines.push(line);
  }
  // A code span opens with a run of n backticks and closes at the next run of exactly n.
  return lines.join('\n').replace(/(?<!`)(`+)(?!`)([\s\S]*?)(?<!`)\1(?!`)/g, '');
}

/** Raw HTML tags left in live Markdown, but the renderer's own. */
function foreignTags(md: string): string[] {
  return (outsideCode(md).match(/<\/?[A-Za-z][^>]*>/g) ?? []).filter((tag) => !/^<\/?(details|summary|sub)>$|^<https:\/\/[^\s<>]+>$/.test(tag));
}

describe('renderMarkdown', () => {
  const md = renderMarkdown(fixtureReport());

  it('states the verdict, the run (target, models, tool, SDK versions, dates) and the counts', () => {
    expect(md).toMatch(/^## ❌ llm-conformance: NOT CONFORMANT\n/);
    expect(md).toContain('**7 checks** against `http://127.0.0.1:4010`: **3 passed**, **2 failed** (1 must), 1 blocked, 1 skipped · exit 1');
    expect(md).toContain('| models | `anthropic-messages: claude-haiku-4-5, openai-chat: gpt-4o-mini` |');
    expect(md).toContain('| sdks | `openai 7.59.0, @anthropic-ai/sdk 1.14.0, @google/genai 3.3.0` |');
    expect(md).toContain('| started | `2026-11-22T01:00:00.000Z` |');
  });

  it('has the area × protocol matrix', () => {
    expect(md).toContain('| area | anthropic-messages | openai-chat |');
    expect(md).toContain('| stream | ❌ 0/2 passed · 1 failed · 1 blocked | ✅ 1/1 passed |');
    expect(md).toMatch(/\| basic \| ✅ 1\/1 passed \| ✅ 1\/1 passed \|/);
    expect(md).toMatch(/\| thinking \| ⏭️ 0\/1 passed · 1 skipped \| {2}\|/);
  });

  it('shows each failure with expected vs actual, the spec, what it blocks and the exchange', () => {
    expect(md).toContain('#### ❌ `anthropic-messages/stream/event-order` (must) — blocks 1 check');
    expect(md).toContain(`- **expected**: \`${FIXTURE_EXPECTED}\``);
    expect(md).toContain('- **actual**: ```` events: message_start');
    expect(md).toContain('- **spec**: <https://docs.example.com/anthropic-messages/stream/event-order>');
    expect(md).toContain('- **blocks**: `anthropic-messages/stream/no-done-sentinel`');
    expect(md).toContain('<details><summary>exchange: POST /v1/messages → HTTP 200 text/event-stream, 4242 B in 12 ms</summary>');
    expect(md).toContain('#### ⚠️ `anthropic-messages/errors/request-id` (should)');
  });

  it('ends with client readiness', () => {
    const readiness = md.slice(md.indexOf('### Client readiness'));
    expect(readiness).toContain('| Claude Code | ❌ not ready | 1 must check failed: anthropic-messages/stream/event-order |');
    expect(readiness).toMatch(/\| LangChain \| ⚠️ ready with limitations \| 1 should check failed/);
    expect(readiness).toMatch(/\| OpenAI SDKs \(openai-node, openai-python\) \| ✅ ready \|/);
  });

  it('keeps target text inert: no live HTML, no control characters, fences longer than its backtick runs', () => {
    expect(md).toContain('<script>window.__pwned=1</script>');
    expect(foreignTags(md)).toEqual([]);
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(md).toContain('\\u{001b}[31mRED');
    // The check above can fail: the same text outside code would be live HTML.
    expect(foreignTags(`${md}\n${HOSTILE}`)).not.toEqual([]);
  });

  it('stays under the size GitHub accepts, whatever the target sent, and says what it left out', () => {
    const many: CheckResult[] = Array.from({ length: 400 }, (_, i) => ({
      ...fixtureResults(`${HOSTILE}${'x'.repeat(5000)}`)[1]!,
      id: `anthropic-messages/stream/check-${i}`,
    }));
    const big = renderMarkdown(fixtureReport({ results: many }));
    expect(big.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    expect(big).toMatch(/…and \d+ more failures, left out to keep this summary short: see the JSON or HTML report\./);
    expect(big).toContain('### Client readiness');
    expect(foreignTags(big)).toEqual([]);
  });
});
