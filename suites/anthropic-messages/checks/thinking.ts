import { expect, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import type { RawExchange } from '../../harness/http.ts';
import { errorSummary, errorType, eventsOf, okEvents, okJson, postMessages, requireCapabilityAccepted, streamMessages } from '../exchanges.ts';
import { THINKING_BUDGET, thinkingBody } from '../requests.ts';

const THINKING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';
const protocol = 'anthropic-messages';

type Block = Record<string, unknown>;

/**
 * The thinking exchange, or a skip (for `should` checks) when the target answers a clean
 * Anthropic 400: the model or endpoint does not offer extended thinking.
 */
async function thinkingExchange(ctx: CheckContext): Promise<RawExchange> {
  const exchange = await postMessages(ctx, 'thinking', thinkingBody(ctx.target.model));
  requireCapabilityAccepted(ctx, exchange, 'offer extended thinking');
  return exchange;
}

async function thinkingMessage(ctx: CheckContext): Promise<{ content: Block[] }> {
  const message = okJson(await thinkingExchange(ctx), 'the thinking request');
  const content = Array.isArray(message.content) ? (message.content as Block[]) : [];
  return { content };
}

/** The assistant turn replayed verbatim, then a follow-up question. */
function replayBody(ctx: CheckContext, content: Block[]) {
  const body = thinkingBody(ctx.target.model);
  return { ...body, messages: [...body.messages, { role: 'assistant', content }, { role: 'user', content: 'And 17 times 4? Number only.' }] };
}

/** Extended thinking: signatures in both forms, replay, and the API's own validation. */
export const thinkingChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/thinking/signature',
    protocol,
    level: 'should',
    description: 'With thinking enabled, the reply opens with a thinking block that carries a non-empty signature.',
    spec: THINKING_DOCS,
    async run(ctx) {
      const { content } = await thinkingMessage(ctx);
      const first = content[0];
      expect(first?.type === 'thinking', `the first block is ${preview(first?.type)}, expected "thinking"`);
      expect(typeof first.thinking === 'string', 'the thinking block has no thinking text field');
      expect(typeof first.signature === 'string' && first.signature.length > 0, 'the thinking block has no signature');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/stream-signature-delta',
    protocol,
    level: 'should',
    description: 'A streamed thinking block gets thinking_delta events, then one signature_delta before its content_block_stop.',
    spec: 'https://github.com/8monkey-ai/hebo-gateway/issues/131',
    async run(ctx) {
      await thinkingExchange(ctx);
      const events = okEvents(await streamMessages(ctx, 'thinking', thinkingBody(ctx.target.model)), 'the thinking stream');
      const start = events.find((e) => e.type === 'content_block_start' && (e.json?.content_block as Block | undefined)?.type === 'thinking');
      expect(start?.json, 'no thinking block in the stream');
      const index = start.json.index;
      const block = events.filter((e) => e.json?.index === index && e.type !== 'content_block_start');
      const kinds = block.map((e) => (e.type === 'content_block_delta' ? String((e.json?.delta as Block | undefined)?.type) : String(e.type)));
      const signatures = kinds.filter((k) => k === 'signature_delta').length;
      expect(signatures === 1, `the thinking block has ${signatures} signature_delta events, expected 1 (${kinds.join(', ')})`);
      expect(kinds[kinds.length - 1] === 'content_block_stop', 'the thinking block is never closed');
      expect(kinds[kinds.length - 2] === 'signature_delta', `the signature_delta is not the last delta before content_block_stop (${kinds.join(', ')})`);
      const signature = eventsOf(block, 'content_block_delta').map((e) => e.json?.delta as Block).find((d) => d.type === 'signature_delta');
      expect(typeof signature?.signature === 'string' && signature.signature.length > 0, 'the signature_delta is empty');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/round-trip',
    protocol,
    level: 'should',
    description: 'The assistant turn with its thinking block, replayed verbatim in the next request, is accepted.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking#preserving-thinking-blocks',
    async run(ctx) {
      const { content } = await thinkingMessage(ctx);
      const exchange = await postMessages(ctx, 'thinking-replay', replayBody(ctx, content));
      expect(exchange.status === 200, `the replayed turn was rejected: ${errorSummary(exchange)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/tampered-signature',
    protocol,
    level: 'should',
    description: 'A replayed thinking block whose signature was altered is rejected with 400 invalid_request_error.',
    spec: 'https://github.com/anthropics/anthropic-sdk-python/issues/1598',
    async run(ctx) {
      const { content } = await thinkingMessage(ctx);
      const tampered = content.map((b) => (b.type === 'thinking' ? { ...b, signature: `${String(b.signature).slice(0, -8)}AAAAAAA=` } : b));
      const exchange = await postMessages(ctx, 'thinking-tampered', replayBody(ctx, tampered));
      expect(exchange.status === 400 && errorType(exchange) === 'invalid_request_error', `answered ${errorSummary(exchange)}, expected 400 invalid_request_error`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/thinking/budget-validation',
    protocol,
    level: 'should',
    description: 'budget_tokens not below max_tokens is rejected with 400 invalid_request_error.',
    spec: `${THINKING_DOCS}#max-tokens-and-context-window-size`,
    async run(ctx) {
      await thinkingExchange(ctx);
      const body = { ...thinkingBody(ctx.target.model), max_tokens: THINKING_BUDGET };
      const exchange = await postMessages(ctx, 'thinking-budget', body);
      expect(exchange.status === 400 && errorType(exchange) === 'invalid_request_error', `answered ${errorSummary(exchange)}, expected 400 invalid_request_error`);
    },
  }),
];
