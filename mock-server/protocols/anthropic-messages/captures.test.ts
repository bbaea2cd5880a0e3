import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { ORIGIN, streamProblems, TEST_API_KEY } from '../../test-support.ts';

interface Capture {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

const CAPTURES_DIR = new URL('../../../fixtures/captures/', import.meta.url);
// Set by the HTTP stack, not by the client: a replay through `fetch` must not copy them.
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** The captured request as a WHATWG Request, with the redacted credential replaced by a real-looking key. */
function replay(capture: Capture): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(capture.headers)) {
    if (HOP_BY_HOP.has(name)) continue;
    if (name === 'x-api-key') headers.set(name, TEST_API_KEY);
    else if (name === 'authorization') headers.set(name, `Bearer ${TEST_API_KEY}`);
    else headers.set(name, value);
  }
  const query = new URLSearchParams(capture.query).toString();
  const body = capture.body === null || capture.body === undefined ? undefined : JSON.stringify(capture.body);
  return new Request(`${ORIGIN}${capture.path}${query ? `?${query}` : ''}`, { method: capture.method, headers, body });
}

const files = readdirSync(CAPTURES_DIR).filter((f) => f.endsWith('.jsonl'));
const captures = files.flatMap((file) =>
  readFileSync(new URL(file, CAPTURES_DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ file, capture: JSON.parse(line) as Capture })),
);

// Captures of the routes this mock serves (other protocols' captures join as their adapters land).
const served = (c: Capture) =>
  (c.method === 'POST' && c.path === '/v1/messages') ||
  (c.method === 'POST' && c.path === '/v1/messages/count_tokens') ||
  (c.method === 'GET' && c.path.startsWith('/v1/models') && c.headers['anthropic-version'] !== undefined) ||
  (c.method === 'HEAD' && c.path === '/');

describe('captured client requests are accepted', () => {
  const mock = createMockServer({ validateOutput: 'throw' });
  const relevant = captures.filter(({ capture }) => served(capture));

  it('there are captures of every served route kind, from every client', () => {
    expect(relevant.length).toBeGreaterThanOrEqual(8);
    const clients = new Set(relevant.map((r) => r.file));
    for (const file of ['anthropic-sdk.jsonl', 'aisdk-anthropic.jsonl', 'langchain-anthropic.jsonl', 'claude-code-anthropic.jsonl']) expect(clients.has(file), file).toBe(true);
    expect(relevant.some(({ capture }) => capture.query.beta === 'true')).toBe(true);
    expect(relevant.some(({ capture }) => capture.method === 'HEAD')).toBe(true);
  });

  for (const { file, capture } of relevant) {
    it(`${file} #${capture.seq}: ${capture.method} ${capture.path}`, async () => {
      const res = await mock.fetch(replay(capture));
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBeGreaterThanOrEqual(200);
      expect(res.status, text.slice(0, 500)).toBeLessThan(300);
      const streaming = (capture.body as { stream?: boolean } | null)?.stream === true;
      if (streaming) {
        expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(streamProblems(text)).toEqual([]);
      }
    });
  }

  it('Claude Code’s request streams to message_stop', async () => {
    const claude = relevant.find(({ file, capture }) => file === 'claude-code-anthropic.jsonl' && capture.method === 'POST');
    expect(claude).toBeDefined();
    const res = await mock.fetch(replay(claude!.capture));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
    expect(text).toContain('"type":"thinking"');
  });
});
