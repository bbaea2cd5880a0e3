import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { countBody } from '../capability-exchanges.ts';
import { openaiClient } from '../client.ts';
import { basicReply, plainCount, sdkResponse } from '../exchanges.ts';

const INPUT_TOKENS_DOCS = 'https://platform.openai.com/docs/api-reference/responses/input-tokens';
const protocol = 'openai-responses';

/**
 * POST /v1/responses/input_tokens, an optional endpoint: skipped when the target does not serve
 * it; once it does, it must count honestly and agree with usage.
 */
export const inputTokensChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/input-tokens/count',
    protocol,
    level: 'must',
    description: 'POST /v1/responses/input_tokens answers {object: "response.input_tokens", input_tokens > 0}, also through responses.inputTokens.count() (skipped when the endpoint is absent).',
    spec: INPUT_TOKENS_DOCS,
    clients: ['openai-sdk'],
    tags: ['usage'],
    async run(ctx) {
      await ctx.use(plainCount);
      await ctx.use(sdkResponse);
      const { input_tokens: counted } = await openaiClient(ctx.target).responses.inputTokens.count(countBody(ctx.target) as never);
      expect(counted > 0, `responses.inputTokens.count() says ${preview(counted)}`, { expected: 'an integer > 0', actual: preview(counted) });
    },
  }),
  defineCheck({
    id: 'openai-responses/input-tokens/matches-usage',
    protocol,
    level: 'should',
    description: 'The input-token count of a request equals usage.input_tokens of the same request.',
    spec: INPUT_TOKENS_DOCS,
    tags: ['usage'],
    async run(ctx) {
      const counted = await ctx.use(plainCount);
      const billed = ((await ctx.use(basicReply)).response.usage as { input_tokens?: unknown } | undefined)?.input_tokens;
      expect(counted === billed, `input_tokens counts ${counted}, usage.input_tokens says ${preview(billed)}`, { expected: preview(billed), actual: String(counted) });
    },
  }),
];
