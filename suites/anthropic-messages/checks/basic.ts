import { ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { mediaType } from '../../harness/http.ts';
import { anthropicClient } from '../client.ts';
import { errorSummary, okJson, postMessages, requireCapabilityAccepted } from '../exchanges.ts';
import { basicBody, imageBody, multiTurnBody, systemBlocksBody, toolResultBody } from '../requests.ts';

const MESSAGES_DOCS = 'https://docs.claude.com/en/api/messages';
const protocol = 'anthropic-messages';

/** The plain, non-streaming exchange most basic checks read. */
export const basicExchange = (ctx: CheckContext) => postMessages(ctx, 'basic', basicBody(ctx.target.model));

function textOf(message: Record<string, unknown>): string {
  const content = Array.isArray(message.content) ? (message.content as Record<string, unknown>[]) : [];
  return content
    .filter((b) => b.type === 'text')
    .map((b) => String(b.text ?? ''))
    .join('');
}

export const basicChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/basic/sdk-create',
    protocol,
    level: 'must',
    description: 'messages.create() in the official SDK returns an assistant Message with text content.',
    spec: MESSAGES_DOCS,
    async run(ctx) {
      const message = await anthropicClient(ctx.target).messages.create(basicBody(ctx.target.model) as never);
      expect(message.type === 'message', `type is ${preview(message.type)}, expected "message"`);
      expect(message.role === 'assistant', `role is ${preview(message.role)}, expected "assistant"`);
      expect(typeof message.id === 'string' && message.id.length > 0, 'the message has no id');
      const text = message.content.filter((b) => b.type === 'text').map((b) => (b as { text: string }).text).join('');
      expect(text.length > 0, `no text in content: ${preview(message.content)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/response-schema',
    protocol,
    level: 'must',
    description: 'The non-streaming reply body validates against the Message schema.',
    spec: MESSAGES_DOCS,
    async run(ctx) {
      expectSchema(ANTHROPIC_SCHEMA_IDS.message, okJson(await basicExchange(ctx), 'POST /v1/messages'), 'the Message');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/json-content-type',
    protocol,
    level: 'must',
    description: 'A non-streaming reply is served as application/json.',
    spec: MESSAGES_DOCS,
    async run(ctx) {
      const exchange = await basicExchange(ctx);
      okJson(exchange, 'POST /v1/messages');
      expect(mediaType(exchange.headers) === 'application/json', `content-type is ${preview(exchange.headers.get('content-type'))}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/request-id-header',
    protocol,
    level: 'should',
    description: 'Replies carry a request-id header (the SDK exposes it as requestID for support tickets).',
    spec: 'https://docs.claude.com/en/api/errors#request-id',
    async run(ctx) {
      const exchange = await basicExchange(ctx);
      expect((exchange.headers.get('request-id') ?? '').length > 0, 'no request-id header');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/model-echo',
    protocol,
    level: 'should',
    description: 'The reply names the requested model (or a dated snapshot of it), not another model.',
    spec: MESSAGES_DOCS,
    async run(ctx) {
      const model = okJson(await basicExchange(ctx), 'POST /v1/messages').model;
      expect(typeof model === 'string' && model.startsWith(ctx.target.model), `model is ${preview(model)}, requested ${preview(ctx.target.model)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/system-and-cache-control',
    protocol,
    level: 'must',
    description: 'system as text blocks, and cache_control on system, tool and message blocks, are accepted.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/prompt-caching',
    async run(ctx) {
      const exchange = await postMessages(ctx, 'system-blocks', systemBlocksBody(ctx.target.model));
      expect(exchange.status === 200, `rejected: ${errorSummary(exchange)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/multi-turn',
    protocol,
    level: 'must',
    description: 'A user/assistant/user conversation is answered with text.',
    spec: MESSAGES_DOCS,
    async run(ctx) {
      const message = okJson(await postMessages(ctx, 'multi-turn', multiTurnBody(ctx.target.model)), 'a multi-turn request');
      expect(textOf(message).length > 0, `no text in the reply: ${preview(message.content)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/tool-result-turn',
    protocol,
    level: 'must',
    description: 'A tool_result turn (mixed text and image content, and one with is_error) is accepted and answered.',
    spec: 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use#handling-tool-use-and-tool-result-content-blocks',
    async run(ctx) {
      for (const isError of [false, true]) {
        const exchange = await postMessages(ctx, `tool-result-${isError}`, toolResultBody(ctx.target.model, isError));
        okJson(exchange, `a tool_result turn (is_error: ${isError})`);
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/image-input',
    protocol,
    level: 'should',
    description: 'A base64 image block is accepted (skipped when the target answers a clean 400 for images).',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/vision',
    async run(ctx) {
      const exchange = await postMessages(ctx, 'image', imageBody(ctx.target.model));
      requireCapabilityAccepted(ctx, exchange, 'take images');
      okJson(exchange, 'a request with an image');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/basic/beta-query',
    protocol,
    level: 'should',
    description: 'POST /v1/messages?beta=true (how the SDKs call beta features, and Claude Code always) is served.',
    spec: 'https://docs.claude.com/en/api/beta-headers',
    async run(ctx) {
      const exchange = await postMessages(ctx, 'beta-query', basicBody(ctx.target.model), { path: '/v1/messages?beta=true' });
      okJson(exchange, 'POST /v1/messages?beta=true');
    },
  }),
];
