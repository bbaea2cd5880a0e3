import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okStream } from '../../harness/stream-capture.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { errorType } from '../envelope.ts';
import { expectCompleteStream, postMessages, signedThinking, streamMessages, thinkingContent } from '../exchanges.ts';
import { describeReply, okJson } from '../../harness/replies.ts';
import { THINKING_BUDGET, thinkingBody } from '../requests.ts';
import type { ResolvedTarget } from '../../harness/target.ts';

const THINKING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';
const protocol = 'anthropic-messages';

type Block = Record<string, unknown>;

/** The assistant turn replayed verbatim, then a follow-up question. */
function replayBody(target: ResolvedTarget, content: Block[]) {
  const body = thinkingBody(target.model);
  return { ...body, messages: [...body.messages, { role: 'assistant', content }, { role: 'user', content: 'And 17 times 4? Number only.' }] };
}

/**
 * Extended thinking, an optional capability: skipped when the target answers a clean 400 or
 * produces no thinking block; once it produces one, its rules bind at their own level (a block a
 * client cannot send back is a `must` failure).
 */
export const thinkingChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/thinking/signature',
    protocol,
    level: 'must',
    description: 'With thinking enabled and offered, the reply opens with a thinking block that carries a non-empty signature.',
    spec: THINKING_DOCS,
    // Claude Code sends signed thinking blocks back every turn; the AI SDK's Message schema requires
    // thinking.signature.
    clients: ['claude-code', 'vercel-ai-sdk'],
    tags: ['thinking'],
    async run(ctx) {
      await ctx.use(signedThinking);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/stream-signature-delta',
    protocol,
    level: 'must',
    description: 'A streamed thinking block gets thinking_delta events, then one signature_delta before its content_block_stop.',
    spec: 'https://github.com/8monkey-ai/hebo-gateway/issues/131',
    // The SDK's accumulator and the AI SDK's reasoning metadata take the signature from signature_delta
    // only; without it the next turn is a 400.
    clients: ['anthropic-sdk', 'claude-code', 'vercel-ai-sdk'],
    tags: ['thinking', 'streaming'],
    async run(ctx) {
      await ctx.use(thinkingContent);
      const capture = okStream(await streamMessages(ctx.target, thinkingBody(ctx.target.model)), 'the thinking stream');
      await expectCompleteStream(ctx.use, capture, 'thinking');
      const on = { exchange: capture.exchange.record };
      const start = capture.events.find((e) => e.type === 'content_block_start' && (e.json?.content_block as Block | undefined)?.type === 'thinking');
      expect(start?.json, 'no thinking block in the stream, although the non-streamed reply has one', on);
      const index = start.json.index;
      const kinds = capture.events
        .filter((e) => e.json?.index === index && e.type !== 'content_block_start')
        .map((e) => (e.type === 'content_block_delta' ? String((e.json?.delta as Block | undefined)?.type) : String(e.type)));
      const actual = { ...on, actual: kinds.join(', ') };
      const signatures = kinds.filter((k) => k === 'signature_delta').length;
      expect(signatures === 1, `the thinking block has ${signatures} signature_delta events, expected 1`, { ...actual, expected: 'thinking_delta…, signature_delta, content_block_stop' });
      expect(kinds[kinds.length - 1] === 'content_block_stop', 'the thinking block is never closed', actual);
      expect(kinds[kinds.length - 2] === 'signature_delta', 'the signature_delta is not the last delta before content_block_stop', actual);
      const delta = capture.events.find((e) => e.json?.index === index && (e.json?.delta as Block | undefined)?.type === 'signature_delta')?.json?.delta as Block;
      expect(typeof delta.signature === 'string' && delta.signature.length > 0, 'the signature_delta is empty', { ...on, actual: preview(delta) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/round-trip',
    protocol,
    level: 'must',
    description: 'The assistant turn with its signed thinking block, replayed verbatim in the next request, is accepted.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking#preserving-thinking-blocks',
    // ding113/claude-code-hub#518: replayed thinking rejected after a channel switch.
    clients: ['claude-code'],
    tags: ['thinking', 'multi-turn'],
    async run(ctx) {
      okJson(await postMessages(ctx.target, replayBody(ctx.target, await ctx.use(signedThinking))), 'the replayed turn');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/tampered-signature',
    protocol,
    level: 'should',
    description: 'A replayed thinking block whose signature was altered is rejected with 400 invalid_request_error.',
    spec: 'https://github.com/anthropics/anthropic-sdk-python/issues/1598',
    tags: ['thinking'],
    async run(ctx) {
      const content = await ctx.use(signedThinking);
      const tampered = content.map((b) => (b.type === 'thinking' ? { ...b, signature: `${String(b.signature).slice(0, -8)}AAAAAAA=` } : b));
      requireObserved(JSON.stringify(tampered) !== JSON.stringify(content), 'the thinking block has no signature to alter');
      const exchange = await postMessages(ctx.target, replayBody(ctx.target, tampered));
      expect(exchange.status === 400 && errorType(exchange) === 'invalid_request_error', `answered ${describeReply(exchange)}, expected 400 invalid_request_error`, {
        expected: 'HTTP 400 invalid_request_error',
        actual: describeReply(exchange),
        exchange: exchange.record,
      });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/budget-validation',
    protocol,
    level: 'should',
    description: 'budget_tokens not below max_tokens is rejected with 400 invalid_request_error.',
    spec: `${THINKING_DOCS}#max-tokens-and-context-window-size`,
    tags: ['thinking'],
    async run(ctx) {
      await ctx.use(thinkingContent);
      const exchange = await postMessages(ctx.target, { ...thinkingBody(ctx.target.model), max_tokens: THINKING_BUDGET });
      expect(exchange.status === 400 && errorType(exchange) === 'invalid_request_error', `answered ${describeReply(exchange)}, expected 400 invalid_request_error`, {
        expected: 'HTTP 400 invalid_request_error',
        actual: describeReply(exchange),
        exchange: exchange.record,
      });
    },
  }),
];
