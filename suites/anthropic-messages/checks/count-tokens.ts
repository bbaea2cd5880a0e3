import { ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { anthropicClient } from '../client.ts';
import { okJson, postMessages } from '../exchanges.ts';
import { basicBody, countBody } from '../requests.ts';
import { basicExchange } from './basic.ts';

const COUNT_DOCS = 'https://docs.claude.com/en/api/messages-count-tokens';
const protocol = 'anthropic-messages';
const PATH = '/v1/messages/count_tokens';

async function count(ctx: CheckContext, key: string, body: unknown): Promise<number> {
  const json = okJson(await postMessages(ctx, `count:${key}`, body, { path: PATH }), `POST ${PATH}`);
  const value = json.input_tokens;
  expect(typeof value === 'number' && Number.isInteger(value), `input_tokens is ${preview(value)}`);
  return value;
}

/** POST /v1/messages/count_tokens: present, honest (never a fake 0), consistent with usage. */
export const countTokensChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/count-tokens/basic',
    protocol,
    level: 'must',
    description: 'count_tokens answers {input_tokens: integer > 0} for a request without max_tokens.',
    spec: 'https://github.com/Wei-Shaw/sub2api/issues/657',
    async run(ctx) {
      const json = okJson(await postMessages(ctx, 'count:plain', countBody(ctx.target.model, false), { path: PATH }), `POST ${PATH}`);
      expectSchema(ANTHROPIC_SCHEMA_IDS.countTokensResponse, json, 'the count_tokens reply');
      expect((json.input_tokens as number) > 0, `input_tokens is ${preview(json.input_tokens)}: a 0 disables client auto-compaction`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/count-tokens/counts-context',
    protocol,
    level: 'must',
    description: 'A system prompt and tools add to the count: count(system + tools + messages) > count(messages).',
    spec: 'https://github.com/router-for-me/CLIProxyAPI/issues/679',
    async run(ctx) {
      const plain = await count(ctx, 'plain', countBody(ctx.target.model, false));
      const full = await count(ctx, 'context', countBody(ctx.target.model, true));
      expect(full > plain, `with system and tools: ${full}; messages alone: ${plain}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/count-tokens/matches-usage',
    protocol,
    level: 'should',
    description: 'count_tokens for a request equals usage.input_tokens of the same request.',
    spec: COUNT_DOCS,
    async run(ctx) {
      const { max_tokens: _unused, ...body } = basicBody(ctx.target.model);
      const counted = await count(ctx, 'basic', body);
      const billed = (okJson(await basicExchange(ctx), 'POST /v1/messages').usage as { input_tokens?: unknown } | undefined)?.input_tokens;
      expect(counted === billed, `count_tokens says ${counted}, usage.input_tokens says ${preview(billed)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/count-tokens/sdk',
    protocol,
    level: 'must',
    description: 'messages.countTokens() in the official SDK returns input_tokens > 0.',
    spec: COUNT_DOCS,
    async run(ctx) {
      const result = await anthropicClient(ctx.target).messages.countTokens(countBody(ctx.target.model, true) as never);
      expect(result.input_tokens > 0, `input_tokens is ${preview(result.input_tokens)}`);
    },
  }),
];
