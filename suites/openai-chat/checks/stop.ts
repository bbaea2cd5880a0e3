import { expect, preview } from '../../harness/assert.ts';
import { type BudgetEnding, judgeBudget } from '../../harness/budget-verdict.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { firstChoice, messageOf, usageOf } from '../chunks.ts';
import { postChat, streamChat } from '../client.ts';
import { basicReply, type ChatStream, chatStream, choiceZero } from '../exchanges.ts';
import { AFTER_STOP, BEFORE_STOP, LENGTH_LIMIT, lengthBody, STOP_SEQUENCE, stopSequenceBody } from '../requests.ts';

const FINISH_DOCS = 'https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices';
const protocol = 'openai-chat';

/** How a reply ended, streamed or not (`reason` is its finish_reason). */
type Ending = BudgetEnding;

const NAMES = { reason: 'finish_reason', cut: 'length', tokens: 'completion_tokens' } as const;

const judgeLength = (end: Ending, where: string) => judgeBudget(end, LENGTH_LIMIT, where, NAMES);

/**
 * The stop-sequence rule, judged only when the sequence was reached: a reply that stopped on it
 * leaves it out and says `stop`; a reply whose text contains it ignored it; a reply that never
 * got there (the model rephrased) did not exercise it.
 */
function judgeStopSequence(end: Ending, where: string): void {
  expect(!end.text.includes(STOP_SEQUENCE), `${where}: the text contains the stop sequence "${STOP_SEQUENCE}": ${preview(end.text, 120)}`, {
    expected: `the text cut before "${STOP_SEQUENCE}", finish_reason "stop"`,
    actual: `finish_reason ${preview(end.reason)}, text ${preview(end.text, 120)}`,
  });
  const reached = end.text.includes(BEFORE_STOP) && !AFTER_STOP.some((w) => end.text.includes(w));
  requireObserved(reached, `${where} never reached the stop sequence "${STOP_SEQUENCE}" (text ${preview(end.text, 80)}), so stop was not exercised`);
  expect(end.reason === 'stop', `${where}: finish_reason is ${preview(end.reason)} at the stop sequence, expected "stop"`, { expected: '"stop"', actual: preview(end.reason) });
}

function ending(reason: unknown, outputTokens: unknown, text: string): Ending {
  return { reason, cut: reason === 'length', outputTokens, text };
}

function plainEnding(completion: Record<string, unknown>): Ending {
  const choice = firstChoice(completion);
  const content = messageOf(choice).content;
  return ending(choice.finish_reason, usageOf(completion).completion_tokens, typeof content === 'string' ? content : '');
}

function streamedEnding(stream: ChatStream, name: string): Ending {
  const choice = choiceZero(stream, name);
  const usage = stream.reading.usageChunks.at(-1)?.chunk;
  return ending(choice.finishReasons[0], usageOf(usage).completion_tokens, choice.content);
}

/** finish_reason stop and length, streamed and not, under both names of the token budget. */
export const stopChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/stop/natural-stop',
    protocol,
    level: 'must',
    description: 'A reply that ends naturally has finish_reason "stop".',
    spec: FINISH_DOCS,
    async run(ctx) {
      const { finish_reason: finish } = firstChoice((await ctx.use(basicReply)).completion);
      expect(finish === 'stop', `finish_reason is ${preview(finish)}, expected "stop"`, { expected: '"stop"', actual: preview(finish) });
    },
  }),
  defineCheck({
    id: 'openai-chat/stop/stop-sequence',
    protocol,
    level: 'must',
    description: 'A reply that reaches a stop sequence is cut before it with finish_reason "stop" (skipped when the sequence never comes).',
    spec: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-stop',
    async run(ctx) {
      judgeStopSequence(plainEnding(okJson(await postChat(ctx.target, stopSequenceBody(ctx.target.model)), 'the stop request')), 'the reply');
    },
  }),
  defineCheck({
    id: 'openai-chat/stop/stop-sequence-stream',
    protocol,
    level: 'must',
    description: 'A streamed reply that reaches a stop sequence is cut before it and finishes with "stop" (skipped when the sequence never comes).',
    spec: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-stop',
    tags: ['streaming'],
    async run(ctx) {
      const stream = await chatStream(ctx.use, await streamChat(ctx.target, stopSequenceBody(ctx.target.model)), 'stop');
      judgeStopSequence(streamedEnding(stream, 'stop'), 'the streamed reply');
    },
  }),
  defineCheck({
    id: 'openai-chat/stop/length',
    protocol,
    level: 'must',
    description: `A reply cut by max_tokens (${LENGTH_LIMIT}) has finish_reason "length" and at most that many completion tokens (skipped when the reply ends sooner).`,
    spec: FINISH_DOCS,
    async run(ctx) {
      judgeLength(plainEnding(okJson(await postChat(ctx.target, lengthBody(ctx.target.model)), 'the max_tokens request')), 'the reply');
    },
  }),
  defineCheck({
    id: 'openai-chat/stop/length-stream',
    protocol,
    level: 'must',
    description: 'A streamed reply cut by max_tokens finishes with "length" (skipped when the reply ends sooner).',
    spec: FINISH_DOCS,
    tags: ['streaming'],
    async run(ctx) {
      const body = { ...lengthBody(ctx.target.model), stream_options: { include_usage: true } };
      judgeLength(streamedEnding(await chatStream(ctx.use, await streamChat(ctx.target, body), 'max_tokens'), 'max_tokens'), 'the streamed reply');
    },
  }),
  defineCheck({
    id: 'openai-chat/stop/max-completion-tokens',
    protocol,
    level: 'must',
    description: 'max_completion_tokens (the current name, required by reasoning models) caps the reply like max_tokens: finish_reason "length".',
    spec: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-max_completion_tokens',
    async run(ctx) {
      judgeLength(plainEnding(okJson(await postChat(ctx.target, lengthBody(ctx.target.model, 'max_completion_tokens')), 'the max_completion_tokens request')), 'the reply');
    },
  }),
];
