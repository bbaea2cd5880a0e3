import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { geminiClient, postMethod } from '../client.ts';
import { embedOne, sdkGenerate } from '../exchanges.ts';
import { batchEmbedBody, EMBED_DIMENSIONS, EMBED_TEXTS, EMBEDDING_MODEL } from '../requests.ts';

const EMBED_DOCS = 'https://ai.google.dev/api/embeddings';
const protocol = 'gemini';

/** Whether `values` is a vector of `EMBED_DIMENSIONS` finite numbers, not all zero. */
function isVector(values: unknown): values is number[] {
  return Array.isArray(values) && values.length === EMBED_DIMENSIONS && values.every((v) => typeof v === 'number' && Number.isFinite(v)) && values.some((v) => v !== 0);
}

/** Fails unless `values` is a vector of `EMBED_DIMENSIONS` finite numbers, not all zero. */
function expectVector(values: unknown, where: string): void {
  const ok = Array.isArray(values) && values.length === EMBED_DIMENSIONS && values.every((v) => typeof v === 'number' && Number.isFinite(v));
  expect(ok, `${where} has ${Array.isArray(values) ? `${values.length} values` : preview(values)}, expected ${EMBED_DIMENSIONS} numbers (outputDimensionality)`, {
    expected: `${EMBED_DIMENSIONS} finite numbers`,
    actual: preview(values, 200),
  });
  expect((values as number[]).some((v) => v !== 0), `${where} is all zeros`, { expected: 'a non-zero vector', actual: preview(values) });
}

/** Embeddings, an optional capability: one text, several in one batch, and through the SDK. */
export const embeddingsChecks: Check[] = [
  defineCheck({
    id: 'gemini/embeddings/embed-content',
    protocol,
    level: 'must',
    description: `:embedContent answers {embedding: {values}} with outputDimensionality (${EMBED_DIMENSIONS}) values (skipped when ${EMBEDDING_MODEL} is not served).`,
    spec: `${EMBED_DOCS}#method:-models.embedcontent`,
    tags: ['embeddings'],
    async run(ctx) {
      expectVector((await ctx.use(embedOne)).values, 'the embedding');
    },
  }),
  defineCheck({
    id: 'gemini/embeddings/batch',
    protocol,
    level: 'must',
    description: ':batchEmbedContents answers one embedding per request, in request order, each with outputDimensionality values.',
    spec: `${EMBED_DOCS}#method:-models.batchembedcontents`,
    clients: ['google-genai'],
    tags: ['embeddings'],
    async run(ctx) {
      const single = (await ctx.use(embedOne)).values;
      const exchange = await postMethod(ctx.target, 'batchEmbedContents', batchEmbedBody(), { model: EMBEDDING_MODEL });
      const json = okJson(exchange, 'POST :batchEmbedContents');
      expectSchema(GEMINI_SCHEMA_IDS.batchEmbedContentsResponse, json, 'the batchEmbedContents reply', { exchange: exchange.record });
      const embeddings = json.embeddings as { values: unknown }[];
      expect(embeddings.length === EMBED_TEXTS.length, `${embeddings.length} embeddings for ${EMBED_TEXTS.length} requests`, { expected: String(EMBED_TEXTS.length), actual: String(embeddings.length), exchange: exchange.record });
      embeddings.forEach((e, i) => expectVector(e.values, `embedding ${i}`));
      // The first request of the batch is the text :embedContent embedded: same vector, in order.
      // (When :embedContent itself is wrong, embeddings/embed-content says so: no comparison.)
      if (!isVector(single)) return;
      const first = embeddings[0]!.values as number[];
      const close = first.every((v, i) => Math.abs(v - (single[i] ?? NaN)) < 1e-3);
      expect(close, 'the first embedding of the batch differs from :embedContent of the same text (out of order?)', { expected: preview(single), actual: preview(first), exchange: exchange.record });
    },
  }),
  defineCheck({
    id: 'gemini/embeddings/sdk',
    protocol,
    level: 'must',
    description: 'models.embedContent() in @google/genai (which calls :batchEmbedContents) embeds one text and several, honouring outputDimensionality.',
    spec: `${EMBED_DOCS}#method:-models.embedcontent`,
    clients: ['google-genai'],
    tags: ['embeddings', 'sdk'],
    async run(ctx) {
      await ctx.use(embedOne);
      await ctx.use(sdkGenerate);
      const client = geminiClient(ctx.target).models;
      const one = await client.embedContent({ model: EMBEDDING_MODEL, contents: EMBED_TEXTS[0], config: { outputDimensionality: EMBED_DIMENSIONS } });
      expect(one.embeddings?.length === 1, `one text gave ${preview(one.embeddings?.length)} embeddings`, { expected: '1', actual: preview(one.embeddings, 200) });
      expectVector(one.embeddings[0]!.values, 'the embedding');
      const several = await client.embedContent({ model: EMBEDDING_MODEL, contents: [...EMBED_TEXTS], config: { outputDimensionality: EMBED_DIMENSIONS } });
      expect(several.embeddings?.length === EMBED_TEXTS.length, `${EMBED_TEXTS.length} texts gave ${preview(several.embeddings?.length)} embeddings`, { expected: String(EMBED_TEXTS.length), actual: preview(several.embeddings, 200) });
      several.embeddings.forEach((e, i) => expectVector(e.values, `embedding ${i}`));
    },
  }),
];
