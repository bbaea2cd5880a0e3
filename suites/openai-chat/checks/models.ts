import OpenAI from 'openai';
import { OPENAI_CHAT_SCHEMA_IDS } from '../../../specs/openai-chat/index.ts';
import { expect, expectSchema, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { type RawExchange, jsonObject } from '../../harness/http.ts';
import { describeReply, okJson } from '../../harness/replies.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { getOpenAi, openaiClient, postChat } from '../client.ts';
import { errorCode } from '../envelope.ts';
import { expectErrorReply, modelList, sdkCompletion } from '../exchanges.ts';
import { expectSdkError } from '../../harness/sdk-error.ts';
import { UNKNOWN_MODEL } from '../../harness/prompts.ts';

const MODELS_DOCS = 'https://platform.openai.com/docs/api-reference/models';
const protocol = 'openai-chat';

/** Listed ids that are not chat models by name (the API lists embedding, audio, image and moderation models too). */
const NOT_CHAT = /embed|whisper|tts|dall-e|image|audio|realtime|moderation|transcribe|search|davinci|babbage|sora|computer-use/i;

/** How many listed models listed-models-usable tries (each costs one tiny request). */
const SAMPLE = 3;

/** First, middle and last of `ids`: a sample that reaches both ends of a long list. */
function sample(ids: readonly string[]): string[] {
  const picks = [0, Math.floor((ids.length - 1) / 2), ids.length - 1].map((i) => ids[i]).filter((id): id is string => id !== undefined);
  return [...new Set(picks)].slice(0, SAMPLE);
}

/** A listed model the target does not know: a 404 model_not_found, or a server error. */
function unknownToTarget(exchange: RawExchange): boolean {
  if (exchange.status >= 500) return true;
  const message = jsonObject(jsonObject(exchange.json)?.error)?.message;
  return exchange.status === 404 && (errorCode(exchange) === 'model_not_found' || (typeof message === 'string' && /does not exist|not found|unknown model/i.test(message)));
}

/** GET /v1/models and /v1/models/{id} in OpenAI's shape, through the SDK too; every listed model usable. */
export const modelsChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/models/list-shape',
    protocol,
    level: 'must',
    description: 'GET /v1/models (Bearer caller) answers {object: "list", data: [{id, object: "model", created, owned_by}]} with at least one model.',
    spec: 'https://github.com/QuantumNous/new-api/issues/2422',
    tags: ['models'],
    async run(ctx) {
      const list = await ctx.use(modelList);
      expect(list.data.length > 0, 'the model list is empty', { expected: 'at least one model', actual: '[]' });
    },
  }),
  defineCheck({
    id: 'openai-chat/models/retrieve',
    protocol,
    level: 'must',
    description: 'GET /v1/models/{id} of a listed model answers that model object; models.retrieve() in the SDK agrees.',
    spec: `${MODELS_DOCS}/retrieve`,
    clients: ['openai-sdk'],
    tags: ['models'],
    async run(ctx) {
      const [listed] = (await ctx.use(modelList)).data;
      requireObserved(listed, 'the target lists no model to retrieve');
      const exchange = await getOpenAi(ctx.target, `/v1/models/${encodeURIComponent(listed.id)}`);
      const model = okJson(exchange, `GET /v1/models/${listed.id}`);
      expectSchema(OPENAI_CHAT_SCHEMA_IDS.model, model, 'the model object', { exchange: exchange.record });
      expect(model.id === listed.id, `retrieved id ${preview(model.id)}, asked for ${preview(listed.id)}`, { expected: preview(listed.id), actual: preview(model.id) });
      await ctx.use(sdkCompletion);
      const viaSdk = await openaiClient(ctx.target).models.retrieve(listed.id);
      expect(viaSdk.id === listed.id, `models.retrieve() returned ${preview(viaSdk.id)}`, { expected: preview(listed.id), actual: preview(viaSdk.id) });
    },
  }),
  defineCheck({
    id: 'openai-chat/models/retrieve-unknown',
    protocol,
    level: 'must',
    description: 'GET /v1/models/{unknown} answers 404 in the OpenAI envelope; the SDK raises NotFoundError.',
    spec: `${MODELS_DOCS}/retrieve`,
    clients: ['openai-sdk'],
    tags: ['models', 'errors'],
    async run(ctx) {
      await ctx.use(modelList);
      await expectErrorReply(ctx.use, await getOpenAi(ctx.target, `/v1/models/${UNKNOWN_MODEL}`), 404, `GET /v1/models/${UNKNOWN_MODEL}`);
      await ctx.use(sdkCompletion);
      await expectSdkError(() => openaiClient(ctx.target).models.retrieve(UNKNOWN_MODEL), OpenAI.NotFoundError, 404, 'models.retrieve()');
    },
  }),
  defineCheck({
    id: 'openai-chat/models/listed-models-usable',
    protocol,
    level: 'should',
    description: `Listed chat models are known to /v1/chat/completions (a sample of ${SAMPLE}: first, middle, last): none answers model_not_found or a server error.`,
    spec: 'https://github.com/router-for-me/CLIProxyAPI/issues/4410',
    tags: ['models'],
    async run(ctx) {
      const ids = (await ctx.use(modelList)).data.map((m) => m.id).filter((id) => id !== ctx.target.model && !NOT_CHAT.test(id));
      const picked = sample(ids);
      requireObserved(picked.length > 0, 'the target lists no chat model besides the one under test');
      for (const id of picked) {
        const exchange = await postChat(ctx.target, { model: id, max_completion_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] });
        if (unknownToTarget(exchange)) {
          fail(`the listed model ${preview(id)} is not usable in /v1/chat/completions: ${describeReply(exchange)}`, {
            expected: 'a completion, or an error about the request (not about the model)',
            actual: describeReply(exchange),
            exchange: exchange.record,
          });
        }
      }
    },
  }),
];
