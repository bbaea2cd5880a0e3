import { RESPONSES_SCHEMA_IDS } from '../../../specs/openai-responses/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { postResponses, reasoningReply } from '../exchanges.ts';
import { encryptedReasoningBody } from '../requests.ts';
import { messageText, outputOf } from '../stream-read.ts';

const REASONING_DOCS = 'https://platform.openai.com/docs/guides/reasoning';
const protocol = 'openai-responses';

/**
 * Reasoning items, an optional capability: skipped when the target answers a clean 400 to a
 * reasoning request or produces no reasoning item; once it produces one, its rules bind.
 */
export const reasoningChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/reasoning/item-shape',
    protocol,
    level: 'must',
    description: 'Asked for reasoning with a summary, the reply holds a reasoning item (id, summary: a list of summary_text parts) before its message.',
    spec: `${REASONING_DOCS}#reasoning-summaries`,
    clients: ['codex-cli', 'vercel-ai-sdk'],
    tags: ['reasoning'],
    async run(ctx) {
      const { exchange, response } = await ctx.use(reasoningReply);
      const items = outputOf(response);
      const at = items.findIndex((item) => item.type === 'reasoning');
      const reasoning = items[at];
      expectSchema(`${RESPONSES_SCHEMA_IDS.items}#/$defs/Reasoning`, reasoning, 'the reasoning item', { exchange: exchange.record });
      const message = items.findIndex((item) => item.type === 'message');
      expect(message === -1 || at < message, `the reasoning item comes after the message (items: ${items.map((i) => String(i.type)).join(', ')})`, {
        expected: 'reasoning, then message',
        actual: items.map((i) => String(i.type)).join(', '),
        exchange: exchange.record,
      });
    },
  }),
  defineCheck({
    id: 'openai-responses/reasoning/encrypted-round-trip',
    protocol,
    level: 'must',
    description: 'With include ["reasoning.encrypted_content"] and store: false (what Codex CLI sends), reasoning items carry encrypted_content, and the output sent back in the next input is accepted.',
    spec: `${REASONING_DOCS}#encrypted-reasoning-items`,
    clients: ['codex-cli', 'vercel-ai-sdk'],
    tags: ['reasoning', 'state'],
    async run(ctx) {
      await ctx.use(reasoningReply);
      const first = encryptedReasoningBody(ctx.target);
      const exchange = await postResponses(ctx.target, first);
      const response = okJson(exchange, 'the encrypted-reasoning request');
      const reasoning = outputOf(response).find((item) => item.type === 'reasoning');
      expect(reasoning, `no reasoning item with include ["reasoning.encrypted_content"] (items: ${outputOf(response).map((i) => String(i.type)).join(', ')})`, { exchange: exchange.record });
      expect(typeof reasoning.encrypted_content === 'string' && reasoning.encrypted_content.length > 0, `the reasoning item has no encrypted_content: ${preview(reasoning, 200)}`, {
        expected: 'encrypted_content: a non-empty string',
        actual: preview(reasoning.encrypted_content),
        exchange: exchange.record,
      });
      const input = [{ type: 'message', role: 'user', content: first.input }, ...outputOf(response), { type: 'message', role: 'user', content: 'And 17 times 4? Number only.' }];
      const next = okJson(await postResponses(ctx.target, encryptedReasoningBody(ctx.target, input)), 'the request that sends the encrypted reasoning back');
      expect(messageText(next).length > 0, 'the follow-up has no text', { expected: 'a message item with output_text', actual: preview(next.output, 300) });
    },
  }),
];
