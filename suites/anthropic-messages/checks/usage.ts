import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { eventsOf, firstEvent, okEvents, okJson, postMessages } from '../exchanges.ts';
import { systemBlocksBody } from '../requests.ts';
import { basicExchange } from './basic.ts';
import { basicStream } from './stream-framing.ts';

const USAGE_DOCS = 'https://docs.claude.com/en/api/messages#response-usage';
const protocol = 'anthropic-messages';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const CUMULATIVE_FIELDS = ['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'] as const;

function usageOf(value: unknown): Record<string, unknown> {
  const usage = (value as { usage?: unknown } | undefined)?.usage;
  return usage !== null && typeof usage === 'object' ? (usage as Record<string, unknown>) : {};
}

/** Usage accounting: non-streaming, at the start of a stream, and in its final delta. */
export const usageChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/usage/non-stream',
    protocol,
    level: 'must',
    description: 'A non-streaming reply reports integer input_tokens > 0 and output_tokens > 0.',
    spec: USAGE_DOCS,
    async run(ctx) {
      const usage = usageOf(okJson(await basicExchange(ctx), 'POST /v1/messages'));
      expect(isCount(usage.input_tokens) && usage.input_tokens > 0, `usage.input_tokens is ${preview(usage.input_tokens)}`);
      expect(isCount(usage.output_tokens) && usage.output_tokens > 0, `usage.output_tokens is ${preview(usage.output_tokens)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/message-start',
    protocol,
    level: 'must',
    description: 'message_start reports the real input_tokens (> 0) and an integer output_tokens.',
    spec: 'https://github.com/vercel/ai/issues/17326',
    async run(ctx) {
      const start = firstEvent(okEvents(await basicStream(ctx), 'the stream'), 'message_start', 'the stream');
      const usage = usageOf(start.message);
      expect(isCount(usage.input_tokens) && usage.input_tokens > 0, `message_start usage.input_tokens is ${preview(usage.input_tokens)}`);
      expect(isCount(usage.output_tokens), `message_start usage.output_tokens is ${preview(usage.output_tokens)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/message-delta',
    protocol,
    level: 'must',
    description: 'message_delta reports the final output_tokens: an integer > 0, not below message_start’s.',
    spec: USAGE_DOCS,
    async run(ctx) {
      const events = okEvents(await basicStream(ctx), 'the stream');
      const startOutput = usageOf(firstEvent(events, 'message_start', 'the stream').message).output_tokens;
      const deltas = eventsOf(events, 'message_delta');
      expect(deltas.length > 0, 'no message_delta event');
      const output = usageOf(deltas[deltas.length - 1]!.json).output_tokens;
      expect(isCount(output) && output > 0, `message_delta usage.output_tokens is ${preview(output)}`);
      expect(!isCount(startOutput) || output >= startOutput, `final output_tokens ${output} is below message_start's ${String(startOutput)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/cumulative-delta',
    protocol,
    level: 'should',
    description: 'Input and cache counts repeated in message_delta are cumulative: never below message_start’s.',
    spec: 'https://github.com/envoyproxy/ai-gateway/issues/1631',
    async run(ctx) {
      const events = okEvents(await basicStream(ctx), 'the stream');
      const start = usageOf(firstEvent(events, 'message_start', 'the stream').message);
      const final = usageOf(firstEvent(events, 'message_delta', 'the stream'));
      for (const field of CUMULATIVE_FIELDS) {
        const value = final[field];
        if (value === undefined || value === null) continue;
        const before = start[field];
        expect(isCount(value), `message_delta usage.${field} is ${preview(value)}`);
        expect(!isCount(before) || value >= before, `message_delta usage.${field} is ${value}, below message_start's ${String(before)}`);
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/stream-matches-non-stream',
    protocol,
    level: 'should',
    description: 'The same prompt counts the same input_tokens streamed and not streamed.',
    spec: USAGE_DOCS,
    async run(ctx) {
      const plain = usageOf(okJson(await basicExchange(ctx), 'POST /v1/messages')).input_tokens;
      const streamed = usageOf(firstEvent(okEvents(await basicStream(ctx), 'the stream'), 'message_start', 'the stream').message).input_tokens;
      expect(plain === streamed, `input_tokens ${preview(plain)} (non-streaming) vs ${preview(streamed)} (streaming)`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/usage/cache-fields',
    protocol,
    level: 'should',
    description: 'With cache_control in the request, cache_* usage fields are integers ≥ 0 (or null) when present.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/prompt-caching#tracking-cache-performance',
    async run(ctx) {
      const usage = usageOf(okJson(await postMessages(ctx, 'system-blocks', systemBlocksBody(ctx.target.model)), 'the cache_control request'));
      for (const field of ['cache_creation_input_tokens', 'cache_read_input_tokens'] as const) {
        const value = usage[field];
        expect(value === undefined || value === null || isCount(value), `usage.${field} is ${preview(value)}`);
      }
    },
  }),
];
