import { RESPONSES_SCHEMA_IDS } from '../../../specs/openai-responses/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import type { ExchangeRecord } from '../../harness/recorder.ts';
import { basicFinal, basicReply } from '../exchanges.ts';

const protocol = 'openai-responses';

/**
 * Fails unless `usage` is the API's usage object with honest counts: integer input, output and
 * total tokens (total = input + output), both detail objects, reasoning tokens within the output.
 */
function judgeUsage(usage: unknown, where: string, exchange: ExchangeRecord | undefined): void {
  const on = { exchange };
  expect(usage !== null && typeof usage === 'object', `${where}: usage is ${preview(usage)}`, { ...on, expected: '{input_tokens, output_tokens, total_tokens, …}', actual: preview(usage) });
  expectSchema(`${RESPONSES_SCHEMA_IDS.response}#/$defs/Usage`, usage, `${where}: usage`, on);
  const u = usage as { input_tokens: number; output_tokens: number; total_tokens: number; output_tokens_details: { reasoning_tokens: number } };
  expect(u.input_tokens > 0, `${where}: usage.input_tokens is ${u.input_tokens} for a non-empty prompt`, { ...on, expected: 'more than 0', actual: String(u.input_tokens) });
  expect(u.output_tokens > 0, `${where}: usage.output_tokens is ${u.output_tokens} for a reply with text`, { ...on, expected: 'more than 0', actual: String(u.output_tokens) });
  expect(u.total_tokens === u.input_tokens + u.output_tokens, `${where}: usage.total_tokens is ${u.total_tokens}, but input + output = ${u.input_tokens + u.output_tokens}`, {
    ...on,
    expected: String(u.input_tokens + u.output_tokens),
    actual: String(u.total_tokens),
  });
  const reasoning = u.output_tokens_details.reasoning_tokens;
  expect(reasoning <= u.output_tokens, `${where}: ${reasoning} reasoning tokens exceed the ${u.output_tokens} output tokens they are part of`, { ...on, actual: preview(usage) });
}

/** Token usage, streamed and not: what billing, Codex CLI's context meter and the AI SDK read. */
export const usageChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/usage/non-stream',
    protocol,
    level: 'must',
    description: 'A Response carries usage: input, output and total tokens (total = input + output) with their details, honest (non-zero) counts.',
    spec: 'https://github.com/diegosouzapw/OmniRoute/pull/9192',
    tags: ['usage'],
    async run(ctx) {
      const { exchange, response } = await ctx.use(basicReply);
      judgeUsage(response.usage, 'the Response', exchange.record);
    },
  }),
  defineCheck({
    id: 'openai-responses/usage/stream-completed',
    protocol,
    level: 'must',
    description: "A stream's response.completed carries the same kind of usage (the lifecycle events before it may carry null).",
    spec: 'https://github.com/diegosouzapw/OmniRoute/issues/6906',
    clients: ['codex-cli'],
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const { capture, response } = await ctx.use(basicFinal);
      judgeUsage(response.usage, 'response.completed', capture.exchange.record);
    },
  }),
];
