import { expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { okStream } from '../../harness/stream-capture.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { expectSoundStream, postResponses, streamResponses } from '../exchanges.ts';
import { MAX_OUTPUT_TOKENS_LIMIT, maxOutputTokensBody } from '../requests.ts';
import { terminalEvent } from '../stream-read.ts';

const INCOMPLETE_DOCS = 'https://platform.openai.com/docs/api-reference/responses/object#responses/object-incomplete_details';
const protocol = 'openai-responses';
const LIMIT = MAX_OUTPUT_TOKENS_LIMIT;

/**
 * The max_output_tokens rule, judged three ways: a reply cut by the budget is `incomplete` with
 * reason max_output_tokens and at most that many output tokens; a reply that ran to the budget or
 * past it and still says `completed` ignored it; a reply that ended on its own sooner never
 * exercised the rule (skipped).
 */
function judgeIncomplete(response: Record<string, unknown>, where: string): void {
  const output = (response.usage as { output_tokens?: unknown } | null | undefined)?.output_tokens;
  const counted = typeof output === 'number' && Number.isInteger(output);
  const reason = (response.incomplete_details as { reason?: unknown } | null | undefined)?.reason;
  if (response.status === 'incomplete') {
    expect(reason === 'max_output_tokens', `${where}: incomplete_details.reason is ${preview(reason)}, expected "max_output_tokens"`, {
      expected: '{"reason":"max_output_tokens"}',
      actual: preview(response.incomplete_details),
    });
    expect(!counted || output <= LIMIT, `${where}: usage.output_tokens is ${preview(output)} with max_output_tokens ${LIMIT}`, { expected: `at most ${LIMIT}`, actual: preview(output) });
    return;
  }
  if (counted && output >= LIMIT) {
    fail(`${where}: status is ${preview(response.status)} after ${output} output tokens with max_output_tokens ${LIMIT}, expected "incomplete"`, {
      expected: `status "incomplete", incomplete_details {reason: "max_output_tokens"}, at most ${LIMIT} output tokens`,
      actual: `status ${preview(response.status)}, incomplete_details ${preview(response.incomplete_details)}, ${output} output tokens`,
    });
  }
  requireObserved(false, `${where} ended on its own within the budget (${counted ? `${output} of ${LIMIT}` : 'no output_tokens count'} output tokens, status ${preview(response.status)}), so max_output_tokens was not exercised`);
}

/** Responses cut by max_output_tokens, streamed and not. */
export const incompleteChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/incomplete/max-output-tokens',
    protocol,
    level: 'must',
    description: `A reply cut by max_output_tokens (${LIMIT}) has status "incomplete", incomplete_details.reason "max_output_tokens" and at most that many output tokens (skipped when the reply ends sooner).`,
    spec: INCOMPLETE_DOCS,
    tags: ['limits'],
    async run(ctx) {
      judgeIncomplete(okJson(await postResponses(ctx.target, maxOutputTokensBody(ctx.target)), 'the max_output_tokens request'), 'the reply');
    },
  }),
  defineCheck({
    id: 'openai-responses/incomplete/stream',
    protocol,
    level: 'must',
    description: 'A streamed reply cut by max_output_tokens ends with response.incomplete (not response.completed) carrying the incomplete Response (skipped when the reply ends sooner).',
    spec: 'https://platform.openai.com/docs/api-reference/responses-streaming/response/incomplete',
    tags: ['limits', 'streaming'],
    async run(ctx) {
      const capture = okStream(await streamResponses(ctx.target, maxOutputTokensBody(ctx.target)), 'the max_output_tokens stream');
      const response = await expectSoundStream(ctx.use, capture, 'max_output_tokens');
      judgeIncomplete(response, 'the streamed reply');
      const type = terminalEvent(capture.events)?.type;
      expect(type === 'response.incomplete', `the stream of an incomplete response ends with ${preview(type)}, expected response.incomplete`, {
        expected: 'response.incomplete',
        actual: preview(type),
        exchange: capture.exchange.record,
      });
    },
  }),
];
