import { RESPONSES_SCHEMA_IDS } from '../../../specs/openai-responses/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType, expectModelEcho, expectRequestIdHeader, okJson } from '../../harness/replies.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { basicReply, postResponses, sdkResponse } from '../exchanges.ts';
import { imageBody, instructionsBody, multiTurnBody } from '../requests.ts';
import { messageText, outputOf } from '../stream-read.ts';
import type { ResolvedTarget } from '../../harness/target.ts';

const CREATE_DOCS = 'https://platform.openai.com/docs/api-reference/responses/create';
const protocol = 'openai-responses';

/** Sends a request that must be answered with a Response carrying text. */
async function expectTextReply(target: ResolvedTarget, body: unknown, what: string): Promise<void> {
  const response = okJson(await postResponses(target, body), what);
  const text = messageText(response);
  expect(text.length > 0, `${what}: no output_text in the reply (items: ${outputOf(response).map((i) => String(i.type)).join(', ') || 'none'})`, {
    expected: 'a message item with output_text',
    actual: preview(response.output, 300),
  });
}

/**
 * A plain Response: through the SDK, its schema, content type, message item and headers, and the
 * request forms of the Open Responses compliance cases (instructions, multi-turn, image input).
 */
export const basicChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/basic/sdk-create',
    protocol,
    level: 'must',
    description: 'responses.create() in the official SDK returns a Response (object "response", an id) whose output_text is the reply.',
    spec: CREATE_DOCS,
    clients: ['openai-sdk', 'langchain'],
    tags: ['sdk'],
    async run(ctx) {
      await ctx.use(sdkResponse);
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/response-schema',
    protocol,
    level: 'must',
    description: 'The non-streaming reply validates against the Response schema (every field the API reference requires).',
    spec: 'https://platform.openai.com/docs/api-reference/responses/object',
    tags: ['schema'],
    async run(ctx) {
      const { exchange, response } = await ctx.use(basicReply);
      expectSchema(RESPONSES_SCHEMA_IDS.response, response, 'the Response', { exchange: exchange.record });
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/json-content-type',
    protocol,
    level: 'must',
    description: 'A non-streaming reply is served as application/json.',
    spec: CREATE_DOCS,
    clients: ['openai-sdk'],
    async run(ctx) {
      expectMediaType((await ctx.use(basicReply)).exchange, 'application/json', 'the Response');
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/completed-message',
    protocol,
    level: 'must',
    description: 'The reply has status "completed" and an assistant message item (id, status "completed") with a non-empty output_text part.',
    spec: 'https://platform.openai.com/docs/api-reference/responses/object#responses/object-output',
    async run(ctx) {
      const { exchange, response } = await ctx.use(basicReply);
      const on = { exchange: exchange.record };
      expect(response.status === 'completed', `status is ${preview(response.status)}, expected "completed"`, { ...on, expected: '"completed"', actual: preview(response.status) });
      const message = outputOf(response).find((item) => item.type === 'message');
      expect(message, `no message item in output: ${preview(response.output, 200)}`, { ...on, expected: 'a message item', actual: preview(response.output, 300) });
      expect(message.role === 'assistant', `the message's role is ${preview(message.role)}, expected "assistant"`, { ...on, actual: preview(message.role) });
      expect(typeof message.id === 'string' && message.id.length > 0, 'the message item has no id', { ...on, actual: preview(message, 200) });
      expect(message.status === 'completed', `the message item's status is ${preview(message.status)}, expected "completed"`, { ...on, expected: '"completed"', actual: preview(message.status) });
      expect(messageText(response).length > 0, 'the message has no output_text', { ...on, expected: 'an output_text part with text', actual: preview(message.content, 300) });
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/instructions',
    protocol,
    level: 'must',
    description: '`instructions` and a system message in `input` are accepted and answered with text (Open Responses: system-prompt).',
    spec: CREATE_DOCS,
    clients: ['codex-cli'],
    async run(ctx) {
      await expectTextReply(ctx.target, instructionsBody(ctx.target), 'a request with instructions and a system message');
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/multi-turn',
    protocol,
    level: 'must',
    description: 'A user / assistant / user conversation in `input` is answered with text (Open Responses: multi-turn).',
    spec: 'https://platform.openai.com/docs/guides/conversation-state',
    async run(ctx) {
      await expectTextReply(ctx.target, multiTurnBody(ctx.target), 'a multi-turn request');
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/image-input',
    protocol,
    level: 'must',
    description: 'An input_image part (a data URL) is accepted (Open Responses: image-input; skipped when the target answers a clean 400: it does not take images).',
    spec: 'https://platform.openai.com/docs/guides/images-vision',
    tags: ['images'],
    async run(ctx) {
      const exchange = await postResponses(ctx.target, imageBody(ctx.target));
      requireCapabilityAccepted(exchange, 'take images');
      okJson(exchange, 'a request with an image');
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/request-id-header',
    protocol,
    level: 'should',
    description: 'Replies carry an x-request-id header (the SDK exposes it as _request_id for support tickets).',
    spec: 'https://platform.openai.com/docs/api-reference/debugging-requests',
    async run(ctx) {
      expectRequestIdHeader((await ctx.use(basicReply)).exchange, 'x-request-id');
    },
  }),
  defineCheck({
    id: 'openai-responses/basic/model-echo',
    protocol,
    level: 'should',
    description: 'The Response names the requested model (or a dated snapshot of it), not another model.',
    spec: 'https://platform.openai.com/docs/api-reference/responses/object#responses/object-model',
    async run(ctx) {
      expectModelEcho((await ctx.use(basicReply)).response.model, ctx.target.model);
    },
  }),
];
