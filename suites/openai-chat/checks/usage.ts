import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { usageOf } from '../chunks.ts';
import { basicReply, basicStream, usageChunk } from '../exchanges.ts';

const USAGE_DOCS = 'https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage';
const STREAM_OPTIONS_DOCS = 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream_options';
const protocol = 'openai-chat';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Fails unless a usage object has integer counts, both positive, whose total is their sum. */
function expectTotals(usage: Record<string, unknown>, where: string): void {
  const { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total } = usage;
  const shown = preview({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: total });
  expect(isCount(prompt) && prompt > 0, `${where}: prompt_tokens is ${preview(prompt)}`, { expected: 'an integer > 0', actual: shown });
  expect(isCount(completion) && completion > 0, `${where}: completion_tokens is ${preview(completion)}`, { expected: 'an integer > 0', actual: shown });
  expect(total === prompt + completion, `${where}: total_tokens ${preview(total)} is not prompt_tokens + completion_tokens (${prompt + completion})`, {
    expected: `total_tokens ${prompt + completion}`,
    actual: shown,
  });
}

/** Usage accounting: non-streaming, and the include_usage contract of streams. */
export const usageChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/usage/non-stream',
    protocol,
    level: 'must',
    description: 'A non-streaming reply reports integer prompt_tokens > 0 and completion_tokens > 0, and total_tokens is their sum.',
    spec: USAGE_DOCS,
    tags: ['usage'],
    async run(ctx) {
      expectTotals(usageOf((await ctx.use(basicReply)).completion), 'usage');
    },
  }),
  defineCheck({
    id: 'openai-chat/usage/include-usage-chunk',
    protocol,
    level: 'must',
    description: 'With stream_options.include_usage, exactly one chunk carries usage: it has choices: [], comes last before [DONE], and its totals add up.',
    spec: 'https://github.com/Arthur-Ficial/apfel/issues/100',
    tags: ['streaming', 'usage'],
    async run(ctx) {
      const { chunk } = await ctx.use(usageChunk);
      expectTotals(usageOf(chunk), 'the usage chunk');
    },
  }),
  defineCheck({
    id: 'openai-chat/usage/no-usage-chunk-unasked',
    protocol,
    level: 'must',
    description: 'Without include_usage, no chunk has choices: [] with usage (clients index choices[0] of every chunk).',
    spec: STREAM_OPTIONS_DOCS,
    tags: ['streaming', 'usage'],
    async run(ctx) {
      const { reading, capture } = await ctx.use(basicStream);
      const extra = reading.chunks.find((c) => Array.isArray(c.choices) && c.choices.length === 0 && c.usage !== undefined && c.usage !== null);
      expect(extra === undefined, 'a stream without stream_options.include_usage carries a usage chunk with choices: []', {
        expected: 'every chunk with at least one choice',
        actual: preview(extra, 300),
        exchange: capture.exchange.record,
      });
    },
  }),
  defineCheck({
    id: 'openai-chat/usage/stream-matches-non-stream',
    protocol,
    level: 'should',
    description: 'The same prompt counts the same prompt_tokens streamed (include_usage) and not streamed.',
    spec: USAGE_DOCS,
    tags: ['streaming', 'usage'],
    async run(ctx) {
      const plain = usageOf((await ctx.use(basicReply)).completion).prompt_tokens;
      const streamed = usageOf((await ctx.use(usageChunk)).chunk).prompt_tokens;
      expect(plain === streamed, `prompt_tokens ${preview(plain)} (non-streaming) vs ${preview(streamed)} (streaming)`, { expected: preview(plain), actual: preview(streamed) });
    },
  }),
];
