import { OPENAI_CHAT_SCHEMA_IDS } from '../../../specs/openai-chat/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType, expectModelEcho, expectRequestIdHeader, okJson } from '../../harness/replies.ts';
import { postChat } from '../client.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { basicReply, completionText, sdkCompletion } from '../exchanges.ts';
import { imageBody, messageRolesBody, toolResultBody } from '../requests.ts';

const CREATE_DOCS = 'https://platform.openai.com/docs/api-reference/chat/create';
const protocol = 'openai-chat';

/** Fails unless a completion body has text in choice 0. */
function expectText(completion: Record<string, unknown>, what: string): void {
  const text = completionText(completion);
  expect(text.length > 0, `${what}: no text in choices[0].message: ${preview(completion.choices, 200)}`, { expected: 'text content', actual: preview(completion.choices, 300) });
}

/** A plain chat.completion: through the SDK, its schema, content type, headers, and accepted request forms. */
export const basicChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/basic/sdk-create',
    protocol,
    level: 'must',
    description: 'chat.completions.create() in the official SDK returns a chat.completion whose choice 0 is an assistant message with text.',
    spec: CREATE_DOCS,
    clients: ['openai-sdk'],
    tags: ['sdk'],
    async run(ctx) {
      await ctx.use(sdkCompletion);
    },
  }),
  defineCheck({
    id: 'openai-chat/basic/response-schema',
    protocol,
    level: 'must',
    description: 'The non-streaming reply validates against the chat.completion schema (choices with index, message, logprobs and a known finish_reason).',
    spec: 'https://platform.openai.com/docs/api-reference/chat/object',
    async run(ctx) {
      const { exchange, completion } = await ctx.use(basicReply);
      expectSchema(OPENAI_CHAT_SCHEMA_IDS.chatCompletion, completion, 'the chat.completion', { exchange: exchange.record });
    },
  }),
  defineCheck({
    id: 'openai-chat/basic/json-content-type',
    protocol,
    level: 'must',
    description: 'A non-streaming reply is served as application/json.',
    spec: CREATE_DOCS,
    async run(ctx) {
      expectMediaType((await ctx.use(basicReply)).exchange, 'application/json', 'the chat.completion');
    },
  }),
  defineCheck({
    id: 'openai-chat/basic/request-id-header',
    protocol,
    level: 'should',
    description: 'Replies carry an x-request-id header (the SDK exposes it as _request_id for support tickets).',
    spec: 'https://platform.openai.com/docs/api-reference/debugging-requests',
    async run(ctx) {
      expectRequestIdHeader((await ctx.use(basicReply)).exchange, 'x-request-id');
    },
  }),
  defineCheck({
    id: 'openai-chat/basic/model-echo',
    protocol,
    level: 'should',
    description: 'The reply names the requested model (or a dated snapshot of it), not another model.',
    spec: 'https://platform.openai.com/docs/api-reference/chat/object#chat/object-model',
    async run(ctx) {
      expectModelEcho((await ctx.use(basicReply)).completion.model, ctx.target.model);
    },
  }),
  defineCheck({
    id: 'openai-chat/basic/message-roles',
    protocol,
    level: 'must',
    // The AI SDK sends system prompts as `developer` messages for reasoning models (systemMessageMode).
    description: 'developer and system instructions and a user/assistant/user conversation are accepted and answered with text.',
    spec: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages',
    clients: ['vercel-ai-sdk'],
    async run(ctx) {
      expectText(okJson(await postChat(ctx.target, messageRolesBody(ctx.target.model)), 'a developer/system/multi-turn request'), 'a developer/system/multi-turn request');
    },
  }),
  defineCheck({
    id: 'openai-chat/basic/tool-result-turn',
    protocol,
    level: 'must',
    description: 'An assistant turn with tool_calls followed by its tool message is accepted and answered with text.',
    spec: 'https://platform.openai.com/docs/guides/function-calling',
    tags: ['tools'],
    async run(ctx) {
      expectText(okJson(await postChat(ctx.target, toolResultBody(ctx.target.model)), 'a tool result turn'), 'a tool result turn');
    },
  }),
  defineCheck({
    id: 'openai-chat/basic/image-input',
    protocol,
    level: 'must',
    description: 'A content part image_url with a data URL is accepted (skipped when the target answers a clean 400: it does not take images).',
    spec: 'https://platform.openai.com/docs/guides/images-vision',
    tags: ['images'],
    async run(ctx) {
      const exchange = await postChat(ctx.target, imageBody(ctx.target.model));
      requireCapabilityAccepted(exchange, 'take images');
      okJson(exchange, 'a request with an image_url part');
    },
  }),
];
