import { describe, expect, it } from 'vitest';
import { type Capture, readCaptures } from '../../../fixtures/captures/read-captures.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { ORIGIN } from '../../test-support.ts';
import { chunkProblems, GEMINI_KEY, sseChunks, validateGemini } from './test-support.ts';

// Set by the HTTP stack, not by the client: a replay through `fetch` must not copy them.
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** The captured request, with the redacted key replaced by a real-looking one. */
function replay(capture: Capture): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(capture.headers)) {
    if (!HOP_BY_HOP.has(name)) headers.set(name, name === 'x-goog-api-key' ? GEMINI_KEY : value);
  }
  const query = new URLSearchParams(capture.query).toString();
  return new Request(`${ORIGIN}${capture.path}${query ? `?${query}` : ''}`, { method: capture.method, headers, body: capture.bodyText });
}

/** Every captured call of a Gemini method (`/v1beta/…`, or `/v1/models/{model}:method`). */
const captures = readCaptures()
  .filter((capture) => capture.path.startsWith('/v1beta/') || /^\/v1\/models\/[^/]+:/.test(capture.path))
  .map((capture) => ({ file: capture.file, capture }));

describe('captured Gemini client requests are accepted', () => {
  const mock = createMockServer({ validateOutput: 'throw' });

  it('come from the official SDK, the Vercel AI SDK and LangChain, streaming and not', () => {
    expect(new Set(captures.map((c) => c.file))).toEqual(new Set(['google-genai.jsonl', 'aisdk-google.jsonl', 'langchain-google.jsonl']));
    expect(captures.some(({ capture }) => capture.query.alt === 'sse')).toBe(true);
    expect(captures.some(({ capture }) => capture.path.endsWith(':generateContent'))).toBe(true);
  });

  for (const { file, capture } of captures) {
    it(`${file} #${capture.seq}: ${capture.method} ${capture.path}`, async () => {
      const res = await mock.fetch(replay(capture));
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBe(200);
      if (capture.query.alt === 'sse') {
        expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(chunkProblems(sseChunks(text))).toEqual([]);
      } else {
        expect(validateGemini('generateContentResponse', JSON.parse(text))).toEqual([]);
      }
    });
  }
});
