import { ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType, expectModelEcho, expectRequestIdHeader, okJson } from '../../harness/replies.ts';
import { textOf } from '../accumulate.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { basicReply, postMessages, sdkMessage, systemBlocksReply } from '../exchanges.ts';
import { basicBody, imageBody, multiTurnBody, toolResultBody } from '../requests.ts';

const MESSAGES_DOCS = 'https://docs.claude.com/en/api/messages';
const protocol = 'anthropic-messages';

/** A plain Message: through the SDK, its schema, content type, headers, and accepted request forms. */
export const basicChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/basic/sdk-create',
    protocol,
    level: 'must',
    description: 'messages.create() in the official SDK returns an assistant Message with text content.',
    spec: MESSAGES_DOCS,
    clients: ['anthropic-sdk'],
    tags: ['sdk'],
    async run(ctx) {
      await ctx.use(sdkMessage);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/response-schema',
    protocol,
    level: 'must',
    description: 'The non-streaming reply body validates against the Message schema.',
    spec: MESSAGES_DOCS,
    // The AI SDK parses every Message with a zod schema (numeric usage counts, known block shapes): a
    // Message outside it fails generateText.
    clients: ['vercel-ai-sdk'],
    tags: ['schema'],
    async run(ctx) {
      const { exchange, message } = await ctx.use(basicReply);
      expectSchema(ANTHROPIC_SCHEMA_IDS.message, message, 'the Message', { exchange: exchange.record });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/json-content-type',
    protocol,
    level: 'must',
    description: 'A non-streaming reply is served as application/json.',
    spec: MESSAGES_DOCS,
    // The SDK parses a body as JSON only when it is served as application/json (internal/parse.js), else
    // it returns the text; LangChain's ChatAnthropic calls the SDK.
    clients: ['anthropic-sdk', 'langchain'],
    tags: ['headers'],
    async run(ctx) {
      expectMediaType((await ctx.use(basicReply)).exchange, 'application/json', 'the Message');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/request-id-header',
    protocol,
    level: 'should',
    description: 'Replies carry a request-id header (the SDK exposes it as requestID for support tickets).',
    spec: 'https://docs.claude.com/en/api/errors#request-id',
    tags: ['headers'],
    async run(ctx) {
      expectRequestIdHeader((await ctx.use(basicReply)).exchange, 'request-id');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/model-echo',
    protocol,
    level: 'should',
    description: 'The reply names the requested model (or a dated snapshot of it), not another model.',
    spec: MESSAGES_DOCS,
    tags: ['models'],
    async run(ctx) {
      expectModelEcho((await ctx.use(basicReply)).message.model, ctx.target.model);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/system-and-cache-control',
    protocol,
    level: 'must',
    description: 'system as text blocks, and cache_control on system, tool and message blocks, are accepted.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/prompt-caching',
    // Claude Code puts cache_control on system, tool and message blocks of every request
    // (fixtures/captures/claude-code-anthropic.jsonl).
    clients: ['claude-code'],
    tags: ['caching'],
    async run(ctx) {
      await ctx.use(systemBlocksReply);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/multi-turn',
    protocol,
    level: 'must',
    description: 'A user/assistant/user conversation is answered with text.',
    spec: MESSAGES_DOCS,
    // An agent: every Claude Code request after the first carries the conversation so far.
    clients: ['claude-code'],
    tags: ['multi-turn'],
    async run(ctx) {
      const message = okJson(await postMessages(ctx.target, multiTurnBody(ctx.target.model)), 'a multi-turn request');
      expect(textOf(message.content).length > 0, `no text in the reply: ${preview(message.content)}`, { expected: 'a text block', actual: preview(message.content, 300) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/tool-result-turn',
    protocol,
    level: 'must',
    description: 'A tool_result turn (mixed text and image content, and one with is_error) is accepted and answered.',
    spec: 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use#handling-tool-use-and-tool-result-content-blocks',
    // Claude Code answers every tool call with a tool_result turn: failures with is_error, images (Read of
    // an image file) inside the tool_result.
    clients: ['claude-code'],
    tags: ['tools', 'multi-turn'],
    async run(ctx) {
      for (const isError of [false, true]) okJson(await postMessages(ctx.target, toolResultBody(ctx.target.model, isError)), `a tool_result turn (is_error: ${isError})`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/image-input',
    protocol,
    level: 'must',
    description: 'A base64 image block is accepted (skipped when the target answers a clean 400: it does not take images).',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/vision',
    tags: ['images'],
    async run(ctx) {
      const exchange = await postMessages(ctx.target, imageBody(ctx.target.model));
      requireCapabilityAccepted(exchange, 'take images');
      okJson(exchange, 'a request with an image');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/beta-query',
    protocol,
    level: 'should',
    description: 'POST /v1/messages?beta=true (how the SDKs call beta features, and Claude Code always) is served.',
    spec: 'https://docs.claude.com/en/api/beta-headers',
    // Claude Code always posts to /v1/messages?beta=true (fixtures/captures/claude-code-anthropic.jsonl).
    clients: ['claude-code'],
    tags: ['beta'],
    async run(ctx) {
      okJson(await postMessages(ctx.target, basicBody(ctx.target.model), '/v1/messages?beta=true'), 'POST /v1/messages?beta=true');
    },
  }),
];
