import { describe, expect, it } from 'vitest';
import { xmlProblem } from '../../test/xml-well-formed.ts';
import { renderJunit } from './junit-report.ts';
import { FIXTURE_ACTUAL, FIXTURE_EXPECTED, fixtureReport } from './report-fixture.ts';

describe('renderJunit', () => {
  const xml = renderJunit(fixtureReport());

  it('is well-formed XML 1.0 although the target sent markup, ]]>, control characters and a lone surrogate', () => {
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('\u001b');
    expect(xml).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;/textarea&gt;');
    expect(xml).toContain(']]&gt;');
    expect(xml).toContain('\\u{001b}[31mRED');
    expect(xml).toContain('\\u{d800}');
  });

  it('the checker catches what it must (so the assertion above can fail)', () => {
    expect(xmlProblem(xml.replace('&lt;script&gt;', '<script>'))).toBeDefined();
    expect(xmlProblem(xml.replace(']]&gt;', ']]>'))).toBeDefined();
    expect(xmlProblem(xml.replace('\\u{001b}', '\u001b'))).toBeDefined();
    expect(xmlProblem(xml.replace('&amp;', '&'))).toBeDefined();
  });

  it('has one testsuite per protocol and one testcase per check, with counts', () => {
    expect(xml).toMatch(/<testsuites name="llm-conformance" tests="7" failures="2" errors="0" skipped="2"/);
    expect(xml).toMatch(/<testsuite name="anthropic-messages" tests="5" failures="2" errors="0" skipped="2"/);
    expect(xml).toMatch(/<testsuite name="openai-chat" tests="2" failures="0" errors="0" skipped="0"/);
    expect(xml.match(/<testcase /g)).toHaveLength(7);
    expect(xml).toContain('<testcase classname="anthropic-messages.stream" name="anthropic-messages/stream/event-order" time="0.007">');
  });

  it('a failure carries expected vs actual, the spec and the exchange; skips their reason; blocked ones their root', () => {
    const failure = /<failure message="([^"]*)" type="must">([^<]*)<\/failure>/.exec(xml);
    expect(failure?.[1]).toMatch(/^\[must\] the stream ended without message_stop/);
    expect(failure?.[2]).toContain(`expected: ${FIXTURE_EXPECTED}`);
    expect(failure?.[2]).toContain(`actual:   ${FIXTURE_ACTUAL.slice(0, 40)}`);
    expect(failure?.[2]).toContain('spec: https://docs.example.com/anthropic-messages/stream/event-order');
    expect(failure?.[2]).toContain('&gt; POST http://127.0.0.1:4010/v1/messages');
    expect(failure?.[2]).toContain('&lt; HTTP 200');
    expect(xml).toContain('<failure message="[should] no request-id header" type="should">');
    expect(xml).toContain('<skipped message="blocked by anthropic-messages/stream/event-order (the text stream)"/>');
    expect(xml).toContain('<skipped message="capability-absent: the target does not offer extended thinking"/>');
  });

  it('states the run in properties: target, model, tool, SDK versions, dates; and readiness in system-out', () => {
    expect(xml).toContain('<property name="target" value="http://127.0.0.1:4010"/>');
    expect(xml).toContain('<property name="model" value="gpt-4o-mini"/>');
    expect(xml).toContain('<property name="sdks" value="openai 7.59.0, @anthropic-ai/sdk 1.14.0, @google/genai 3.3.0"/>');
    expect(xml).toContain('<property name="started" value="2026-11-22T01:00:00.000Z"/>');
    expect(xml).toMatch(/<system-out>[^<]*Claude Code: not ready \(1 must check failed: anthropic-messages\/stream\/event-order\)/);
  });

  it('an internal error of the tool is an <error>, not a failure', () => {
    const report = fixtureReport();
    const withBug = { ...report, checks: report.checks.map((c, i) => (i === 0 ? { ...c, status: 'skip' as const, skipKind: 'internal-error' as const, message: 'internal error', internalError: 'TypeError: x\n    at y' } : c)) };
    const out = renderJunit(withBug);
    expect(out).toContain('<error message="internal error" type="internal-error">TypeError: x\n    at y</error>');
    expect(xmlProblem(out)).toBeUndefined();
  });
});
