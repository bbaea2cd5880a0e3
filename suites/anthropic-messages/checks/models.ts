import { ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { rawExchange } from '../../harness/http.ts';
import { okJson } from '../../harness/replies.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { anthropicClient, anthropicHeaders } from '../client.ts';
import { COUNT_TOKENS_PATH, expectErrorReply, modelList, postMessages, sdkMessage } from '../exchanges.ts';
import { UNKNOWN_MODEL } from '../../harness/prompts.ts';

const LIST_DOCS = 'https://docs.claude.com/en/api/models-list';
const protocol = 'anthropic-messages';

/**
 * GET /v1/models and /v1/models/{id} in Anthropic's shape, as the SDK pages through them. Every
 * check needs the list first: a missing or OpenAI-shaped list is one failure (list-shape).
 */
export const modelsChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/models/list-shape',
    protocol,
    level: 'must',
    description: 'GET /v1/models (Anthropic caller) answers {data:[ModelInfo], has_more, first_id, last_id} with at least one model.',
    spec: 'https://github.com/QuantumNous/new-api/issues/2422',
    // The SDK's models.list() pages ModelInfo objects by has_more / last_id.
    clients: ['anthropic-sdk'],
    tags: ['models'],
    async run(ctx) {
      const list = await ctx.use(modelList);
      expect(list.data.length > 0, 'the model list is empty', { expected: 'at least one model', actual: '[]' });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/sdk-pagination',
    protocol,
    level: 'must',
    description: 'models.list({limit: 1}) pages through distinct models via has_more/last_id in the SDK.',
    spec: LIST_DOCS,
    clients: ['anthropic-sdk'],
    tags: ['models', 'sdk'],
    async run(ctx) {
      const total = (await ctx.use(modelList)).data.length;
      requireObserved(total >= 2, 'the target lists fewer than two models, so pagination was not exercised');
      await ctx.use(sdkMessage);
      const client = anthropicClient(ctx.target);
      const first = await client.models.list({ limit: 1 });
      expect(first.data.length === 1, `limit=1 returned ${first.data.length} models`, { expected: '1 model', actual: `${first.data.length} models` });
      expect(first.has_more === true, 'limit=1 page says has_more: false although more models exist', { expected: 'has_more: true', actual: `has_more: ${preview(first.has_more)}` });
      const seen: string[] = [];
      for await (const model of client.models.list({ limit: 1 })) {
        seen.push(model.id);
        if (seen.length >= 3) break;
      }
      expect(new Set(seen).size === seen.length && seen.length >= 2, `auto-pagination yielded ${preview(seen)}`, { expected: 'at least two distinct ids', actual: preview(seen) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/retrieve',
    protocol,
    level: 'must',
    description: 'GET /v1/models/{id} of a listed model answers that ModelInfo; models.retrieve() in the SDK agrees.',
    spec: 'https://docs.claude.com/en/api/models',
    clients: ['anthropic-sdk'],
    tags: ['models', 'sdk'],
    async run(ctx) {
      const [listed] = (await ctx.use(modelList)).data;
      requireObserved(listed, 'the target lists no model to retrieve');
      const exchange = await rawExchange(ctx.target, { path: `/v1/models/${encodeURIComponent(listed.id)}`, headers: anthropicHeaders(ctx.target) });
      const model = okJson(exchange, `GET /v1/models/${listed.id}`);
      expectSchema(ANTHROPIC_SCHEMA_IDS.modelInfo, model, 'the ModelInfo', { exchange: exchange.record });
      expect(model.id === listed.id, `retrieved id ${preview(model.id)}, asked for ${preview(listed.id)}`, { expected: preview(listed.id), actual: preview(model.id) });
      await ctx.use(sdkMessage);
      const viaSdk = await anthropicClient(ctx.target).models.retrieve(listed.id);
      expect(viaSdk.id === listed.id, `models.retrieve() returned ${preview(viaSdk.id)}`, { expected: preview(listed.id), actual: preview(viaSdk.id) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/retrieve-unknown',
    protocol,
    level: 'must',
    description: 'GET /v1/models/{unknown} answers 404 not_found_error in the Anthropic envelope.',
    spec: 'https://docs.claude.com/en/api/errors',
    tags: ['models', 'errors'],
    async run(ctx) {
      await ctx.use(modelList);
      const exchange = await rawExchange(ctx.target, { path: `/v1/models/${UNKNOWN_MODEL}`, headers: anthropicHeaders(ctx.target) });
      await expectErrorReply(ctx.use, exchange, 404, 'not_found_error', 'GET /v1/models/{unknown}');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/listed-model-usable',
    protocol,
    level: 'should',
    description: 'The first listed model is usable in /v1/messages/count_tokens (no listing of unroutable models).',
    spec: 'https://github.com/router-for-me/CLIProxyAPI/issues/4410',
    tags: ['models'],
    async run(ctx) {
      const [listed] = (await ctx.use(modelList)).data;
      requireObserved(listed, 'the target lists no model');
      okJson(await postMessages(ctx.target, { model: listed.id, messages: [{ role: 'user', content: 'Hi' }] }, COUNT_TOKENS_PATH), `count_tokens with the listed model ${preview(listed.id)}`);
    },
  }),
];
