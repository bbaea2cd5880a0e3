import { describe, expect, it } from 'vitest';
import { renderHtml } from './html-report.ts';
import { html, safeHref } from './html.ts';
import { fixtureReport } from './report-fixture.ts';

describe('renderHtml (as text; test/html-report.browser.test.ts renders it)', () => {
  const page = renderHtml(fixtureReport());

  it('is one self-contained file: no script, no external resource, a CSP that forbids both', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(page).not.toMatch(/<[a-z][^>]*\s(src|on[a-z]+)\s*=/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;`);
    expect(page).not.toMatch(/url\(/);
  });

  it('escapes target text: markup, quotes, the textarea end and terminal escapes arrive as text', () => {
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;/textarea&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;]]&gt;');
    expect(page).toContain('\\u{001b}[31mRED');
    // eslint-disable-next-line no-control-regex
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
  });

  it('links only to http(s): a javascript: spec link becomes #', () => {
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref('https://docs.claude.com/en/api')).toBe('https://docs.claude.com/en/api');
    const report = fixtureReport();
    const evil = { ...report, checks: report.checks.map((c) => (c.status === 'fail' ? { ...c, spec: 'javascript:alert(1)' } : c)) };
    expect(renderHtml(evil)).not.toContain('href="javascript:');
  });

  it('the html template escapes every value and keeps nested templates', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x\''}">${inner}${['<a>', 1]}</p>`.value).toBe('<p title="&quot;x&#39;"><b>&lt;i&gt;</b>&lt;a&gt;1</p>');
  });
});
