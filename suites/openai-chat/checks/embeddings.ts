import { excerpt, expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { rawExchange } from '../../harness/http.ts';
import { okJson } from '../../harness/replies.ts';
import { openaiClient, openaiHeaders } from '../client.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { embeddingsFloat, sdkCompletion } from '../exchanges.ts';
import { EMBEDDING_DIMENSIONS, embeddingBody, EMBEDDING_INPUTS, EMBEDDING_MODEL } from '../requests.ts';

const EMBEDDINGS_DOCS = 'https://platform.openai.com/docs/api-reference/embeddings/create';
const protocol = 'openai-chat';

/** Cosine similarity of two vectors of the same length. */
function cosine(a: readonly number[], b: readonly number[]): number {
  let [dot, na, nb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Fails unless `actual` is the vector `expected` (the same length, and the same direction: two
 * requests for the same text may differ by float noise, never more).
 */
function expectSameVector(actual: unknown, expected: readonly number[], where: string): void {
  const vector = actual instanceof Float32Array ? [...actual] : actual;
  expect(Array.isArray(vector) && vector.every((x) => typeof x === 'number'), `${where} is ${preview(actual, 80)}, not a vector`, { expected: 'numbers', actual: preview(actual, 120) });
  expect(vector.length === expected.length, `${where} has ${vector.length} values, the float reply ${expected.length}`, { expected: `${expected.length} values`, actual: `${vector.length} values` });
  const similarity = cosine(vector as number[], expected);
  expect(similarity > 0.999, `${where} is not the float vector (cosine similarity ${similarity.toFixed(4)})`, { expected: preview(expected.slice(0, 4)), actual: preview((vector as number[]).slice(0, 4)) });
}

/** A base64 string of little-endian float32 values, decoded (`undefined` when it is not one). */
function decodeFloat32(text: unknown): number[] | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) return undefined;
  return Array.from({ length: bytes.byteLength / 4 }, (_, i) => bytes.readFloatLE(i * 4));
}

/** POST /v1/embeddings (an optional capability): shape, base64 encoding, dimensions, and the SDK. */
export const embeddingsChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/embeddings/shape',
    protocol,
    level: 'must',
    description: `POST /v1/embeddings answers {object: "list", data: [{object: "embedding", index, embedding: number[]}], model, usage}, one vector per input, in order (skipped when the target does not serve ${EMBEDDING_MODEL}).`,
    spec: EMBEDDINGS_DOCS,
    tags: ['embeddings'],
    async run(ctx) {
      await ctx.use(embeddingsFloat);
    },
  }),
  defineCheck({
    id: 'openai-chat/embeddings/base64',
    protocol,
    level: 'must',
    description: 'encoding_format "base64" (the Python SDK\'s default) sends each vector as base64 little-endian float32 that decodes to the float vector.',
    spec: 'https://platform.openai.com/docs/api-reference/embeddings/create#embeddings-create-encoding_format',
    tags: ['embeddings'],
    async run(ctx) {
      const { vectors } = await ctx.use(embeddingsFloat);
      const exchange = await rawExchange(ctx.target, { path: '/v1/embeddings', headers: openaiHeaders(ctx.target), body: embeddingBody({ encoding_format: 'base64' }) });
      const data = okJson(exchange, 'POST /v1/embeddings (base64)').data;
      const items = Array.isArray(data) ? (data as { index?: unknown; embedding?: unknown }[]) : [];
      vectors.forEach((expected, i) => {
        const encoded = items.find((d) => d?.index === i)?.embedding;
        const decoded = decodeFloat32(encoded);
        expect(decoded, `embedding ${i} is not base64 float32: ${excerpt(preview(encoded), 80)}`, { expected: 'a base64 string of float32 values', actual: preview(encoded, 120), exchange: exchange.record });
        expectSameVector(decoded, expected, `the decoded embedding ${i}`);
      });
    },
  }),
  defineCheck({
    id: 'openai-chat/embeddings/dimensions',
    protocol,
    level: 'must',
    description: `dimensions: ${EMBEDDING_DIMENSIONS} shortens every vector to ${EMBEDDING_DIMENSIONS} values (skipped on a clean 400).`,
    spec: 'https://platform.openai.com/docs/api-reference/embeddings/create#embeddings-create-dimensions',
    tags: ['embeddings'],
    async run(ctx) {
      await ctx.use(embeddingsFloat);
      const exchange = await rawExchange(ctx.target, { path: '/v1/embeddings', headers: openaiHeaders(ctx.target), body: embeddingBody({ encoding_format: 'float', dimensions: EMBEDDING_DIMENSIONS }) });
      requireCapabilityAccepted(exchange, `take dimensions for ${EMBEDDING_MODEL}`);
      const data = okJson(exchange, `POST /v1/embeddings (dimensions ${EMBEDDING_DIMENSIONS})`).data;
      const lengths = (Array.isArray(data) ? data : []).map((d) => (Array.isArray((d as { embedding?: unknown })?.embedding) ? ((d as { embedding: unknown[] }).embedding.length) : preview((d as { embedding?: unknown })?.embedding, 40)));
      expect(lengths.length === EMBEDDING_INPUTS.length && lengths.every((n) => n === EMBEDDING_DIMENSIONS), `dimensions ${EMBEDDING_DIMENSIONS} gave vectors of ${preview(lengths)} values`, {
        expected: `${EMBEDDING_INPUTS.length} vectors of ${EMBEDDING_DIMENSIONS}`,
        actual: preview(lengths),
        exchange: exchange.record,
      });
    },
  }),
  defineCheck({
    id: 'openai-chat/embeddings/sdk',
    protocol,
    level: 'must',
    description: 'embeddings.create() in the official SDK (which asks for base64 and decodes it) returns the float vectors.',
    spec: 'https://github.com/openai/openai-node/pull/1312',
    clients: ['openai-sdk'],
    tags: ['embeddings', 'sdk'],
    async run(ctx) {
      const { vectors } = await ctx.use(embeddingsFloat);
      await ctx.use(sdkCompletion);
      const reply = await openaiClient(ctx.target).embeddings.create(embeddingBody() as never);
      vectors.forEach((expected, i) => expectSameVector(reply.data.find((d) => d.index === i)?.embedding, expected, `the SDK's embedding ${i}`));
    },
  }),
];
