import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { logprobsReply, logprobsStream } from '../exchanges.ts';
import { pairedLogprobs } from '../logprobs.ts';
import { TOP_LOGPROBS } from '../requests.ts';

const LOGPROBS_DOCS = 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-logprobs';
const protocol = 'openai-chat';

/** Two runs' logprobs of the same token differ by numerical noise only. */
const agree = ([a, b]: [number, number]) => Math.abs(a - b) <= 0.1 + 0.05 * Math.abs(a);

/** Token logprobs (an optional capability): present when asked, streamed per chunk, the same both ways. */
export const logprobsChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/logprobs/non-stream',
    protocol,
    level: 'must',
    description: `logprobs: true, top_logprobs: ${TOP_LOGPROBS} returns choices[].logprobs.content: one entry per token that spell the text, each with at most ${TOP_LOGPROBS} alternatives (skipped on a clean 400).`,
    spec: 'https://github.com/maximhq/bifrost/issues/6529',
    tags: ['logprobs'],
    async run(ctx) {
      await ctx.use(logprobsReply);
    },
  }),
  defineCheck({
    id: 'openai-chat/logprobs/stream',
    protocol,
    level: 'must',
    description: 'Streamed with logprobs, each chunk carries the logprobs of its tokens, and together they spell the streamed text.',
    spec: LOGPROBS_DOCS,
    tags: ['logprobs', 'streaming'],
    async run(ctx) {
      await ctx.use(logprobsStream);
    },
  }),
  defineCheck({
    id: 'openai-chat/logprobs/stream-matches-non-stream',
    protocol,
    level: 'should',
    description: 'When the streamed text equals the non-streamed text, the streamed logprobs have the same tokens and (up to numerical noise) the same values.',
    spec: LOGPROBS_DOCS,
    tags: ['logprobs', 'streaming'],
    async run(ctx) {
      const plain = await ctx.use(logprobsReply);
      const streamed = await ctx.use(logprobsStream);
      requireObserved(plain.text === streamed.text, `the streamed text ${preview(streamed.text, 60)} differs from the non-streamed ${preview(plain.text, 60)} (the model is not deterministic), so their logprobs cannot be compared`);
      const pairs = pairedLogprobs(plain.entries, streamed.entries);
      expect(pairs, `the streamed logprob tokens differ from the non-streamed ones for the same text`, { expected: `${plain.entries.length} entries: ${preview(plain.entries, 120)}`, actual: `${streamed.entries.length} entries: ${preview(streamed.entries, 120)}` });
      const off = pairs.findIndex((pair) => !agree(pair));
      expect(off === -1, `token ${off}: logprob ${preview(pairs[off]?.[1])} streamed vs ${preview(pairs[off]?.[0])} not streamed`, { expected: preview(pairs[off]?.[0]), actual: preview(pairs[off]?.[1]) });
    },
  }),
];
