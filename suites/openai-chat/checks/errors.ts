import OpenAI from 'openai';
import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { jsonObject, rawExchange } from '../../harness/http.ts';
import { CHAT_PATH, openaiClient, openaiHeaders, postChat } from '../client.ts';
import { badRequest, expectErrorReply, missingMessages, sdkCompletion } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { expectSdkError } from '../../harness/sdk-error.ts';
import { UNKNOWN_MODEL } from '../../harness/prompts.ts';

const ERRORS_DOCS = 'https://platform.openai.com/docs/guides/error-codes';
const SDK_ERRORS = 'https://github.com/openai/openai-node#handling-errors';
const protocol = 'openai-chat';

/** Error envelopes, statuses and the SDK's typed error classes. */
export const errorsChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/errors/bad-request-envelope',
    protocol,
    level: 'must',
    description: 'An invalid body (no messages) answers 400 {error: {message, type, param, code}} as JSON.',
    spec: 'https://github.com/theopenco/llmgateway/issues/2532',
    tags: ['errors'],
    async run(ctx) {
      await ctx.use(badRequest);
    },
  }),
  defineCheck({
    id: 'openai-chat/errors/names-param',
    protocol,
    level: 'should',
    description: 'The 400 names the offending parameter: error.param is "messages" (or the message names it).',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      const exchange = await ctx.use(badRequest);
      const error = jsonObject(jsonObject(exchange.json)?.error) ?? {};
      expect(error.param === 'messages' || String(error.message ?? '').includes('messages'), `the error names neither param nor message "messages": ${preview(error, 200)}`, {
        expected: 'param "messages", or a message naming it',
        actual: preview(error, 200),
      });
    },
  }),
  defineCheck({
    id: 'openai-chat/errors/sdk-bad-request',
    protocol,
    level: 'must',
    description: 'The SDK raises BadRequestError (status 400) for an invalid body.',
    spec: SDK_ERRORS,
    clients: ['openai-sdk'],
    tags: ['errors', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkCompletion);
      await expectSdkError(() => openaiClient(ctx.target).chat.completions.create(missingMessages(ctx.target.model) as never), OpenAI.BadRequestError, 400, 'chat.completions.create()');
    },
  }),
  defineCheck({
    id: 'openai-chat/errors/stream-bad-request',
    protocol,
    level: 'must',
    description: 'An invalid streaming request answers the 400 JSON envelope, not a 200 stream; the SDK stream helper throws BadRequestError.',
    spec: 'https://github.com/BerriAI/litellm/issues/9035',
    clients: ['openai-sdk'],
    tags: ['errors', 'streaming'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postChat(ctx.target, { ...missingMessages(ctx.target.model), stream: true }), 400, 'an invalid streaming request');
      await ctx.use(sdkCompletion);
      // The SDK's stream helper reads params.messages itself, so its invalid body is an empty list instead.
      await expectSdkError(
        () => openaiClient(ctx.target).chat.completions.stream({ ...basicBody(ctx.target.model), messages: [] } as never).finalChatCompletion(),
        OpenAI.BadRequestError,
        400,
        'chat.completions.stream()',
      );
    },
  }),
  defineCheck({
    id: 'openai-chat/errors/missing-api-key',
    protocol,
    level: 'must',
    description: 'A request without credentials answers 401 in the OpenAI envelope.',
    spec: ERRORS_DOCS,
    tags: ['errors', 'auth'],
    async run(ctx) {
      const exchange = await rawExchange(ctx.target, { path: CHAT_PATH, headers: openaiHeaders(ctx.target, false), body: basicBody(ctx.target.model) });
      await expectErrorReply(ctx.use, exchange, 401, 'a request without credentials');
    },
  }),
  defineCheck({
    id: 'openai-chat/errors/sdk-authentication-error',
    protocol,
    level: 'must',
    description: 'The SDK raises AuthenticationError (401) when the request carries no credentials.',
    spec: SDK_ERRORS,
    clients: ['openai-sdk'],
    tags: ['errors', 'auth', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkCompletion);
      // Explicitly no Authorization header: the SDK then sends the request unauthenticated.
      const client = openaiClient(ctx.target, { defaultHeaders: { authorization: null } });
      await expectSdkError(() => client.chat.completions.create(basicBody(ctx.target.model) as never), OpenAI.AuthenticationError, 401, 'chat.completions.create()');
    },
  }),
  defineCheck({
    id: 'openai-chat/errors/unknown-model',
    protocol,
    level: 'must',
    description: 'An unknown model answers 404 with error.code "model_not_found"; the SDK raises NotFoundError.',
    spec: ERRORS_DOCS,
    clients: ['openai-sdk'],
    tags: ['errors', 'models'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postChat(ctx.target, basicBody(UNKNOWN_MODEL)), 404, 'an unknown model', 'model_not_found');
      await ctx.use(sdkCompletion);
      await expectSdkError(() => openaiClient(ctx.target).chat.completions.create(basicBody(UNKNOWN_MODEL) as never), OpenAI.NotFoundError, 404, 'chat.completions.create()');
    },
  }),
  defineCheck({
    id: 'openai-chat/errors/invalid-json',
    protocol,
    level: 'must',
    description: 'A malformed JSON body answers 400 in the OpenAI envelope, not a 500 or an HTML page.',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postChat(ctx.target, '{"model": "x", "messages": ['), 400, 'a malformed JSON body');
    },
  }),
];
