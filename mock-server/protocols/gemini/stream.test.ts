import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { chunkProblems, chunkText, geminiPost, PROMPT, sseChunks, textBody, WEATHER_DECLARATION } from './test-support.ts';

const mock = createMockServer({ seed: 'gemini-stream', validateOutput: 'throw' });

type Chunk = Record<string, unknown> & {
  candidates?: { finishReason?: string; index?: number; content?: { parts?: Record<string, unknown>[] } }[];
  usageMetadata: Record<string, number>;
};

async function stream(body: unknown, query = 'alt=sse'): Promise<{ res: Response; text: string }> {
  const res = await mock.fetch(geminiPost('streamGenerateContent', body, { query }));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return { res, text };
}

async function sse(body: unknown): Promise<Chunk[]> {
  const { res, text } = await stream(body);
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const chunks = sseChunks(text) as Chunk[];
  expect(chunkProblems(chunks)).toEqual([]);
  return chunks;
}

const LONG = `${PROMPT} It keeps talking for a while, so that the answer takes several chunks.`;

describe(':streamGenerateContent?alt=sse', () => {
  it('sends data-only frames with CRLF line ends, spaced as the API spaces its JSON, and no [DONE]', async () => {
    const { text } = await stream(textBody(LONG));
    expect(text.startsWith('data: {"candidates": [{"content": {"parts": [{"text": ')).toBe(true);
    expect(text).not.toContain('[DONE]');
    expect(text).not.toMatch(/^event:/m);
    expect(text.split('\r\n\r\n').length).toBeGreaterThan(3);
    expect(text).toMatch(/"role": "model"\},"index": 0\}\],"usageMetadata": \{"promptTokenCount": \d+,/);
  });

  it('streams the same text as the JSON answer, the last chunk with finishReason and the JSON answer’s usage', async () => {
    const chunks = await sse(textBody(LONG));
    expect(chunkText(chunks)).toBe(LONG);
    const whole = (await (await mock.fetch(geminiPost('generateContent', textBody(LONG)))).json()) as Chunk;
    const last = chunks.at(-1)!;
    expect(last.candidates?.[0]?.finishReason).toBe('STOP');
    expect(chunks.slice(0, -1).every((c) => c.candidates?.every((k) => k.finishReason === undefined))).toBe(true);
    expect(last.usageMetadata).toEqual(whole.usageMetadata);
  });

  it('carries usageMetadata, modelVersion and responseId on every chunk, usage cumulative, the last the largest', async () => {
    const chunks = await sse(textBody(LONG));
    const ids = new Set(chunks.map((c) => c.responseId));
    expect(ids.size).toBe(1);
    expect(chunks.every((c) => c.modelVersion === 'gemini-2.5-flash' && typeof c.responseId === 'string')).toBe(true);
    const totals = chunks.map((c) => c.usageMetadata.totalTokenCount!);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(totals.at(-1)).toBe(Math.max(...totals));
    expect(new Set(chunks.map((c) => c.usageMetadata.promptTokenCount)).size).toBe(1);
    const candidates = chunks.map((c) => c.usageMetadata.candidatesTokenCount ?? 0);
    expect(candidates).toEqual([...candidates].sort((a, b) => a - b));
  });

  it('streams thoughts first when includeThoughts is set, the signature on the first answer part', async () => {
    const chunks = await sse(textBody(PROMPT, { generationConfig: { thinkingConfig: { includeThoughts: true } } }));
    expect(chunkText(chunks, true)).toMatch(/^The conversation has 1 message/);
    expect(chunkText(chunks)).toBe(PROMPT);
    const parts = chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? []);
    const firstAnswer = parts.findIndex((p) => p.thought !== true);
    expect(parts.slice(0, firstAnswer).every((p) => p.thought === true)).toBe(true);
    expect(parts[firstAnswer]?.thoughtSignature).toEqual(expect.any(String));
    expect(parts.filter((p) => p.thoughtSignature !== undefined)).toHaveLength(1);
    const thoughts = chunks.map((c) => c.usageMetadata.thoughtsTokenCount ?? 0);
    expect(thoughts[0]).toBeLessThan(thoughts.at(-1)!);
  });

  it('counts hidden thoughts from the first chunk on', async () => {
    const chunks = await sse(textBody(LONG));
    expect(new Set(chunks.map((c) => c.usageMetadata.thoughtsTokenCount)).size).toBe(1);
    expect(chunks[0]!.usageMetadata.thoughtsTokenCount).toBeGreaterThan(0);
  });

  it('sends a function call whole in one chunk, with the function call finish message', async () => {
    const body = textBody('Weather?', { tools: [{ functionDeclarations: [WEATHER_DECLARATION] }], toolConfig: { functionCallingConfig: { mode: 'ANY' } } });
    const chunks = await sse(body);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.candidates?.[0]).toMatchObject({
      content: { parts: [{ functionCall: { name: 'get_weather', args: expect.any(Object) }, thoughtSignature: expect.any(String) }] },
      finishReason: 'STOP',
      finishMessage: 'Model generated function call(s).',
    });
  });

  it('ends with MAX_TOKENS at maxOutputTokens, and streams each of candidateCount candidates', async () => {
    const cut = await sse(textBody(LONG, { generationConfig: { maxOutputTokens: 5, thinkingConfig: { thinkingBudget: 0 } } }));
    expect(cut.at(-1)!.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(cut.at(-1)!.usageMetadata.candidatesTokenCount).toBe(5);
    const two = await sse(textBody(PROMPT, { generationConfig: { candidateCount: 2 } }));
    expect(two.every((c) => c.candidates?.map((k) => k.index).join() === '0,1')).toBe(true);
    expect(two.at(-1)!.candidates?.map((k) => k.finishReason)).toEqual(['STOP', 'STOP']);
  });

  it('ends an empty answer with one final chunk', async () => {
    const chunks = await sse(textBody(PROMPT, { generationConfig: { stopSequences: ['Hello'] } }));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.candidates?.[0]).toEqual({ content: { role: 'model' }, finishReason: 'STOP', index: 0 });
  });
});

describe(':streamGenerateContent without alt=sse (one JSON array)', () => {
  it('writes the array as the API frames it: [ + pretty element, \\n,\\r\\n between elements, \\n] at the end', async () => {
    const { res, text } = await stream(textBody(LONG), '');
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(text.startsWith('[{\n  "candidates": [\n')).toBe(true);
    expect(text.endsWith('\n}\n]')).toBe(true);
    const elements = text.slice(1, -2).split('\n,\r\n');
    expect(elements.length).toBeGreaterThan(3);
    const chunks = JSON.parse(text) as Chunk[];
    expect(elements.map((e) => JSON.parse(e) as unknown)).toEqual(chunks);
    expect(chunkProblems(chunks)).toEqual([]);
  });

  it('sends the same chunks as with alt=sse, and alt=json is the same array', async () => {
    const array = JSON.parse((await stream(textBody(LONG), '')).text) as unknown[];
    expect(array).toEqual(sseChunks((await stream(textBody(LONG))).text));
    expect((await stream(textBody(LONG), 'alt=json')).text).toBe((await stream(textBody(LONG), '')).text);
  });

  it('writes the elements one by one, so that a client can read them as they come', async () => {
    const reply = await mock.handle({
      method: 'POST',
      url: '/v1beta/models/gemini-2.5-flash:streamGenerateContent',
      header: (name) => ({ 'x-goog-api-key': 'k', 'content-type': 'application/json' })[name],
      headers: () => ({}),
      readBody: async () => JSON.stringify(textBody(LONG)),
    });
    expect(typeof reply.body).not.toBe('string');
    const pieces = [...(reply.body as Iterable<string>)];
    expect(pieces[0]!.startsWith('[{')).toBe(true);
    expect(pieces.slice(1, -1).every((p) => p.startsWith('\n,\r\n{'))).toBe(true);
    expect(pieces.at(-1)).toBe('\n]');
  });

  it('refuses an alt it does not know', async () => {
    const res = await mock.fetch(geminiPost('streamGenerateContent', textBody(), { query: 'alt=xml' }));
    expect(res.status).toBe(400);
  });
});
