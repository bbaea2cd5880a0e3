import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { embed, embeddingToBase64 } from '../../core/embeddings.ts';
import { countTokens } from '../../core/token-estimator.ts';
import { expectOpenAIError, openaiRequest } from '../openai-common/test-helpers.ts';
import { validateChat } from './test-helpers.ts';

const mock = createMockServer({ seed: 'embeddings', validateOutput: 'throw' });
const MODEL = 'text-embedding-3-small';

interface EmbeddingList {
  object: string;
  data: { object: string; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

async function embedRequest(body: Record<string, unknown>): Promise<EmbeddingList> {
  const res = await mock.fetch(openaiRequest('/v1/embeddings', { model: MODEL, ...body }));
  const json = (await res.json()) as EmbeddingList;
  expect(res.status, JSON.stringify(json).slice(0, 300)).toBe(200);
  expect(validateChat('createEmbeddingResponse', json)).toEqual([]);
  return json;
}

describe('POST /v1/embeddings', () => {
  it('embeds one string: a unit vector of the model’s native length, the core vector for that text', async () => {
    const list = await embedRequest({ input: 'The quick brown fox' });
    expect(list).toMatchObject({ object: 'list', model: MODEL, usage: { prompt_tokens: countTokens('The quick brown fox'), total_tokens: countTokens('The quick brown fox') } });
    const vector = list.data[0]?.embedding as number[];
    expect(vector).toHaveLength(1536);
    expect(vector).toEqual(embed('The quick brown fox', 1536));
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(list.data[0]).toMatchObject({ object: 'embedding', index: 0 });
  });

  it('embeds a list of strings in order; the same text gives the same vector', async () => {
    const list = await embedRequest({ input: ['alpha', 'beta', 'alpha'], dimensions: 8 });
    expect(list.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(list.data[0]?.embedding).toEqual(list.data[2]?.embedding);
    expect(list.data[0]?.embedding).not.toEqual(list.data[1]?.embedding);
  });

  it('embeds token arrays, one or several, billing one token per id', async () => {
    const one = await embedRequest({ input: [1212, 318, 257] });
    expect(one.data).toHaveLength(1);
    expect(one.usage.prompt_tokens).toBe(3);
    const several = await embedRequest({ input: [[1212, 318], [257]] });
    expect(several.data).toHaveLength(2);
    expect(several.usage.prompt_tokens).toBe(3);
    expect(several.data[0]?.embedding).not.toEqual(several.data[1]?.embedding);
  });

  it('dimensions shortens the vector, pointing the same way; base64 carries the same float32 values', async () => {
    const short = (await embedRequest({ input: 'fox', dimensions: 256 })).data[0]?.embedding as number[];
    expect(short).toEqual(embed('fox', 256));
    const encoded = (await embedRequest({ input: 'fox', dimensions: 256, encoding_format: 'base64' })).data[0]?.embedding;
    expect(encoded).toBe(embeddingToBase64(short));
    const decoded = new Float32Array(Uint8Array.from(Buffer.from(encoded as string, 'base64')).buffer);
    expect([...decoded]).toEqual(short);
  });

  it('400 for dimensions above the model’s, an empty input, or an input past the model’s context', async () => {
    await expectOpenAIError(await mock.fetch(openaiRequest('/v1/embeddings', { model: MODEL, input: 'x', dimensions: 4000 })), 400, { param: 'dimensions', code: 'integer_above_max_value' });
    for (const input of ['', ['a', '']]) {
      await expectOpenAIError(await mock.fetch(openaiRequest('/v1/embeddings', { model: MODEL, input })), 400, { message: "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference." });
    }
    await expectOpenAIError(await mock.fetch(openaiRequest('/v1/embeddings', { model: MODEL, input: 'word '.repeat(9000) })), 400, { message: /^This model's maximum context length is 8191 tokens/ });
  });

  it('404 for an unknown model, 400 for a chat model, 400 for unknown parameters', async () => {
    await expectOpenAIError(await mock.fetch(openaiRequest('/v1/embeddings', { model: 'nope', input: 'x' })), 404, { code: 'model_not_found' });
    await expectOpenAIError(await mock.fetch(openaiRequest('/v1/embeddings', { model: 'gpt-4o', input: 'x' })), 400, { param: 'model' });
    await expectOpenAIError(await mock.fetch(openaiRequest('/v1/embeddings', { model: MODEL, input: 'x', task_type: 'query' })), 400, { message: 'Unrecognized request argument supplied: task_type' });
  });
});
