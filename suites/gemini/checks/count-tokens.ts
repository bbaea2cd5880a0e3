import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { geminiClient, postMethod } from '../client.ts';
import { basicReply, plainCount, sdkGenerate } from '../exchanges.ts';
import { isCount, usageOf } from '../read.ts';
import { wholeCountBody } from '../requests.ts';
import { basicSseComplete } from '../stream-exchanges.ts';

const COUNT_DOCS = 'https://ai.google.dev/api/tokens#method:-models.counttokens';
const protocol = 'gemini';

/** How far countTokens may be from promptTokenCount on a target that counts one prompt differently twice. */
function tolerance(count: number): number {
  return Math.max(2, Math.ceil(count * 0.05));
}

/** :countTokens: a distinct, cheap call whose count is the prompt's. */
export const countTokensChecks: Check[] = [
  defineCheck({
    id: 'gemini/count-tokens/basic',
    protocol,
    level: 'must',
    description: ':countTokens answers {totalTokens: integer > 0} and no candidates: it counts, it does not generate.',
    spec: 'https://github.com/QuantumNous/new-api/issues/7283',
    clients: ['google-genai'],
    tags: ['usage'],
    async run(ctx) {
      await ctx.use(plainCount);
    },
  }),
  defineCheck({
    id: 'gemini/count-tokens/matches-usage',
    protocol,
    level: 'should',
    description:
      'countTokens of the contents equals the promptTokenCount of the same request, exactly when the target counts that prompt the same streamed and not (deterministic), else within max(2, 5%).',
    spec: COUNT_DOCS,
    tags: ['usage'],
    async run(ctx) {
      const counted = await ctx.use(plainCount);
      const billed = usageOf((await ctx.use(basicReply)).response).promptTokenCount;
      const streamed = usageOf((await ctx.use(basicSseComplete)).chunks.at(-1)).promptTokenCount;
      requireObserved(isCount(billed), 'the reply reports no promptTokenCount to compare with');
      const exact = billed === streamed;
      const allowed = exact ? 0 : tolerance(billed);
      expect(Math.abs(counted - billed) <= allowed, `countTokens says ${counted}, promptTokenCount says ${billed}${exact ? '' : ` (the target counted the same prompt ${billed} and ${preview(streamed)}, so ±${allowed} is allowed)`}`, {
        expected: exact ? String(billed) : `${billed} ± ${allowed}`,
        actual: String(counted),
      });
    },
  }),
  defineCheck({
    id: 'gemini/count-tokens/whole-request',
    protocol,
    level: 'should',
    description: 'countTokens of a whole generateContentRequest counts its system instruction and tools: more than its contents alone.',
    spec: COUNT_DOCS,
    tags: ['usage'],
    async run(ctx) {
      const plain = await ctx.use(plainCount);
      const exchange = await postMethod(ctx.target, 'countTokens', wholeCountBody(ctx.target.model));
      const json = okJson(exchange, 'countTokens of a generateContentRequest');
      expectSchema(GEMINI_SCHEMA_IDS.countTokensResponse, json, 'the countTokens reply', { exchange: exchange.record });
      expect((json.totalTokens as number) > plain, `with a system instruction and tools: ${preview(json.totalTokens)}; the contents alone: ${plain}`, { expected: `more than ${plain}`, actual: preview(json.totalTokens) });
    },
  }),
  defineCheck({
    id: 'gemini/count-tokens/sdk',
    protocol,
    level: 'must',
    description: 'models.countTokens() in @google/genai returns totalTokens > 0.',
    spec: COUNT_DOCS,
    clients: ['google-genai'],
    tags: ['usage', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkGenerate);
      await ctx.use(plainCount);
      const result = await geminiClient(ctx.target).models.countTokens({ model: ctx.target.model, contents: 'What is the weather in Paris right now?' });
      expect(isCount(result.totalTokens) && result.totalTokens > 0, `totalTokens is ${preview(result.totalTokens)}`, { expected: 'an integer > 0', actual: preview(result.totalTokens) });
    },
  }),
];
