import { ApiError } from '@google/genai';
import { expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { jsonObject } from '../../harness/http.ts';
import { geminiClient, postMethod } from '../client.ts';
import { googleError, oneError } from '../envelope.ts';
import { badRequest, expectErrorReply } from '../error-exchanges.ts';
import { sdkGenerate } from '../exchanges.ts';
import { basicBody, invalidBody, UNKNOWN_MODEL } from '../requests.ts';

const ERRORS_DOCS = 'https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes';
const protocol = 'gemini';

/** `google.rpc` status name of an ApiError's message (the SDK puts the error body in it, as JSON). */
function rpcOf(error: ApiError): unknown {
  try {
    return jsonObject(jsonObject(JSON.parse(error.message))?.error)?.status;
  } catch {
    return undefined;
  }
}

/** Runs `call`, which must throw the SDK's ApiError with `status`; returns it. */
async function expectApiError(call: () => Promise<unknown>, status: number, rpc: string, what: string): Promise<void> {
  let error: unknown;
  try {
    await call();
  } catch (thrown) {
    error = thrown;
  }
  if (error === undefined) fail(`${what}: the SDK call succeeded, expected ApiError ${status}`, { expected: `ApiError (status ${status})`, actual: 'success' });
  if (!(error instanceof ApiError) || error.status !== status) {
    const got = error instanceof Error ? `${error.name} (${preview((error as { status?: unknown }).status)}: ${preview(error.message, 120)})` : preview(error);
    fail(`${what}: the SDK threw ${got}, expected ApiError ${status}`, { expected: `ApiError (status ${status})`, actual: got });
  }
  const found = rpcOf(error);
  expect(found === rpc, `${what}: the ApiError's body says status ${preview(found)}, expected ${preview(rpc)}`, { expected: rpc, actual: preview(error.message, 200) });
}

/** Google's error envelope on every error, and the SDK's ApiError with the right status. */
export const errorsChecks: Check[] = [
  defineCheck({
    id: 'gemini/errors/bad-request-envelope',
    protocol,
    level: 'must',
    description: 'An invalid request (a content without parts) answers 400 {error: {code: 400, message, status: "INVALID_ARGUMENT"}} as JSON.',
    spec: 'https://github.com/fishjar/kiss-translator/issues/256',
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['errors'],
    async run(ctx) {
      await ctx.use(badRequest);
    },
  }),
  defineCheck({
    id: 'gemini/errors/names-field',
    protocol,
    level: 'should',
    description: 'The 400 message names the offending field (parts).',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      const message = googleError(await ctx.use(badRequest))?.message;
      expect(/parts/i.test(String(message ?? '')), `the message does not name the field: ${preview(message)}`, { expected: 'a message naming contents.parts', actual: preview(message) });
    },
  }),
  defineCheck({
    id: 'gemini/errors/unknown-model',
    protocol,
    level: 'must',
    description: "A :generateContent for an unknown model answers 404 NOT_FOUND in Google's envelope.",
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMethod(ctx.target, 'generateContent', basicBody(), { model: UNKNOWN_MODEL }), oneError(404, 'NOT_FOUND'), 'an unknown model');
    },
  }),
  defineCheck({
    id: 'gemini/errors/sdk-api-error',
    protocol,
    level: 'must',
    description: 'In @google/genai, an invalid request raises ApiError status 400 (INVALID_ARGUMENT) and an unknown model ApiError status 404 (NOT_FOUND).',
    spec: 'https://github.com/googleapis/js-genai#error-handling',
    clients: ['google-genai'],
    tags: ['errors', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkGenerate);
      await ctx.use(badRequest);
      const models = geminiClient(ctx.target).models;
      await expectApiError(() => models.generateContent({ model: ctx.target.model, contents: invalidBody().contents as never }), 400, 'INVALID_ARGUMENT', 'an invalid request');
      await expectApiError(() => models.generateContent({ model: UNKNOWN_MODEL, contents: 'Hi' }), 404, 'NOT_FOUND', 'an unknown model');
    },
  }),
  defineCheck({
    id: 'gemini/errors/stream-bad-request',
    protocol,
    level: 'must',
    description: 'An invalid streaming request answers the 400 JSON envelope, not a 200 stream; generateContentStream() in the SDK raises ApiError 400.',
    spec: 'https://github.com/BerriAI/litellm/issues/9035',
    clients: ['google-genai'],
    tags: ['errors', 'streaming'],
    async run(ctx) {
      const exchange = await postMethod(ctx.target, 'streamGenerateContent', invalidBody(), { query: { alt: 'sse' } });
      await expectErrorReply(ctx.use, exchange, oneError(400, 'INVALID_ARGUMENT'), 'an invalid streaming request');
      await ctx.use(sdkGenerate);
      await expectApiError(
        async () => {
          const chunks = [];
          for await (const chunk of await geminiClient(ctx.target).models.generateContentStream({ model: ctx.target.model, contents: invalidBody().contents as never })) chunks.push(chunk);
          return chunks;
        },
        400,
        'INVALID_ARGUMENT',
        'an invalid streaming request',
      );
    },
  }),
  defineCheck({
    id: 'gemini/errors/invalid-json',
    protocol,
    level: 'must',
    description: "A malformed JSON body answers 400 INVALID_ARGUMENT in Google's envelope, not a 500 or an HTML page.",
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMethod(ctx.target, 'generateContent', '{"contents": [{"parts": [{"text": "Hi"}'), oneError(400, 'INVALID_ARGUMENT'), 'a malformed JSON body');
    },
  }),
  defineCheck({
    id: 'gemini/errors/unknown-field',
    protocol,
    level: 'should',
    description: 'An unknown field is rejected with 400 INVALID_ARGUMENT ("Unknown name … Cannot find field"), as the API does.',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMethod(ctx.target, 'generateContent', { ...basicBody(), llmConformanceUnknown: true }), oneError(400, 'INVALID_ARGUMENT'), 'a body with an unknown field');
    },
  }),
];
