import { type Check, defineCheck } from '../../harness/check.ts';
import { rawExchange } from '../../harness/http.ts';
import { okJson } from '../../harness/replies.ts';
import { type AuthStyle, anthropicHeaders } from '../client.ts';
import { basicBody } from '../requests.ts';

const protocol = 'anthropic-messages';

/** The basic request with one credential style only. */
async function expectAccepted(ctx: Parameters<Check['run']>[0], auth: Exclude<AuthStyle, 'none'>, what: string): Promise<void> {
  const exchange = await rawExchange(ctx.target, { path: '/v1/messages', headers: anthropicHeaders(ctx.target, auth), body: basicBody(ctx.target.model) });
  okJson(exchange, what);
}

/** Both credential styles real Anthropic clients send, each on its own request. */
export const authChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/auth/x-api-key',
    protocol,
    level: 'must',
    description: 'x-api-key alone authenticates (older SDKs, the Vercel AI SDK, LangChain and Claude Code with ANTHROPIC_API_KEY send it).',
    spec: 'https://github.com/ollama/ollama/issues/16922',
    // Captured (fixtures/captures/): Claude Code with ANTHROPIC_API_KEY, the AI SDK and LangChain send
    // x-api-key only.
    clients: ['claude-code', 'vercel-ai-sdk', 'langchain'],
    tags: ['auth'],
    run: (ctx) => expectAccepted(ctx, 'x-api-key', 'a request with x-api-key only'),
  }),
  defineCheck({
    id: 'anthropic-messages/auth/bearer',
    protocol,
    level: 'must',
    description: 'Authorization: Bearer alone authenticates (the official SDK ≥ 1.0 and Claude Code with ANTHROPIC_AUTH_TOKEN send it).',
    spec: 'https://github.com/QwenLM/qwen-code/issues/4323',
    // Captured: the SDK 1.x sends Bearer only. Claude Code does with ANTHROPIC_AUTH_TOKEN (the issue above).
    clients: ['anthropic-sdk', 'claude-code'],
    tags: ['auth'],
    run: (ctx) => expectAccepted(ctx, 'bearer', 'a request with Authorization: Bearer only'),
  }),
];
