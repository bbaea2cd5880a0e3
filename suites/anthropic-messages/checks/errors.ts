import Anthropic from '@anthropic-ai/sdk';
import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { rawExchange } from '../../harness/http.ts';
import { describeReply, expectRequestIdHeader } from '../../harness/replies.ts';
import { expectSdkError } from '../../harness/sdk-error.ts';
import { anthropicClient, anthropicHeaders } from '../client.ts';
import { badRequest, expectErrorReply, missingMaxTokens, noVersion, postMessages, sdkMessage } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { UNKNOWN_MODEL } from '../../harness/prompts.ts';

const ERRORS_DOCS = 'https://docs.claude.com/en/api/errors';
const protocol = 'anthropic-messages';

/** Error envelopes, statuses and the SDK's typed error classes. */
export const errorsChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/errors/bad-request-envelope',
    protocol,
    level: 'must',
    description: 'An invalid body (no max_tokens) answers 400 {type:"error", error:{type:"invalid_request_error", message}} as JSON.',
    spec: ERRORS_DOCS,
    // The SDK's error classes and APIError.type, and the AI SDK's error message (zod-parsed), come from
    // {type: "error", error: {type, message}} and a 4xx status.
    clients: ['anthropic-sdk', 'vercel-ai-sdk'],
    tags: ['errors'],
    async run(ctx) {
      await ctx.use(badRequest);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/names-field',
    protocol,
    level: 'should',
    description: 'The 400 message names the offending field (max_tokens).',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      const exchange = await ctx.use(badRequest);
      const message = (exchange.json as { error?: { message?: unknown } } | undefined)?.error?.message;
      expect(String(message ?? '').includes('max_tokens'), `the message does not name max_tokens: ${preview(message)}`, { expected: 'a message naming max_tokens', actual: preview(message) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/sdk-bad-request',
    protocol,
    level: 'must',
    description: 'The SDK raises BadRequestError (status 400, type invalid_request_error) for an invalid body.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript#handling-errors',
    clients: ['anthropic-sdk'],
    tags: ['errors', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkMessage);
      const error = await expectSdkError(
        () => anthropicClient(ctx.target).messages.create(missingMaxTokens(ctx.target.model) as never),
        Anthropic.BadRequestError,
        400,
        'messages.create()',
      );
      expect(error.type === 'invalid_request_error', `BadRequestError.type is ${preview(error.type)}`, { expected: '"invalid_request_error"', actual: preview(error.type) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/stream-bad-request',
    protocol,
    level: 'must',
    description: 'An invalid streaming request answers the 400 JSON envelope, not a 200 stream; the SDK stream helper throws BadRequestError.',
    spec: 'https://github.com/BerriAI/litellm/issues/9035',
    // A 200 stream with an error event reaches the SDK caller as a generic APIError mid-stream, not a
    // BadRequestError.
    clients: ['anthropic-sdk'],
    tags: ['errors', 'streaming'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMessages(ctx.target, { ...missingMaxTokens(ctx.target.model), stream: true }), 400, 'invalid_request_error', 'an invalid streaming request');
      await ctx.use(sdkMessage);
      await expectSdkError(
        () => anthropicClient(ctx.target).messages.stream(missingMaxTokens(ctx.target.model) as never).finalMessage(),
        Anthropic.BadRequestError,
        400,
        'messages.stream()',
      );
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/missing-api-key',
    protocol,
    level: 'must',
    description: 'A request without credentials answers 401 authentication_error in the Anthropic envelope.',
    spec: ERRORS_DOCS,
    tags: ['errors', 'auth'],
    async run(ctx) {
      const exchange = await rawExchange(ctx.target, { path: '/v1/messages', headers: anthropicHeaders(ctx.target, 'none'), body: basicBody(ctx.target.model) });
      await expectErrorReply(ctx.use, exchange, 401, 'authentication_error', 'a request without credentials');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/sdk-authentication-error',
    protocol,
    level: 'must',
    description: 'The SDK raises AuthenticationError (401) when the request carries no credentials.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript#handling-errors',
    clients: ['anthropic-sdk'],
    tags: ['errors', 'auth', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkMessage);
      const client = new Anthropic({
        apiKey: null,
        authToken: null,
        baseURL: ctx.target.baseUrl,
        maxRetries: 0,
        timeout: ctx.target.timeoutMs,
        fetch: ctx.target.fetch,
        // Explicitly no Authorization header: the SDK then sends the request unauthenticated.
        defaultHeaders: { authorization: null },
      });
      await expectSdkError(() => client.messages.create(basicBody(ctx.target.model) as never), Anthropic.AuthenticationError, 401, 'messages.create()');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/unknown-model',
    protocol,
    level: 'must',
    description: 'An unknown model answers 404 not_found_error; the SDK raises NotFoundError.',
    spec: ERRORS_DOCS,
    clients: ['anthropic-sdk'],
    tags: ['errors', 'models'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMessages(ctx.target, basicBody(UNKNOWN_MODEL)), 404, 'not_found_error', 'an unknown model');
      await ctx.use(sdkMessage);
      await expectSdkError(() => anthropicClient(ctx.target).messages.create(basicBody(UNKNOWN_MODEL) as never), Anthropic.NotFoundError, 404, 'messages.create()');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/missing-version-handled',
    protocol,
    level: 'must',
    description: 'Without anthropic-version the answer is a 400 invalid_request_error envelope (strict) or a Message (lenient): never a 5xx.',
    spec: 'https://github.com/envoyproxy/ai-gateway/issues/1909',
    tags: ['errors', 'versioning'],
    async run(ctx) {
      await ctx.use(noVersion);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/missing-version-rejected',
    protocol,
    level: 'should',
    description: 'Without anthropic-version the request is rejected with 400, as the API does.',
    spec: 'https://docs.claude.com/en/api/versioning',
    tags: ['errors', 'versioning'],
    async run(ctx) {
      const exchange = await ctx.use(noVersion);
      expect(exchange.status === 400, `answered ${describeReply(exchange)}, expected 400`, { expected: 'HTTP 400 invalid_request_error', actual: describeReply(exchange), exchange: exchange.record });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/invalid-json',
    protocol,
    level: 'must',
    description: 'A malformed JSON body answers 400 invalid_request_error in the Anthropic envelope, not a 500 or HTML.',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMessages(ctx.target, '{"model": "x", "messages": ['), 400, 'invalid_request_error', 'a malformed JSON body');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/unknown-field',
    protocol,
    level: 'should',
    description: 'An unknown top-level field is rejected with 400 invalid_request_error, as the API does.',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postMessages(ctx.target, { ...basicBody(ctx.target.model), llm_conformance_unknown: true }), 400, 'invalid_request_error', 'a body with an unknown field');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/request-id',
    protocol,
    level: 'should',
    description: 'Error replies carry the request-id header and request_id in the body.',
    spec: 'https://docs.claude.com/en/api/errors#request-id',
    tags: ['errors', 'headers'],
    async run(ctx) {
      const exchange = await ctx.use(badRequest);
      const on = { exchange: exchange.record };
      expectRequestIdHeader(exchange, 'request-id', 'the error reply has no request-id header');
      const bodyId = (exchange.json as { request_id?: unknown } | undefined)?.request_id;
      expect(typeof bodyId === 'string' && bodyId.length > 0, `request_id in the body is ${preview(bodyId)}`, { ...on, expected: 'a request_id string', actual: preview(bodyId) });
    },
  }),
];
