import { type Check, defineCheck } from '../../harness/check.ts';
import { expect } from '../../harness/assert.ts';
import { errorSummary, postMessages } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { basicExchange } from './basic.ts';

const protocol = 'anthropic-messages';

/** Both credential styles real Anthropic clients send. */
export const authChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/auth/x-api-key',
    protocol,
    level: 'must',
    description: 'x-api-key alone authenticates (older SDKs, the Vercel AI SDK and LangChain send it).',
    spec: 'https://github.com/ollama/ollama/issues/16922',
    async run(ctx) {
      const exchange = await basicExchange(ctx);
      expect(exchange.status === 200, `x-api-key was not accepted: ${errorSummary(exchange)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/auth/bearer',
    protocol,
    level: 'must',
    description: 'Authorization: Bearer alone authenticates (the official SDK ≥ 1.0 and Claude Code with ANTHROPIC_AUTH_TOKEN send it).',
    spec: 'https://github.com/QwenLM/qwen-code/issues/4323',
    async run(ctx) {
      const exchange = await postMessages(ctx, 'auth:bearer', basicBody(ctx.target.model), { auth: 'bearer' });
      expect(exchange.status === 200, `Bearer was not accepted: ${errorSummary(exchange)}`);
    },
  }),
];
