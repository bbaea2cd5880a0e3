import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../cli/report/html-report.ts';
import { renderJunit } from '../cli/report/junit-report.ts';
import { FIXTURE_ACTUAL, FIXTURE_EXPECTED, fixtureReport, HOSTILE } from '../cli/report/report-fixture.ts';
import { runCli, useTempDir } from './cli-helpers.ts';
import { answering } from './hostile-targets.ts';

/**
 * The HTML report as a reader sees it: opened in headless Chromium (Debian's package, driven by
 * playwright-core; never a downloaded browser), offline, with every network request recorded.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[html-report.browser.test] skipped: ${CHROMIUM} is missing; install it with: apt-get install -y chromium`);

const tempDir = useTempDir('llm-conformance-html-');
let context: BrowserContext;
let profile = '';
const requests: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  profile = await mkdtemp(join(tmpdir(), 'llm-conformance-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('request', (request) => requests.push(request.url()));
});

afterAll(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function open(file: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  return page;
}

/** What a script from the target would have left behind, and the elements escaping must prevent. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img, iframe, object, embed').length,
    textareas: document.querySelectorAll('textarea').length,
  }));

describe.skipIf(!hasChromium)(`the HTML report in Chromium (skipped without ${CHROMIUM}: apt-get install -y chromium)`, () => {
  it('shows the matrix, each failure with expected and actual, readiness and the run, and runs nothing from the target', async () => {
    const file = join(tempDir(), 'fixture.html');
    await writeFile(file, renderHtml(fixtureReport()));
    const page = await open(file);

    expect(await page.textContent('#verdict')).toBe('NOT CONFORMANT');
    const stream = page.locator('td[data-protocol="anthropic-messages"][data-area="stream"]');
    expect(await stream.getAttribute('class')).toBe('cell fail');
    expect(await stream.innerText()).toMatch(/^0\/2\s+1 failed · 1 blocked$/);
    expect(await page.locator('td[data-protocol="openai-chat"][data-area="stream"]').getAttribute('class')).toBe('cell ok');
    expect(await page.locator('td[data-protocol="openai-chat"][data-area="thinking"]').count()).toBe(0);

    const failure = page.locator('article[data-check="anthropic-messages/stream/event-order"]');
    expect(await failure.locator('pre.expected').innerText()).toBe(FIXTURE_EXPECTED);
    const actual = await failure.locator('pre.actual').innerText();
    expect(actual).toContain('events: message_start, content_block_delta ×3 <script>window.__pwned=1</script></textarea><img src=x onerror="window.__pwned=2">]]>');
    expect(actual).toContain('\\u{001b}[31mRED');
    expect(FIXTURE_ACTUAL).toContain(HOSTILE);
    expect(await failure.locator('pre.response').innerText()).toContain('<script>window.__pwned=1</script>');
    expect(await failure.locator('.spec a').getAttribute('href')).toBe('https://docs.example.com/anthropic-messages/stream/event-order');
    expect(await failure.locator('.blocks a').innerText()).toBe('anthropic-messages/stream/no-done-sentinel');
    expect(await page.locator('tr#check--anthropic-messages_stream_no-done-sentinel').innerText()).toContain('blocked by anthropic-messages/stream/event-order');

    expect(await page.locator('tr[data-client="claude-code"] td').first().innerText()).toBe('not ready');
    expect(await page.locator('tr[data-client="openai-sdk"] td').first().innerText()).toBe('ready');
    expect(await page.locator('dd[data-fact="sdks"]').innerText()).toBe('openai 7.59.0, @anthropic-ai/sdk 1.14.0, @google/genai 3.3.0');
    expect(await page.locator('dd[data-fact="models"]').innerText()).toBe('anthropic-messages: claude-haiku-4-5, openai-chat: gpt-4o-mini');

    expect(await injected(page)).toEqual({ pwned: null, scripts: 0, images: 0, textareas: 0 });
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    await page.close();
  });

  it('a real run against a hostile target: its HTML page is text in the report, the JUnit XML parses', async () => {
    const target = await answering(200, { 'content-type': 'text/html' }, `<!doctype html><html><body>${HOSTILE}</body></html>`);
    try {
      const dir = join(tempDir(), 'hostile');
      const result = await runCli(['run', '--base-url', target.url, '--report-dir', dir]);
      expect(result.code).toBe(1);
      const page = await open(join(dir, 'conformance.html'));
      expect(await page.textContent('#verdict')).toBe('NOT CONFORMANT');
      expect(await page.locator('table.matrix td.cell.fail').count()).toBeGreaterThan(3);
      const responses = await page.locator('pre.response').allInnerTexts();
      expect(responses.some((text) => text.includes('<script>window.__pwned=1</script></textarea>'))).toBe(true);
      expect(await injected(page)).toEqual({ pwned: null, scripts: 0, images: 0, textareas: 0 });

      // Chromium's XML parser as a second, real judge of the JUnit report (the fixture's too).
      const parses = (xml: string) => page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror') === null, xml);
      expect(await parses(await readFile(join(dir, 'conformance.junit.xml'), 'utf8'))).toBe(true);
      expect(await parses(renderJunit(fixtureReport()))).toBe(true);
      // The judge can fail: a literal ]]> in content is not well-formed XML, nor an unclosed tag.
      expect(await parses('<a>]]></a>')).toBe(false);
      expect(await parses('<a><b></a>')).toBe(false);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      await page.close();
    } finally {
      await target.close();
    }
  });
});
