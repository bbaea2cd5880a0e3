import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { eventsOf, firstEvent } from '../../harness/stream-capture.ts';
import { basicReply, basicStream, basicStreamComplete, systemBlocksReply } from '../exchanges.ts';

const USAGE_DOCS = 'https://docs.claude.com/en/api/messages#response-usage';
const protocol = 'anthropic-messages';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const CUMULATIVE_FIELDS = ['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'] as const;

function usageOf(value: unknown): Record<string, unknown> {
  const usage = (value as { usage?: unknown } | undefined)?.usage;
  return usage !== null && typeof usage === 'object' ? (usage as Record<string, unknown>) : {};
}

/** A usage field that must be a positive (or non-negative) integer. */
function expectCount(value: unknown, where: string, positive: boolean): void {
  const ok = isCount(value) && (!positive || value > 0);
  expect(ok, `${where} is ${preview(value)}`, { expected: positive ? 'an integer > 0' : 'an integer ≥ 0', actual: preview(value) });
}

/** Usage accounting: non-streaming, at the start of a stream, and in its final delta. */
export const usageChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/usage/non-stream',
    protocol,
    level: 'must',
    description: 'A non-streaming reply reports integer input_tokens > 0 and output_tokens > 0.',
    spec: USAGE_DOCS,
    // Both report usage.input_tokens / output_tokens as the call's token usage.
    clients: ['vercel-ai-sdk', 'langchain'],
    tags: ['usage'],
    async run(ctx) {
      const usage = usageOf((await ctx.use(basicReply)).message);
      expectCount(usage.input_tokens, 'usage.input_tokens', true);
      expectCount(usage.output_tokens, 'usage.output_tokens', true);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/message-start',
    protocol,
    level: 'must',
    description: 'message_start reports the real input_tokens (> 0) and an integer output_tokens.',
    spec: 'https://github.com/vercel/ai/issues/17326',
    // LangChain takes streamed input tokens from message_start only (message_outputs.js); the AI SDK too
    // unless message_delta repeats them (vercel/ai#17326).
    clients: ['langchain', 'vercel-ai-sdk'],
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const usage = usageOf(firstEvent((await ctx.use(basicStream)).events, 'message_start', 'the stream').message);
      expectCount(usage.input_tokens, 'message_start usage.input_tokens', true);
      expectCount(usage.output_tokens, 'message_start usage.output_tokens', false);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/message-delta',
    protocol,
    level: 'must',
    description: 'message_delta reports the final output_tokens: an integer > 0, not below message_start’s.',
    spec: USAGE_DOCS,
    // All three take the final output_tokens from message_delta.
    clients: ['anthropic-sdk', 'langchain', 'vercel-ai-sdk'],
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const { events } = await ctx.use(basicStreamComplete);
      const startOutput = usageOf(firstEvent(events, 'message_start', 'the stream').message).output_tokens;
      const deltas = eventsOf(events, 'message_delta');
      expect(deltas.length > 0, 'no message_delta event', { expected: 'a message_delta event' });
      const output = usageOf(deltas[deltas.length - 1]!.json).output_tokens;
      expectCount(output, 'message_delta usage.output_tokens', true);
      expect(!isCount(startOutput) || (output as number) >= startOutput, `final output_tokens ${String(output)} is below message_start's ${String(startOutput)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/cumulative-delta',
    protocol,
    level: 'should',
    description: 'Input and cache counts repeated in message_delta are cumulative: never below message_start’s.',
    spec: 'https://github.com/envoyproxy/ai-gateway/issues/1631',
    // Both overwrite the input and cache counts with message_delta's when present (the SDK: "overwrite
    // when present and never add").
    clients: ['anthropic-sdk', 'vercel-ai-sdk'],
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const { events } = await ctx.use(basicStreamComplete);
      const start = usageOf(firstEvent(events, 'message_start', 'the stream').message);
      const final = usageOf(firstEvent(events, 'message_delta', 'the stream'));
      for (const field of CUMULATIVE_FIELDS) {
        const value = final[field];
        if (value === undefined || value === null) continue;
        const before = start[field];
        expectCount(value, `message_delta usage.${field}`, false);
        expect(!isCount(before) || (value as number) >= before, `message_delta usage.${field} is ${String(value)}, below message_start's ${String(before)}`, {
          expected: `≥ ${String(before)}`,
          actual: String(value),
        });
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/stream-matches-non-stream',
    protocol,
    level: 'should',
    description: 'The same prompt counts the same input_tokens streamed and not streamed.',
    spec: USAGE_DOCS,
    tags: ['usage', 'streaming'],
    async run(ctx) {
      const plain = usageOf((await ctx.use(basicReply)).message).input_tokens;
      const streamed = usageOf(firstEvent((await ctx.use(basicStream)).events, 'message_start', 'the stream').message).input_tokens;
      expect(plain === streamed, `input_tokens ${preview(plain)} (non-streaming) vs ${preview(streamed)} (streaming)`, { expected: preview(plain), actual: preview(streamed) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/cache-fields',
    protocol,
    level: 'should',
    description: 'With cache_control in the request, cache_* usage fields are integers ≥ 0 (or null) when present.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/prompt-caching#tracking-cache-performance',
    // The AI SDK's Message schema wants cache counts as numbers or null.
    clients: ['vercel-ai-sdk'],
    tags: ['usage', 'caching'],
    async run(ctx) {
      const usage = usageOf(await ctx.use(systemBlocksReply));
      for (const field of ['cache_creation_input_tokens', 'cache_read_input_tokens'] as const) {
        const value = usage[field];
        if (value !== undefined && value !== null) expectCount(value, `usage.${field}`, false);
      }
    },
  }),
];
