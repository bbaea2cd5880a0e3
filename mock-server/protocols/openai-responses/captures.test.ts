import { describe, expect, it } from 'vitest';
import { readCaptures } from '../../../fixtures/captures/read-captures.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { replayCapture } from '../../test-support.ts';
import { OPENAI_TEST_KEY, responsesStreamProblems, validateResponses } from './test-support.ts';

const responses = readCaptures().filter((capture) => capture.path === '/v1/responses' || capture.path.startsWith('/v1/responses/'));

describe('captured client requests to /v1/responses are accepted', () => {
  const mock = createMockServer({ seed: 'responses-captures', validateOutput: 'throw' });

  it('there are captures from openai-node and the Vercel AI SDK, streamed and not', () => {
    expect(new Set(responses.map(({ file }) => file))).toEqual(new Set(['openai-responses.jsonl', 'aisdk-openai-responses.jsonl']));
    expect(responses.some((capture) => (capture.body as { stream?: boolean }).stream === true)).toBe(true);
    expect(responses.some((capture) => (capture.body as { stream?: boolean }).stream !== true)).toBe(true);
  });

  for (const capture of responses) {
    it(`${capture.file}:${capture.line} ${capture.method} ${capture.path}`, async () => {
      const res = await mock.fetch(replayCapture(capture, OPENAI_TEST_KEY));
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBe(200);
      if ((capture.body as { stream?: boolean }).stream === true) {
        expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(responsesStreamProblems(text)).toEqual([]);
      } else {
        expect(validateResponses('response', JSON.parse(text))).toEqual([]);
      }
    });
  }
});
