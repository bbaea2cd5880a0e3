import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { type CapturedRequest, readCaptures } from '../../../specs/tooling/examples.ts';
import { replayCapture, streamProblems } from '../../test-support.ts';

type Capture = CapturedRequest;

const captures = readCaptures();
const replay = replayCapture;

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
