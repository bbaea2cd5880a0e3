import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { jsonObject } from '../../harness/http.ts';
import { okJson } from '../../harness/replies.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { geminiClient, getResource } from '../client.ts';
import { oneError } from '../envelope.ts';
import { expectErrorReply } from '../error-exchanges.ts';
import { modelList, sdkGenerate } from '../exchanges.ts';
import { modelIdOf } from '../read.ts';
import { UNKNOWN_MODEL } from '../requests.ts';

const MODELS_DOCS = 'https://ai.google.dev/api/models';
const protocol = 'gemini';

/** GET models and models/{model} in Gemini's shape, under both versions, and the SDK's pager. */
export const modelsChecks: Check[] = [
  defineCheck({
    id: 'gemini/models/list-shape',
    protocol,
    level: 'must',
    description: 'GET /v1beta/models answers {models: [{name: "models/…", supportedGenerationMethods: […]}], nextPageToken?} with at least one model.',
    spec: 'https://github.com/XxxXTeam/business2api/issues/8',
    clients: ['google-genai'],
    tags: ['models'],
    async run(ctx) {
      const { models, exchange } = await ctx.use(modelList);
      const bare = models.find((m) => !Array.isArray(m.supportedGenerationMethods));
      expect(bare === undefined, `model ${preview(bare?.name)} lists no supportedGenerationMethods`, { expected: 'supportedGenerationMethods: ["generateContent", …]', actual: preview(bare, 200), exchange: exchange.record });
    },
  }),
  defineCheck({
    id: 'gemini/models/v1-gemini-shape',
    protocol,
    level: 'must',
    description: "GET /v1/models with a Gemini key (x-goog-api-key) answers Gemini's list shape, not OpenAI's: @google/genai lists models under /v1.",
    spec: `${MODELS_DOCS}#method:-models.list`,
    clients: ['google-genai'],
    tags: ['models'],
    async run(ctx) {
      await ctx.use(modelList);
      const exchange = await getResource(ctx.target, 'models', { version: 'v1' });
      const list = okJson(exchange, 'GET /v1/models');
      expectSchema(GEMINI_SCHEMA_IDS.listModelsResponse, list, 'the /v1 model list', { exchange: exchange.record });
      expect(Array.isArray(list.models) && list.models.length > 0, `GET /v1/models has no models list: ${preview(list, 160)}`, {
        expected: '{models: [{name: "models/…"}, …]}',
        actual: preview(list, 300),
        exchange: exchange.record,
      });
    },
  }),
  defineCheck({
    id: 'gemini/models/sdk-pager',
    protocol,
    level: 'must',
    description: 'models.list({config: {pageSize: 1}}) in @google/genai pages through distinct models by nextPageToken.',
    spec: `${MODELS_DOCS}#method:-models.list`,
    clients: ['google-genai'],
    tags: ['models', 'sdk'],
    async run(ctx) {
      requireObserved((await ctx.use(modelList)).models.length >= 2, 'the target lists fewer than two models, so paging was not exercised');
      await ctx.use(sdkGenerate);
      const seen: string[] = [];
      for await (const model of await geminiClient(ctx.target).models.list({ config: { pageSize: 1 } })) {
        seen.push(String(model.name));
        if (seen.length >= 3) break;
      }
      expect(seen.length >= 2 && new Set(seen).size === seen.length, `the pager yielded ${preview(seen)}`, { expected: 'at least two distinct model names', actual: preview(seen) });
    },
  }),
  defineCheck({
    id: 'gemini/models/get',
    protocol,
    level: 'must',
    description: 'GET /v1beta/models/{model} answers that Model (name "models/{model}"); models.get() in @google/genai agrees.',
    spec: `${MODELS_DOCS}#method:-models.get`,
    clients: ['google-genai'],
    tags: ['models'],
    async run(ctx) {
      await ctx.use(modelList);
      const exchange = await getResource(ctx.target, `models/${encodeURIComponent(ctx.target.model)}`);
      const model = okJson(exchange, `GET /v1beta/models/${ctx.target.model}`);
      expectSchema(GEMINI_SCHEMA_IDS.model, model, 'the Model', { exchange: exchange.record });
      expect(modelIdOf(model.name) === ctx.target.model, `the Model is named ${preview(model.name)}`, { expected: `"models/${ctx.target.model}"`, actual: preview(model.name), exchange: exchange.record });
      await ctx.use(sdkGenerate);
      const viaSdk = await geminiClient(ctx.target).models.get({ model: ctx.target.model });
      expect(modelIdOf(viaSdk.name) === ctx.target.model, `models.get() returned ${preview(viaSdk.name)}`, { expected: `"models/${ctx.target.model}"`, actual: preview(viaSdk.name) });
    },
  }),
  defineCheck({
    id: 'gemini/models/get-unknown',
    protocol,
    level: 'must',
    description: "GET /v1beta/models/{unknown} answers 404 NOT_FOUND in Google's error envelope.",
    spec: `${MODELS_DOCS}#method:-models.get`,
    tags: ['models', 'errors'],
    async run(ctx) {
      await ctx.use(modelList);
      await expectErrorReply(ctx.use, await getResource(ctx.target, `models/${UNKNOWN_MODEL}`), oneError(404, 'NOT_FOUND'), 'GET /v1beta/models/{unknown}');
    },
  }),
  defineCheck({
    id: 'gemini/models/target-listed',
    protocol,
    level: 'should',
    description: 'The model under test is listed, with generateContent among its supportedGenerationMethods.',
    spec: `${MODELS_DOCS}#Model`,
    tags: ['models'],
    async run(ctx) {
      const { models, exchange } = await ctx.use(modelList);
      const listed = models.find((m) => modelIdOf(m.name) === ctx.target.model);
      expect(listed, `${ctx.target.model} is not among the ${models.length} models listed`, { expected: `models/${ctx.target.model}`, actual: preview(models.map((m) => m.name), 300), exchange: exchange.record });
      const methods = jsonObject(listed) && Array.isArray(listed.supportedGenerationMethods) ? listed.supportedGenerationMethods : [];
      expect(methods.includes('generateContent'), `${ctx.target.model} lists supportedGenerationMethods ${preview(methods)}`, { expected: 'generateContent among them', actual: preview(methods) });
    },
  }),
];
