import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { basicReply } from '../exchanges.ts';
import { countOr0, isCount, type Json, usageOf } from '../read.ts';
import { basicSseComplete } from '../stream-exchanges.ts';

const USAGE_DOCS = 'https://ai.google.dev/api/generate-content#UsageMetadata';
const protocol = 'gemini';

/** The counts a usage carries, each must be an integer when present. */
const COUNTS = ['promptTokenCount', 'candidatesTokenCount', 'thoughtsTokenCount', 'toolUsePromptTokenCount', 'cachedContentTokenCount', 'totalTokenCount'] as const;

/** A count that must be a positive integer. */
function expectPositive(value: unknown, where: string): void {
  expect(isCount(value) && value > 0, `${where} is ${preview(value)}`, { expected: 'an integer > 0', actual: preview(value) });
}

/** totalTokenCount covers the prompt, the answer and the thoughts. */
function expectTotal(usage: Json, where: string): void {
  const parts = countOr0(usage.promptTokenCount) + countOr0(usage.candidatesTokenCount) + countOr0(usage.thoughtsTokenCount);
  expect(isCount(usage.totalTokenCount) && usage.totalTokenCount >= parts, `${where} totalTokenCount ${preview(usage.totalTokenCount)} is below prompt + candidates + thoughts (${parts})`, {
    expected: `an integer ≥ ${parts}`,
    actual: preview(usage),
  });
}

/** Usage accounting: the reply's, and the stream's (cumulative, the last chunk the final). */
export const usageChecks: Check[] = [
  defineCheck({
    id: 'gemini/usage/non-stream',
    protocol,
    level: 'must',
    description: 'A reply reports usageMetadata: promptTokenCount > 0, candidatesTokenCount > 0, totalTokenCount ≥ prompt + candidates + thoughts.',
    spec: USAGE_DOCS,
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['usage'],
    async run(ctx) {
      const usage = usageOf((await ctx.use(basicReply)).response);
      expectPositive(usage.promptTokenCount, 'usageMetadata.promptTokenCount');
      expectPositive(usage.candidatesTokenCount, 'usageMetadata.candidatesTokenCount');
      expectTotal(usage, 'usageMetadata');
    },
  }),
  defineCheck({
    id: 'gemini/usage/stream-final',
    protocol,
    level: 'must',
    description: "The stream's last chunk carries the final usageMetadata: the largest totalTokenCount of the stream, promptTokenCount > 0 and candidatesTokenCount > 0.",
    spec: 'https://github.com/ankit373/hydra/issues/855',
    clients: ['vercel-ai-sdk'],
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const { chunks, capture } = await ctx.use(basicSseComplete);
      const on = { exchange: capture.exchange.record };
      const last = usageOf(chunks.at(-1));
      const totals = chunks.map((c) => usageOf(c).totalTokenCount).filter(isCount);
      expect(Object.keys(last).length > 0, 'the last chunk has no usageMetadata', { ...on, expected: 'usageMetadata on the last chunk', actual: preview(chunks.at(-1), 200) });
      expectPositive(last.promptTokenCount, 'the last chunk’s promptTokenCount');
      expectPositive(last.candidatesTokenCount, 'the last chunk’s candidatesTokenCount');
      expectTotal(last, 'the last chunk’s');
      const largest = Math.max(...totals);
      expect(last.totalTokenCount === largest, `the last chunk's totalTokenCount is ${preview(last.totalTokenCount)}, but a chunk before reported ${largest}`, {
        ...on,
        expected: `${largest} (the largest of the stream)`,
        actual: `totals per chunk: ${totals.join(', ')}`,
      });
    },
  }),
  defineCheck({
    id: 'gemini/usage/stream-cumulative',
    protocol,
    level: 'should',
    description: 'Usage in a stream is cumulative: no count decreases from one chunk to the next.',
    spec: USAGE_DOCS,
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const { chunks, capture } = await ctx.use(basicSseComplete);
      const seen: Partial<Record<(typeof COUNTS)[number], number>> = {};
      chunks.forEach((chunk, i) => {
        const usage = usageOf(chunk);
        for (const field of COUNTS) {
          const value = usage[field];
          if (!isCount(value)) continue;
          const before = seen[field];
          expect(before === undefined || value >= before, `chunk ${i}: ${field} ${value} is below the ${before} of an earlier chunk (deltas instead of totals?)`, {
            expected: `≥ ${before}`,
            actual: String(value),
            exchange: capture.exchange.record,
          });
          seen[field] = value;
        }
      });
    },
  }),
  defineCheck({
    id: 'gemini/usage/stream-matches-non-stream',
    protocol,
    level: 'should',
    description: 'The same prompt counts the same promptTokenCount streamed and not streamed.',
    spec: USAGE_DOCS,
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const plain = usageOf((await ctx.use(basicReply)).response).promptTokenCount;
      const streamed = usageOf((await ctx.use(basicSseComplete)).chunks.at(-1)).promptTokenCount;
      expect(plain === streamed, `promptTokenCount ${preview(plain)} (generateContent) vs ${preview(streamed)} (streamed)`, { expected: preview(plain), actual: preview(streamed) });
    },
  }),
];
