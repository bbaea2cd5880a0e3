import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { accumulate, okEvents, okJson, postMessages, streamMessages } from '../exchanges.ts';
import { MAX_TOKENS_LIMIT, maxTokensBody, STOP_SEQUENCE, stopSequenceBody } from '../requests.ts';
import { basicExchange } from './basic.ts';

const STOP_DOCS = 'https://docs.claude.com/en/api/handling-stop-reasons';
const protocol = 'anthropic-messages';

function textOf(content: unknown): string {
  return (Array.isArray(content) ? (content as { type?: string; text?: string }[]) : [])
    .filter((b) => b?.type === 'text')
    .map((b) => b.text ?? '')
    .join('');
}

/** Stop reasons, streamed and not: end_turn, max_tokens, stop_sequence (tool_use is in tools.ts). */
export const stopReasonChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/stop/end-turn',
    protocol,
    level: 'must',
    description: 'A reply that ends naturally has stop_reason end_turn and stop_sequence null.',
    spec: STOP_DOCS,
    async run(ctx) {
      const message = okJson(await basicExchange(ctx), 'POST /v1/messages');
      expect(message.stop_reason === 'end_turn', `stop_reason is ${preview(message.stop_reason)}, expected "end_turn"`);
      expect(message.stop_sequence === null, `stop_sequence is ${preview(message.stop_sequence)}, expected null`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/max-tokens',
    protocol,
    level: 'must',
    description: `A reply cut by max_tokens (${MAX_TOKENS_LIMIT}) has stop_reason max_tokens and at most that many output tokens.`,
    spec: STOP_DOCS,
    async run(ctx) {
      const message = okJson(await postMessages(ctx, 'max-tokens', maxTokensBody(ctx.target.model)), 'the max_tokens request');
      expect(message.stop_reason === 'max_tokens', `stop_reason is ${preview(message.stop_reason)}, expected "max_tokens"`);
      const output = (message.usage as { output_tokens?: unknown } | undefined)?.output_tokens;
      expect(typeof output === 'number' && output > 0 && output <= MAX_TOKENS_LIMIT, `usage.output_tokens is ${preview(output)} with max_tokens ${MAX_TOKENS_LIMIT}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/max-tokens-stream',
    protocol,
    level: 'must',
    description: 'A streamed reply cut by max_tokens ends with message_delta stop_reason max_tokens.',
    spec: STOP_DOCS,
    async run(ctx) {
      const { stopReason, usage } = accumulate(okEvents(await streamMessages(ctx, 'max-tokens', maxTokensBody(ctx.target.model)), 'the stream'));
      expect(stopReason === 'max_tokens', `message_delta stop_reason is ${preview(stopReason)}, expected "max_tokens"`);
      const output = usage.output_tokens;
      expect(typeof output === 'number' && output <= MAX_TOKENS_LIMIT, `final output_tokens is ${preview(output)} with max_tokens ${MAX_TOKENS_LIMIT}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/stop-sequence',
    protocol,
    level: 'must',
    description: 'A reply that hits a stop sequence has stop_reason stop_sequence, names it, and does not include it.',
    spec: 'https://github.com/vllm-project/vllm/issues/45807',
    async run(ctx) {
      const message = okJson(await postMessages(ctx, 'stop-sequence', stopSequenceBody(ctx.target.model)), 'the stop_sequences request');
      expect(message.stop_reason === 'stop_sequence', `stop_reason is ${preview(message.stop_reason)}, expected "stop_sequence"`);
      expect(message.stop_sequence === STOP_SEQUENCE, `stop_sequence is ${preview(message.stop_sequence)}, expected "${STOP_SEQUENCE}"`);
      expect(!textOf(message.content).includes(STOP_SEQUENCE), `the text still contains the stop sequence: ${preview(textOf(message.content))}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/stop-sequence-stream',
    protocol,
    level: 'must',
    description: 'A streamed reply that hits a stop sequence reports it in message_delta.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/streaming',
    async run(ctx) {
      const result = accumulate(okEvents(await streamMessages(ctx, 'stop-sequence', stopSequenceBody(ctx.target.model)), 'the stream'));
      expect(result.stopReason === 'stop_sequence', `message_delta stop_reason is ${preview(result.stopReason)}, expected "stop_sequence"`);
      expect(result.stopSequence === STOP_SEQUENCE, `message_delta stop_sequence is ${preview(result.stopSequence)}, expected "${STOP_SEQUENCE}"`);
      expect(!textOf(result.content).includes(STOP_SEQUENCE), 'the streamed text still contains the stop sequence');
    },
  }),
];
