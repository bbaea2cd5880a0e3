import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { embed } from '../../core/embeddings.ts';
import { expectGoogleError, geminiPost, validateGemini } from './test-support.ts';

const mock = createMockServer({ seed: 'gemini-embeddings', validateOutput: 'throw' });
const MODEL = 'gemini-embedding-001';
const content = (text: string) => ({ parts: [{ text }] });

async function call(method: string, body: unknown, model = MODEL) {
  return mock.fetch(geminiPost(method, body, { model }));
}

describe(':embedContent', () => {
  it('answers the deterministic vector of the text at the model’s native length', async () => {
    const res = await call('embedContent', { content: content('hello world'), taskType: 'SEMANTIC_SIMILARITY' });
    const body = (await res.json()) as { embedding: { values: number[] } };
    expect(validateGemini('embedContentResponse', body)).toEqual([]);
    expect(body.embedding.values).toEqual(embed('hello world', 3072));
  });

  it('cuts the vector to outputDimensionality (the same numbers the OpenAI endpoint gives), whatever the task type', async () => {
    const values = async (taskType: string) =>
      ((await (await call('embedContent', { content: content('hello'), outputDimensionality: 8, taskType })).json()) as { embedding: { values: number[] } }).embedding.values;
    expect(await values('RETRIEVAL_QUERY')).toEqual(embed('hello', 8));
    expect(await values('retrieval_document')).toEqual(embed('hello', 8));
  });

  it('refuses a dimensionality beyond the model’s, and a generation model', async () => {
    await expectGoogleError(await call('embedContent', { content: content('x'), outputDimensionality: 4000 }), 400, 'INVALID_ARGUMENT', /output_dimensionality must be in the range \[1, 3072\]/);
    await expectGoogleError(
      await call('embedContent', { content: content('x') }, 'gemini-2.5-flash'),
      404,
      'NOT_FOUND',
      /^models\/gemini-2.5-flash is not found for API version v1beta, or is not supported for embedContent\./,
    );
  });
});

describe(':batchEmbedContents', () => {
  it('answers one vector per request, in order', async () => {
    const requests = ['alpha', 'beta', 'gamma'].map((text) => ({ model: `models/${MODEL}`, content: content(text), outputDimensionality: 16 }));
    const body = (await (await call('batchEmbedContents', { requests })).json()) as { embeddings: { values: number[] }[] };
    expect(validateGemini('batchEmbedContentsResponse', body)).toEqual([]);
    expect(body.embeddings.map((e) => e.values)).toEqual(['alpha', 'beta', 'gamma'].map((t) => embed(t, 16)));
  });

  it('refuses a request naming another model, and a content without parts', async () => {
    await expectGoogleError(await call('batchEmbedContents', { requests: [{ model: 'models/text-embedding-3-small', content: content('x') }] }), 400, 'INVALID_ARGUMENT', /requests\[0\]\.model/);
    await expectGoogleError(
      await call('batchEmbedContents', { requests: [{ content: { parts: [] } }] }),
      400,
      'INVALID_ARGUMENT',
      '* BatchEmbedContentsRequest.requests[0].content.parts: contents.parts must not be empty.\n',
    );
  });
});
