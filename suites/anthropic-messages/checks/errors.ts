import Anthropic from '@anthropic-ai/sdk';
import { ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, fail, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { mediaType, type RawExchange, rawExchange } from '../../harness/http.ts';
import { anthropicClient, anthropicHeaders } from '../client.ts';
import { errorSummary, errorType, postMessages } from '../exchanges.ts';
import { basicBody } from '../requests.ts';

const ERRORS_DOCS = 'https://docs.claude.com/en/api/errors';
const protocol = 'anthropic-messages';
const UNKNOWN_MODEL = 'llm-conformance-no-such-model';

/** A request body without the required max_tokens. */
function missingMaxTokens(model: string) {
  const { max_tokens: _omitted, ...body } = basicBody(model);
  return body;
}

/** Fails unless the exchange is `status` with an Anthropic error envelope of `type`, served as JSON. */
function expectEnvelope(exchange: RawExchange, status: number, type: string): void {
  expect(exchange.status === status, `answered ${errorSummary(exchange)}, expected ${status} ${type}`);
  expect(mediaType(exchange.headers) === 'application/json', `the error is served as ${preview(exchange.headers.get('content-type'))}, not application/json`);
  expectSchema(ANTHROPIC_SCHEMA_IDS.errorResponse, exchange.json, 'the error body');
  const actual = errorType(exchange);
  expect(actual === type, `error.type is ${preview(actual)}, expected ${preview(type)}`);
}

/** An SDK error class (BadRequestError, AuthenticationError, …). */
type SdkErrorClass = abstract new (...args: never[]) => InstanceType<typeof Anthropic.APIError>;

/** Runs `call`, which must throw the SDK error class `Class` with `status`. */
async function expectSdkError(call: () => Promise<unknown>, Class: SdkErrorClass, status: number, what: string): Promise<InstanceType<typeof Anthropic.APIError>> {
  try {
    await call();
  } catch (error) {
    if (error instanceof Class && error.status === status) return error;
    const name = error instanceof Error ? error.name : typeof error;
    fail(`${what}: the SDK threw ${name} (${preview((error as { status?: unknown }).status)}: ${preview((error as Error).message, 120)}), expected ${Class.name} ${status}`);
  }
  fail(`${what}: the SDK call succeeded, expected ${Class.name}`);
}

const badRequest = (ctx: CheckContext) => postMessages(ctx, 'error:missing-max-tokens', missingMaxTokens(ctx.target.model));
const noAuth = (ctx: CheckContext) => postMessages(ctx, 'error:no-auth', basicBody(ctx.target.model), { auth: 'none' });
const unknownModel = (ctx: CheckContext) => postMessages(ctx, 'error:unknown-model', basicBody(UNKNOWN_MODEL));
const noVersion = (ctx: CheckContext) =>
  ctx.memo('anthropic:error:no-version', () =>
    rawExchange(ctx.target, { path: '/v1/messages', headers: anthropicHeaders(ctx.target, 'x-api-key', null), body: basicBody(ctx.target.model) }),
  );

/** Error envelopes, statuses and the SDK's typed error classes. */
export const errorChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/errors/bad-request-envelope',
    protocol,
    level: 'must',
    description: 'An invalid body (no max_tokens) answers 400 {type:"error", error:{type:"invalid_request_error", message}} as JSON.',
    spec: ERRORS_DOCS,
    async run(ctx) {
      expectEnvelope(await badRequest(ctx), 400, 'invalid_request_error');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/names-field',
    protocol,
    level: 'should',
    description: 'The 400 message names the offending field (max_tokens).',
    spec: ERRORS_DOCS,
    async run(ctx) {
      const message = (await badRequest(ctx)).json as { error?: { message?: unknown } } | undefined;
      expect(String(message?.error?.message ?? '').includes('max_tokens'), `the message does not name max_tokens: ${preview(message?.error?.message)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/sdk-bad-request',
    protocol,
    level: 'must',
    description: 'The SDK raises BadRequestError (status 400, type invalid_request_error) for an invalid body.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript#handling-errors',
    async run(ctx) {
      const error = await expectSdkError(
        () => anthropicClient(ctx.target).messages.create(missingMaxTokens(ctx.target.model) as never),
        Anthropic.BadRequestError,
        400,
        'messages.create()',
      );
      expect(error.type === 'invalid_request_error', `BadRequestError.type is ${preview(error.type)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/stream-bad-request',
    protocol,
    level: 'must',
    description: 'An invalid streaming request answers the 400 JSON envelope, not a 200 stream; the SDK stream helper throws BadRequestError.',
    spec: 'https://github.com/BerriAI/litellm/issues/9035',
    async run(ctx) {
      const exchange = await postMessages(ctx, 'error:stream-missing-max-tokens', { ...missingMaxTokens(ctx.target.model), stream: true });
      expectEnvelope(exchange, 400, 'invalid_request_error');
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
    async run(ctx) {
      expectEnvelope(await noAuth(ctx), 401, 'authentication_error');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/sdk-authentication-error',
    protocol,
    level: 'must',
    description: 'The SDK raises AuthenticationError (401) when the request carries no credentials.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript#handling-errors',
    async run(ctx) {
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
    async run(ctx) {
      expectEnvelope(await unknownModel(ctx), 404, 'not_found_error');
      await expectSdkError(() => anthropicClient(ctx.target).messages.create(basicBody(UNKNOWN_MODEL) as never), Anthropic.NotFoundError, 404, 'messages.create()');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/missing-version-handled',
    protocol,
    level: 'must',
    description: 'Without anthropic-version the answer is a 400 invalid_request_error envelope (strict) or a 200 (lenient): never a 5xx.',
    spec: 'https://github.com/envoyproxy/ai-gateway/issues/1909',
    async run(ctx) {
      const exchange = await noVersion(ctx);
      if (exchange.status === 200) return;
      expectEnvelope(exchange, 400, 'invalid_request_error');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/missing-version-rejected',
    protocol,
    level: 'should',
    description: 'Without anthropic-version the request is rejected with 400, as the API does.',
    spec: 'https://docs.claude.com/en/api/versioning',
    async run(ctx) {
      const exchange = await noVersion(ctx);
      expect(exchange.status === 400, `answered ${errorSummary(exchange)}, expected 400`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/invalid-json',
    protocol,
    level: 'must',
    description: 'A malformed JSON body answers 400 invalid_request_error in the Anthropic envelope, not a 500 or HTML.',
    spec: ERRORS_DOCS,
    async run(ctx) {
      expectEnvelope(await postMessages(ctx, 'error:invalid-json', '{"model": "x", "messages": ['), 400, 'invalid_request_error');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/unknown-field',
    protocol,
    level: 'should',
    description: 'An unknown top-level field is rejected with 400 invalid_request_error, as the API does.',
    spec: ERRORS_DOCS,
    async run(ctx) {
      const exchange = await postMessages(ctx, 'error:unknown-field', { ...basicBody(ctx.target.model), llm_conformance_unknown: true });
      expectEnvelope(exchange, 400, 'invalid_request_error');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/errors/request-id',
    protocol,
    level: 'should',
    description: 'Error replies carry the request-id header and request_id in the body.',
    spec: 'https://docs.claude.com/en/api/errors#request-id',
    async run(ctx) {
      const exchange = await badRequest(ctx);
      expect((exchange.headers.get('request-id') ?? '') !== '', 'the error reply has no request-id header');
      const bodyId = (exchange.json as { request_id?: unknown } | undefined)?.request_id;
      expect(typeof bodyId === 'string' && bodyId.length > 0, `request_id in the body is ${preview(bodyId)}`);
    },
  }),
];
