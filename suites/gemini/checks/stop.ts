import { expect, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { postMethod, streamSse } from '../client.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { basicReply, okReply } from '../exchanges.ts';
import { candidatesOf, countOr0, finishReasonOf, type Json, streamFinishReason, streamText, textOf, usageOf } from '../read.ts';
import { AFTER_STOP, BEFORE_STOP, CANDIDATE_COUNT, candidateCountBody, MAX_TOKENS_LIMIT, maxTokensBody, STOP_SEQUENCE, stopSequenceBody } from '../requests.ts';
import { basicSseComplete, expectCompleteStream, okSse } from '../stream-exchanges.ts';

const FINISH_DOCS = 'https://ai.google.dev/api/generate-content#FinishReason';
const CONFIG_DOCS = 'https://ai.google.dev/api/generate-content#generationconfig';
const protocol = 'gemini';

/** What a reply says about how it ended: finish reason, answer text, usage. */
interface Ending {
  readonly finish: unknown;
  readonly text: string;
  readonly usage: Json;
}

/**
 * Judges maxOutputTokens three ways: MAX_TOKENS → exercised and honoured; a reply that spent more
 * than the budget (thoughts included, as on Gemini 2.5 and 3) without MAX_TOKENS → the budget was
 * ignored; a reply within the budget → the rule was never reached (skipped).
 */
function judgeMaxTokens({ finish, text, usage }: Ending, where: string): void {
  if (finish === 'MAX_TOKENS') return;
  const counted = countOr0(usage.candidatesTokenCount) + countOr0(usage.thoughtsTokenCount);
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  const spent = Math.max(counted, words);
  requireObserved(spent > MAX_TOKENS_LIMIT, `the ${where} ended within the budget (${spent} of ${MAX_TOKENS_LIMIT} tokens), so maxOutputTokens was not exercised`);
  expect(false, `the ${where} spent ${spent} tokens with maxOutputTokens ${MAX_TOKENS_LIMIT} and finishReason ${preview(finish)}: the budget was ignored, or the reply was cut without saying MAX_TOKENS`, {
    expected: `finishReason "MAX_TOKENS", at most ${MAX_TOKENS_LIMIT} tokens`,
    actual: `finishReason ${preview(finish)}, ${spent} tokens: ${preview(text, 120)}`,
  });
}

/**
 * Judges stopSequences: the text must never contain the sequence; when it stops right before it
 * ("… three", no "five"), the rule was exercised and the finish reason must be STOP (Gemini has
 * no stop-sequence reason); a reply that never came near it was not exercised.
 */
function judgeStopSequence({ finish, text }: Ending, where: string): void {
  const lower = text.toLowerCase();
  expect(!lower.includes(STOP_SEQUENCE), `the ${where} contains the stop sequence ${preview(STOP_SEQUENCE)}: ${preview(text, 120)}`, {
    expected: `the text up to, not including, ${preview(STOP_SEQUENCE)}`,
    actual: preview(text, 200),
  });
  requireObserved(lower.includes(BEFORE_STOP) && !lower.includes(AFTER_STOP), `the ${where} never produced the stop sequence (${preview(text, 80)}), so stopSequences was not exercised`);
  expect(finish === 'STOP', `the ${where} stopped at the stop sequence with finishReason ${preview(finish)}, expected "STOP"`, { expected: '"STOP"', actual: preview(finish) });
}

async function replyEnding(ctx: CheckContext, body: Json, what: string): Promise<Ending> {
  const response = await okReply(ctx.use, await postMethod(ctx.target, 'generateContent', body), what);
  return { finish: finishReasonOf(response), text: textOf(response), usage: usageOf(response) };
}

async function streamEnding(ctx: CheckContext, body: Json, name: string): Promise<Ending> {
  const stream = await okSse(ctx.use, await streamSse(ctx.target, body), `the ${name} stream`);
  await expectCompleteStream(ctx.use, stream, name);
  return { finish: streamFinishReason(stream.chunks), text: streamText(stream.chunks), usage: usageOf(stream.chunks.at(-1)) };
}

/** How replies end: STOP, MAX_TOKENS within the budget, stop sequences left out, several candidates. */
export const stopChecks: Check[] = [
  defineCheck({
    id: 'gemini/stop/finish-stop',
    protocol,
    level: 'must',
    description: 'A reply that ended naturally says finishReason "STOP", streamed or not (not "stop", "end_turn" or nothing).',
    spec: FINISH_DOCS,
    clients: ['vercel-ai-sdk'],
    async run(ctx) {
      const plain = finishReasonOf((await ctx.use(basicReply)).response);
      expect(plain === 'STOP', `finishReason is ${preview(plain)}, expected "STOP"`, { expected: '"STOP"', actual: preview(plain) });
      const streamed = streamFinishReason((await ctx.use(basicSseComplete)).chunks);
      expect(streamed === 'STOP', `the stream's finishReason is ${preview(streamed)}, expected "STOP"`, { expected: '"STOP"', actual: preview(streamed) });
    },
  }),
  defineCheck({
    id: 'gemini/stop/max-tokens',
    protocol,
    level: 'must',
    description: `maxOutputTokens (${MAX_TOKENS_LIMIT}) is honoured and the cut reply says finishReason "MAX_TOKENS" (skipped when the reply fit).`,
    spec: CONFIG_DOCS,
    clients: ['vercel-ai-sdk'],
    async run(ctx) {
      judgeMaxTokens(await replyEnding(ctx, maxTokensBody(), 'a maxOutputTokens request'), 'reply');
    },
  }),
  defineCheck({
    id: 'gemini/stop/max-tokens-stream',
    protocol,
    level: 'must',
    description: 'A streamed reply cut by maxOutputTokens ends with finishReason "MAX_TOKENS" on its last chunk (skipped when the reply fit).',
    spec: CONFIG_DOCS,
    clients: ['vercel-ai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      judgeMaxTokens(await streamEnding(ctx, maxTokensBody(), 'max-tokens'), 'streamed reply');
    },
  }),
  defineCheck({
    id: 'gemini/stop/stop-sequence',
    protocol,
    level: 'must',
    description: 'stopSequences end the reply before the sequence, which is left out of the text, with finishReason "STOP" (skipped when the model never produced it).',
    spec: CONFIG_DOCS,
    async run(ctx) {
      judgeStopSequence(await replyEnding(ctx, stopSequenceBody(), 'a stopSequences request'), 'reply');
    },
  }),
  defineCheck({
    id: 'gemini/stop/candidate-count',
    protocol,
    level: 'must',
    description: `candidateCount ${CANDIDATE_COUNT} yields ${CANDIDATE_COUNT} candidates with distinct indices, each with text (optional: skipped on a clean 400).`,
    spec: CONFIG_DOCS,
    async run(ctx) {
      const exchange = await postMethod(ctx.target, 'generateContent', candidateCountBody());
      requireCapabilityAccepted(exchange, `offer candidateCount ${CANDIDATE_COUNT}`);
      const candidates = candidatesOf(await okReply(ctx.use, exchange, 'a candidateCount request'));
      const on = { exchange: exchange.record };
      expect(candidates.length === CANDIDATE_COUNT, `${candidates.length} candidate(s), expected ${CANDIDATE_COUNT}`, { ...on, expected: `${CANDIDATE_COUNT} candidates`, actual: preview(candidates, 300) });
      // proto3 JSON omits index 0.
      const indices = candidates.map((c) => countOr0(c.index));
      expect(new Set(indices).size === CANDIDATE_COUNT, `candidate indices are ${preview(indices)}`, { ...on, expected: '[0, 1]', actual: preview(indices) });
      candidates.forEach((_, i) => expect(textOf({ candidates }, i).length > 0, `candidate ${i} has no text`, { ...on, actual: preview(candidates[i], 200) }));
    },
  }),
];
