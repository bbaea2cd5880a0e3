import { ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import type { ResolvedTarget } from '../../harness/target.ts';
import { anthropicClient } from '../client.ts';
import { basicReply, COUNT_TOKENS_PATH, plainCount, postMessages, sdkMessage } from '../exchanges.ts';
import { basicBody, countBody } from '../requests.ts';

const COUNT_DOCS = 'https://docs.claude.com/en/api/messages-count-tokens';
const protocol = 'anthropic-messages';

/** count_tokens of one body: an integer input_tokens. */
async function count(target: ResolvedTarget, body: unknown): Promise<number> {
  const json = okJson(await postMessages(target, body, COUNT_TOKENS_PATH), `POST ${COUNT_TOKENS_PATH}`);
  expectSchema(ANTHROPIC_SCHEMA_IDS.countTokensResponse, json, 'the count_tokens reply');
  return json.input_tokens as number;
}

/** POST /v1/messages/count_tokens: present, honest (never a fake 0), consistent with usage. */
export const countTokensChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/count-tokens/basic',
    protocol,
    level: 'must',
    description: 'count_tokens answers {input_tokens: integer > 0} for a request without max_tokens.',
    spec: 'https://github.com/Wei-Shaw/sub2api/issues/657',
    // Claude Code sizes its context with count_tokens (?beta=true): a 404 floods (BerriAI/litellm#13252),
    // a fake 0 disables auto-compaction.
    clients: ['claude-code'],
    tags: ['count-tokens'],
    async run(ctx) {
      await ctx.use(plainCount);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/count-tokens/counts-context',
    protocol,
    level: 'must',
    description: 'A system prompt and tools add to the count: count(system + tools + messages) > count(messages).',
    spec: 'https://github.com/router-for-me/CLIProxyAPI/issues/679',
    // Reported from Claude Code (router-for-me/CLIProxyAPI#679).
    clients: ['claude-code'],
    tags: ['count-tokens'],
    async run(ctx) {
      const plain = await ctx.use(plainCount);
      const full = await count(ctx.target, countBody(ctx.target.model, true));
      expect(full > plain, `with system and tools: ${full}; messages alone: ${plain}`, { expected: `more than ${plain}`, actual: String(full) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/count-tokens/matches-usage',
    protocol,
    level: 'should',
    description: 'count_tokens for a request equals usage.input_tokens of the same request.',
    spec: COUNT_DOCS,
    // Claude Code's /context and auto-compaction trust the count: an inflated one compacts early
    // (router-for-me/CLIProxyAPI#4103).
    clients: ['claude-code'],
    tags: ['count-tokens', 'usage'],
    async run(ctx) {
      await ctx.use(plainCount);
      const { max_tokens: _unused, ...body } = basicBody(ctx.target.model);
      const counted = await count(ctx.target, body);
      const billed = ((await ctx.use(basicReply)).message.usage as { input_tokens?: unknown } | undefined)?.input_tokens;
      expect(counted === billed, `count_tokens says ${counted}, usage.input_tokens says ${preview(billed)}`, { expected: preview(billed), actual: String(counted) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/count-tokens/sdk',
    protocol,
    level: 'must',
    description: 'messages.countTokens() in the official SDK returns input_tokens > 0.',
    spec: COUNT_DOCS,
    clients: ['anthropic-sdk'],
    tags: ['count-tokens', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkMessage);
      const result = await anthropicClient(ctx.target).messages.countTokens(countBody(ctx.target.model, true) as never);
      expect(result.input_tokens > 0, `input_tokens is ${preview(result.input_tokens)}`, { expected: 'an integer > 0', actual: preview(result.input_tokens) });
    },
  }),
];
