import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { type GeminiAuth, postMethod } from '../client.ts';
import { expectErrorReply } from '../error-exchanges.ts';
import { basicBody } from '../requests.ts';

const AUTH_DOCS = 'https://ai.google.dev/api#authentication';
const protocol = 'gemini';

/**
 * What Google answers without a key: 403 PERMISSION_DENIED ("Method doesn't allow unregistered
 * callers"). A gateway may answer 401 UNAUTHENTICATED, or 400 INVALID_ARGUMENT as Google does for
 * a key that is not valid; all three are in the Google envelope.
 */
const NO_KEY = { statuses: { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED' } };

/** The basic request with one credential form only. */
async function expectAccepted(ctx: CheckContext, auth: Exclude<GeminiAuth, 'none'>, what: string): Promise<void> {
  okJson(await postMethod(ctx.target, 'generateContent', basicBody(), { auth }), what);
}

/** Both credential forms real Gemini clients send, each on its own request, and none. */
export const authChecks: Check[] = [
  defineCheck({
    id: 'gemini/auth/header-key',
    protocol,
    level: 'must',
    description: 'The key in x-goog-api-key alone authenticates (@google/genai, the AI SDK and LangChain always send it).',
    spec: 'https://github.com/QuantumNous/new-api/issues/1147',
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['auth'],
    run: (ctx) => expectAccepted(ctx, 'header-key', 'a request with x-goog-api-key only'),
  }),
  defineCheck({
    id: 'gemini/auth/query-key',
    protocol,
    level: 'must',
    description: 'The key in ?key= alone authenticates (the REST reference and curl examples, older clients).',
    spec: 'https://github.com/tbphp/gpt-load/issues/217',
    tags: ['auth'],
    run: (ctx) => expectAccepted(ctx, 'query-key', 'a request with ?key= only'),
  }),
  defineCheck({
    id: 'gemini/auth/missing-key',
    protocol,
    level: 'must',
    description: "A request without a key answers 403 PERMISSION_DENIED (or 401/400) in Google's error envelope.",
    spec: AUTH_DOCS,
    clients: ['google-genai'],
    tags: ['auth', 'errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMethod(ctx.target, 'generateContent', basicBody(), { auth: 'none' }), NO_KEY, 'a request without a key');
    },
  }),
];
