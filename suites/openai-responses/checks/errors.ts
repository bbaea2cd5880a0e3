import OpenAI from 'openai';
import { type Check, defineCheck } from '../../harness/check.ts';
import { rawExchange } from '../../harness/http.ts';
import { expectSdkError } from '../../harness/sdk-error.ts';
import { notFoundErrorClass, openaiClient, RESPONSES_PATH, openaiHeaders, unauthenticatedClient } from '../client.ts';
import { notFoundStatus } from '../envelope.ts';
import { badRequest, expectErrorReply, invalidInputBody, postResponses, sdkResponse } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { UNKNOWN_MODEL } from '../../harness/prompts.ts';

const ERRORS_DOCS = 'https://platform.openai.com/docs/guides/error-codes';
const SDK_ERRORS = 'https://github.com/openai/openai-node#handling-errors';
const protocol = 'openai-responses';

/** Error envelopes, statuses and the SDK's typed error classes. */
export const errorsChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/errors/bad-request-envelope',
    protocol,
    level: 'must',
    description: 'An invalid body (a number as input) answers 400 {error:{message, type, param, code}} as JSON.',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await ctx.use(badRequest);
    },
  }),
  defineCheck({
    id: 'openai-responses/errors/sdk-bad-request',
    protocol,
    level: 'must',
    description: 'The SDK raises BadRequestError (status 400) for an invalid body.',
    spec: SDK_ERRORS,
    clients: ['openai-sdk'],
    tags: ['errors', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkResponse);
      await expectSdkError(() => openaiClient(ctx.target).responses.create(invalidInputBody(ctx.target) as never), OpenAI.BadRequestError, 400, 'responses.create()');
    },
  }),
  defineCheck({
    id: 'openai-responses/errors/stream-bad-request',
    protocol,
    level: 'must',
    description: 'An invalid streaming request answers the 400 JSON envelope, not a 200 stream with an error event; the SDK stream helper raises BadRequestError.',
    spec: 'https://github.com/BerriAI/litellm/issues/9035',
    clients: ['openai-sdk'],
    tags: ['errors', 'streaming'],
    async run(ctx) {
      const body = { ...invalidInputBody(ctx.target), stream: true };
      await expectErrorReply(ctx.use, await postResponses(ctx.target, body), 400, 'an invalid streaming request');
      await ctx.use(sdkResponse);
      await expectSdkError(() => openaiClient(ctx.target).responses.stream(invalidInputBody(ctx.target) as never).finalResponse(), OpenAI.BadRequestError, 400, 'responses.stream()');
    },
  }),
  defineCheck({
    id: 'openai-responses/errors/missing-api-key',
    protocol,
    level: 'must',
    description: 'A request without credentials answers 401 in the OpenAI envelope; the SDK raises AuthenticationError.',
    spec: 'https://platform.openai.com/docs/api-reference/authentication',
    clients: ['openai-sdk'],
    tags: ['errors', 'auth'],
    async run(ctx) {
      const exchange = await rawExchange(ctx.target, { path: RESPONSES_PATH, headers: openaiHeaders(ctx.target, false), body: basicBody(ctx.target) });
      await expectErrorReply(ctx.use, exchange, 401, 'a request without credentials');
      await ctx.use(sdkResponse);
      await expectSdkError(() => unauthenticatedClient(ctx.target).responses.create(basicBody(ctx.target) as never), OpenAI.AuthenticationError, 401, 'responses.create()');
    },
  }),
  defineCheck({
    id: 'openai-responses/errors/unknown-model',
    protocol,
    level: 'must',
    description: 'An unknown model answers 404 (or 400, as the Responses API does) in the OpenAI envelope, never a 5xx or a reply from another model; the SDK raises the matching class.',
    spec: 'https://github.com/icebear0828/codex-proxy/pull/749',
    clients: ['openai-sdk'],
    tags: ['errors', 'models'],
    async run(ctx) {
      const body = { ...basicBody(ctx.target), model: UNKNOWN_MODEL };
      const exchange = await postResponses(ctx.target, body);
      const status = notFoundStatus(exchange, 'an unknown model');
      await expectErrorReply(ctx.use, exchange, status, 'an unknown model');
      await ctx.use(sdkResponse);
      await expectSdkError(() => openaiClient(ctx.target).responses.create(body as never), notFoundErrorClass(status), status, 'responses.create()');
    },
  }),
  defineCheck({
    id: 'openai-responses/errors/invalid-json',
    protocol,
    level: 'must',
    description: 'A malformed JSON body answers 400 in the OpenAI envelope, not a 500 or an HTML page.',
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postResponses(ctx.target, '{"model": "x", "input": ['), 400, 'a malformed JSON body');
    },
  }),
  defineCheck({
    id: 'openai-responses/errors/unknown-parameter',
    protocol,
    level: 'should',
    description: "An unknown top-level parameter is rejected with 400 (\"Unknown parameter: '…'\"), as the API does.",
    spec: ERRORS_DOCS,
    tags: ['errors'],
    async run(ctx) {
      await expectErrorReply(ctx.use, await postResponses(ctx.target, { ...basicBody(ctx.target), llm_conformance_unknown: true }), 400, 'a body with an unknown parameter');
    },
  }),
];
