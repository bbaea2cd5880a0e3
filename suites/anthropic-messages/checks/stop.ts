import { expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { okStream } from '../../harness/stream-capture.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { accumulate, textOf } from '../accumulate.ts';
import { basicReply, expectCompleteStream, postMessages, streamMessages } from '../exchanges.ts';
import { MAX_TOKENS_LIMIT, maxTokensBody, STOP_SEQUENCE, stopSequenceBody } from '../requests.ts';

const STOP_DOCS = 'https://docs.claude.com/en/api/handling-stop-reasons';
const protocol = 'anthropic-messages';

/** How a reply ended, streamed or not. */
interface Ending {
  readonly stopReason: unknown;
  readonly stopSequence: unknown;
  readonly outputTokens: unknown;
  readonly text: string;
}

/**
 * The max_tokens rule, judged only when the budget was exercised: a reply cut at the budget says
 * max_tokens; a reply that ran past it ignored it; a reply that ended on its own within the budget
 * (a short fixed reply) did not exercise it, so there is nothing to judge.
 */
function judgeMaxTokens(end: Ending, where: string): void {
  const output = end.outputTokens;
  const counted = typeof output === 'number' && Number.isInteger(output);
  if (end.stopReason === 'max_tokens') {
    expect(counted && output > 0 && output <= MAX_TOKENS_LIMIT, `${where}: usage.output_tokens is ${preview(output)} with max_tokens ${MAX_TOKENS_LIMIT}`, {
      expected: `1…${MAX_TOKENS_LIMIT}`,
      actual: preview(output),
    });
    return;
  }
  if (counted && output >= MAX_TOKENS_LIMIT) {
    fail(`${where}: stop_reason is ${preview(end.stopReason)} after ${output} output tokens with max_tokens ${MAX_TOKENS_LIMIT}, expected "max_tokens"`, {
      expected: `stop_reason "max_tokens" with at most ${MAX_TOKENS_LIMIT} output tokens`,
      actual: `stop_reason ${preview(end.stopReason)}, ${output} output tokens`,
    });
  }
  requireObserved(false, `${where} ended on its own within the budget (${counted ? `${output} of ${MAX_TOKENS_LIMIT}` : 'no output_tokens count'}, stop_reason ${preview(end.stopReason)}), so max_tokens was not exercised`);
}

/**
 * The stop-sequence rule, judged only when the sequence was reached: a reply that stopped on it
 * names it and leaves it out; a reply whose text contains it ignored it; a reply that never
 * produced it did not exercise stop_sequences.
 */
function judgeStopSequence(end: Ending, where: string): void {
  if (end.stopReason === 'stop_sequence') {
    expect(end.stopSequence === STOP_SEQUENCE, `${where}: stop_sequence is ${preview(end.stopSequence)}, expected "${STOP_SEQUENCE}"`, {
      expected: `"${STOP_SEQUENCE}"`,
      actual: preview(end.stopSequence),
    });
    expect(!end.text.includes(STOP_SEQUENCE), `${where}: the text still contains the stop sequence: ${preview(end.text)}`, { actual: preview(end.text) });
    return;
  }
  expect(!end.text.includes(STOP_SEQUENCE), `${where}: the text contains the stop sequence "${STOP_SEQUENCE}" but the reply did not stop there (stop_reason ${preview(end.stopReason)})`, {
    expected: `stop_reason "stop_sequence", stop_sequence "${STOP_SEQUENCE}", the text cut before it`,
    actual: `stop_reason ${preview(end.stopReason)}, text ${preview(end.text, 120)}`,
  });
  requireObserved(false, `${where} never produced the stop sequence "${STOP_SEQUENCE}" (stop_reason ${preview(end.stopReason)}), so stop_sequences was not exercised`);
}

function plainEnding(message: Record<string, unknown>): Ending {
  return { stopReason: message.stop_reason, stopSequence: message.stop_sequence, outputTokens: (message.usage as { output_tokens?: unknown } | undefined)?.output_tokens, text: textOf(message.content) };
}

function streamedEnding(events: Parameters<typeof accumulate>[0]): Ending {
  const m = accumulate(events);
  return { stopReason: m.stopReason, stopSequence: m.stopSequence, outputTokens: m.usage.output_tokens, text: textOf(m.content) };
}

/** Stop reasons, streamed and not: end_turn, max_tokens, stop_sequence (tool_use is in tools.ts). */
export const stopChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/stop/end-turn',
    protocol,
    level: 'must',
    description: 'A reply that ends naturally has stop_reason end_turn and stop_sequence null.',
    spec: STOP_DOCS,
    tags: ['stop-reasons'],
    async run(ctx) {
      const { message } = await ctx.use(basicReply);
      expect(message.stop_reason === 'end_turn', `stop_reason is ${preview(message.stop_reason)}, expected "end_turn"`, { expected: '"end_turn"', actual: preview(message.stop_reason) });
      expect(message.stop_sequence === null, `stop_sequence is ${preview(message.stop_sequence)}, expected null`, { expected: 'null', actual: preview(message.stop_sequence) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/max-tokens',
    protocol,
    level: 'must',
    description: `A reply cut by max_tokens (${MAX_TOKENS_LIMIT}) has stop_reason max_tokens and at most that many output tokens (skipped when the reply ends sooner).`,
    spec: STOP_DOCS,
    tags: ['stop-reasons'],
    async run(ctx) {
      judgeMaxTokens(plainEnding(okJson(await postMessages(ctx.target, maxTokensBody(ctx.target.model)), 'the max_tokens request')), 'the reply');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/max-tokens-stream',
    protocol,
    level: 'must',
    description: 'A streamed reply cut by max_tokens ends with message_delta stop_reason max_tokens (skipped when the reply ends sooner).',
    spec: STOP_DOCS,
    tags: ['stop-reasons', 'streaming'],
    async run(ctx) {
      const capture = okStream(await streamMessages(ctx.target, maxTokensBody(ctx.target.model)), 'the max_tokens stream');
      await expectCompleteStream(ctx.use, capture, 'max_tokens');
      const { events } = capture;
      judgeMaxTokens(streamedEnding(events), 'the streamed reply');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/stop-sequence',
    protocol,
    level: 'must',
    description: 'A reply that hits a stop sequence has stop_reason stop_sequence, names it, and does not include it (skipped when the sequence never comes).',
    spec: 'https://github.com/vllm-project/vllm/issues/45807',
    tags: ['stop-reasons'],
    async run(ctx) {
      judgeStopSequence(plainEnding(okJson(await postMessages(ctx.target, stopSequenceBody(ctx.target.model)), 'the stop_sequences request')), 'the reply');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stop/stop-sequence-stream',
    protocol,
    level: 'must',
    description: 'A streamed reply that hits a stop sequence reports it in message_delta (skipped when the sequence never comes).',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/streaming',
    tags: ['stop-reasons', 'streaming'],
    async run(ctx) {
      const capture = okStream(await streamMessages(ctx.target, stopSequenceBody(ctx.target.model)), 'the stop_sequences stream');
      await expectCompleteStream(ctx.use, capture, 'stop_sequences');
      const { events } = capture;
      judgeStopSequence(streamedEnding(events), 'the streamed reply');
    },
  }),
];
