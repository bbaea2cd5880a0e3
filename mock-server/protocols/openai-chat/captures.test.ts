import { describe, expect, it } from 'vitest';
import { type Capture, readCaptures } from '../../../fixtures/captures/read-captures.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { ORIGIN } from '../../test-support.ts';
import { OPENAI_TEST_KEY } from '../openai-common/test-helpers.ts';
import { chatStreamProblems, validateChat } from './test-helpers.ts';

// Set by the HTTP stack, not by the client: a replay through `fetch` must not copy them.
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** The captured request as a WHATWG Request, its redacted key replaced by a real-looking one. */
function replay(capture: Capture): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(capture.headers)) {
    if (HOP_BY_HOP.has(name)) continue;
    headers.set(name, name === 'authorization' ? `Bearer ${OPENAI_TEST_KEY}` : value);
  }
  const query = new URLSearchParams(capture.query).toString();
  return new Request(`${ORIGIN}${capture.path}${query ? `?${query}` : ''}`, { method: capture.method, headers, body: capture.bodyText });
}

/** Captures of the routes this adapter serves: chat, embeddings, and the model list for Bearer callers. */
const served = (c: Capture) =>
  (c.method === 'POST' && (c.path === '/v1/chat/completions' || c.path === '/v1/embeddings')) ||
  (c.method === 'GET' && c.path.startsWith('/v1/models') && c.headers.authorization !== undefined && c.headers['anthropic-version'] === undefined);

describe('captured OpenAI client requests are accepted', () => {
  const mock = createMockServer({ validateOutput: 'throw' });
  const relevant = readCaptures().filter(served);

  it('come from openai-node, the AI SDK and LangChain, streamed and not, with the model list', () => {
    for (const file of ['openai-chat.jsonl', 'aisdk-openai-chat.jsonl', 'langchain-openai.jsonl']) expect(relevant.some((c) => c.file === file), file).toBe(true);
    expect(relevant.some((capture) => (capture.body as { stream?: boolean } | null)?.stream === true)).toBe(true);
    expect(relevant.some((capture) => capture.method === 'GET')).toBe(true);
  });

  for (const capture of relevant) {
    it(`${capture.file}:${capture.line}: ${capture.method} ${capture.path}`, async () => {
      const res = await mock.fetch(replay(capture));
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBe(200);
      if ((capture.body as { stream?: boolean } | null)?.stream === true) {
        expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(chatStreamProblems(text)).toEqual([]);
        expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
      } else if (capture.method === 'GET') {
        expect(validateChat('modelList', JSON.parse(text))).toEqual([]);
      } else {
        expect(validateChat('chatCompletion', JSON.parse(text))).toEqual([]);
      }
    });
  }
});
