import { ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { rawExchange } from '../../harness/http.ts';
import { anthropicClient, anthropicHeaders } from '../client.ts';
import { errorSummary, errorType, okJson, postMessages } from '../exchanges.ts';

const LIST_DOCS = 'https://docs.claude.com/en/api/models-list';
const protocol = 'anthropic-messages';

const get = (ctx: CheckContext, key: string, path: string) =>
  ctx.memo(`anthropic:get:${key}`, () => rawExchange(ctx.target, { path, headers: anthropicHeaders(ctx.target) }));

async function listedIds(ctx: CheckContext): Promise<string[]> {
  const list = okJson(await get(ctx, 'models', '/v1/models'), 'GET /v1/models');
  const data = Array.isArray(list.data) ? (list.data as { id?: unknown }[]) : [];
  return data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
}

/** GET /v1/models and /v1/models/{id} in Anthropic's shape, as the SDK pages through them. */
export const modelChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/models/list-shape',
    protocol,
    level: 'must',
    description: 'GET /v1/models (Anthropic caller) answers {data:[ModelInfo], has_more, first_id, last_id} with at least one model.',
    spec: 'https://github.com/QuantumNous/new-api/issues/2422',
    async run(ctx) {
      const list = okJson(await get(ctx, 'models', '/v1/models'), 'GET /v1/models');
      expectSchema(ANTHROPIC_SCHEMA_IDS.modelList, list, 'the model list');
      expect((list.data as unknown[]).length > 0, 'the model list is empty');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/sdk-pagination',
    protocol,
    level: 'must',
    description: 'models.list({limit: 1}) pages through distinct models via has_more/last_id in the SDK.',
    spec: LIST_DOCS,
    async run(ctx) {
      const total = (await listedIds(ctx)).length;
      if (total < 2) ctx.skip('the target lists fewer than two models');
      const client = anthropicClient(ctx.target);
      const first = await client.models.list({ limit: 1 });
      expect(first.data.length === 1, `limit=1 returned ${first.data.length} models`);
      expect(first.has_more === true, 'limit=1 page says has_more: false although more models exist');
      const seen: string[] = [];
      for await (const model of client.models.list({ limit: 1 })) {
        seen.push(model.id);
        if (seen.length >= 3) break;
      }
      expect(new Set(seen).size === seen.length && seen.length >= 2, `auto-pagination yielded ${preview(seen)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/retrieve',
    protocol,
    level: 'must',
    description: 'GET /v1/models/{id} of a listed model answers that ModelInfo; models.retrieve() in the SDK agrees.',
    spec: 'https://docs.claude.com/en/api/models',
    async run(ctx) {
      const [id] = await listedIds(ctx);
      expect(id, 'no model listed');
      const model = okJson(await get(ctx, `model:${id}`, `/v1/models/${encodeURIComponent(id)}`), `GET /v1/models/${id}`);
      expectSchema(ANTHROPIC_SCHEMA_IDS.modelInfo, model, 'the ModelInfo');
      expect(model.id === id, `retrieved id ${preview(model.id)}, asked for ${preview(id)}`);
      const viaSdk = await anthropicClient(ctx.target).models.retrieve(id);
      expect(viaSdk.id === id, `models.retrieve() returned ${preview(viaSdk.id)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/retrieve-unknown',
    protocol,
    level: 'must',
    description: 'GET /v1/models/{unknown} answers 404 not_found_error in the Anthropic envelope.',
    spec: 'https://docs.claude.com/en/api/errors',
    async run(ctx) {
      const exchange = await get(ctx, 'model:unknown', '/v1/models/llm-conformance-no-such-model');
      expect(exchange.status === 404, `answered ${errorSummary(exchange)}, expected 404`);
      expectSchema(ANTHROPIC_SCHEMA_IDS.errorResponse, exchange.json, 'the error body');
      expect(errorType(exchange) === 'not_found_error', `error type is not not_found_error: ${errorSummary(exchange)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/models/listed-model-usable',
    protocol,
    level: 'should',
    description: 'The first listed model is usable in /v1/messages/count_tokens (no listing of unroutable models).',
    spec: 'https://github.com/router-for-me/CLIProxyAPI/issues/4410',
    async run(ctx) {
      const [id] = await listedIds(ctx);
      expect(id, 'no model listed');
      const exchange = await postMessages(ctx, `count:listed:${id}`, { model: id, messages: [{ role: 'user', content: 'Hi' }] }, { path: '/v1/messages/count_tokens' });
      expect(exchange.status === 200, `listed model ${preview(id)} is not usable: ${errorSummary(exchange)}`);
    },
  }),
];
