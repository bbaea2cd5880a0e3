import type { GenerateContentResponse } from '@google/genai';
import { GEMINI_SCHEMA_IDS } from '../../specs/gemini/schema-ids.ts';
import { expect, expectSchema, fail, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange, type UseExchange } from '../harness/exchange.ts';
import type { RawExchange } from '../harness/http.ts';
import { okJson } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';
import { geminiClient, getResource, postMethod } from './client.ts';
import { requireCapabilityAccepted } from './envelope.ts';
import { errorExchanges } from './error-exchanges.ts';
import { foreignReply, functionCallsOf, type Json, partsOf, textOf } from './read.ts';
import { basicBody, countBody, EMBEDDING_MODEL, embedBody, EMBED_TEXTS, forcedCallBody, sdkBasic } from './requests.ts';
import { streamExchanges } from './stream-exchanges.ts';

/**
 * The Gemini suite's shared exchanges: each made once per run, each naming the check that reports
 * its failure (the others that use it are then blocked, so one bug is one failure). Exchanges only
 * one check looks at are made inside that check.
 */

const p = (name: string) => `gemini/${name}`;

// ---- plain replies ------------------------------------------------------------------------

/** Fails when a reply is another protocol's body: it names which. */
function expectGeminiBody(exchange: RawExchange, json: Json, what: string): void {
  const foreign = foreignReply(json);
  if (foreign) fail(`${what}: the reply is ${foreign}, not a GenerateContentResponse`, { expected: '{"candidates": [{"content": {"parts": [{"text": …}]}}], "usageMetadata": …}', actual: preview(json, 300), exchange: exchange.record });
}

/**
 * The basic prompt through :generateContent (v1beta, raw): the reply most basic, usage and stop
 * checks read, and the root of "the target answers in another protocol's shape".
 */
export const basicReply = defineExchange({
  id: p('basic'),
  owner: p('basic/response-schema'),
  description: 'POST /v1beta/models/{model}:generateContent with the basic prompt',
  make: async ({ target }) => {
    const exchange = await postMethod(target, 'generateContent', basicBody());
    const response = okJson(exchange, 'POST :generateContent');
    expectGeminiBody(exchange, response, 'POST :generateContent');
    return { exchange, response };
  },
});

/**
 * {@link okJson} for another :generateContent reply: a body in another protocol's shape is first
 * attributed to the target's replies in general (blocked by basic/response-schema when the basic
 * reply has that shape too), else the check fails on it itself.
 */
export async function okReply(use: UseExchange, exchange: RawExchange, what: string): Promise<Json> {
  const json = okJson(exchange, what);
  if (foreignReply(json) !== undefined) await use(basicReply);
  expectGeminiBody(exchange, json, what);
  return json;
}

/**
 * The SDK's reply must hold the answer text. When it does not, the raw reply is judged first
 * (the SDK read the same shape: blocked by basic/response-schema when that is wrong).
 */
async function expectSdkText(use: UseExchange, response: GenerateContentResponse, what: string): Promise<GenerateContentResponse> {
  if (textOf(response).length === 0) await use(basicReply);
  expect(textOf(response).length > 0, `${what}: no answer text in the reply (${preview(response.candidates?.[0]?.content, 200)})`, {
    expected: 'a candidate with a text part',
    actual: preview(response.candidates, 300),
  });
  return response;
}

/**
 * `models.generateContent()` in the official SDK at its default API version (`v1` in
 * `@google/genai` 3): the root of the SDK checks. When the SDK cannot talk to the target at all
 * (no `/v1` routes, JSON served as text), basic/sdk-generate is the one failure.
 */
export const sdkGenerate = defineExchange({
  id: p('sdk:generate'),
  owner: p('basic/sdk-generate'),
  description: 'models.generateContent() in @google/genai (default API version) with the basic prompt',
  make: async ({ target, use }) => expectSdkText(use, await geminiClient(target).models.generateContent(sdkBasic(target.model)), 'models.generateContent()'),
});

/** The same with `apiVersion: 'v1beta'`: the root of the SDK checks that need v1beta features. */
export const sdkGenerateV1beta = defineExchange({
  id: p('sdk:generate:v1beta'),
  owner: p('basic/sdk-v1beta'),
  description: "models.generateContent() in @google/genai with apiVersion 'v1beta'",
  make: async ({ target, use }) => expectSdkText(use, await geminiClient(target, { apiVersion: 'v1beta' }).models.generateContent(sdkBasic(target.model)), 'models.generateContent() (v1beta)'),
});

// ---- function calls -----------------------------------------------------------------------

/** The forced function call (mode ANY), not streamed. */
export const forcedCallReply = defineExchange({
  id: p('tool'),
  owner: p('tools/function-call'),
  description: 'POST :generateContent forcing a function call (mode ANY)',
  make: async ({ target, use }) => okReply(use, await postMethod(target, 'generateContent', forcedCallBody()), 'the forced function call request'),
});

/** The function call of the forced reply, with the model turn a client replays (fails when there is none). */
export const forcedCall = defineExchange({
  id: p('tool:call'),
  owner: p('tools/function-call'),
  description: 'the functionCall parts of the forced reply',
  make: async ({ use }) => {
    const response = await use(forcedCallReply);
    const calls = functionCallsOf(response);
    expect(calls.length > 0, 'the reply to mode ANY has no functionCall part: the forced call was not honoured', {
      expected: 'a part {functionCall: {name, args}}',
      actual: preview(partsOf(response), 300),
    });
    const content = (response.candidates as Json[])[0]!.content as Json;
    return { response, calls, modelTurn: content };
  },
});

/**
 * The thought signature of the function call, when the target signs (thinking models do;
 * others may not: then every signature check skips). A `thought_signature` spelling counts as
 * offered, so that thinking/signature reports it instead of skipping.
 */
export const signedCall = defineExchange({
  id: p('tool:signed'),
  owner: p('thinking/signature'),
  description: 'the thought signature of the forced function call',
  make: async ({ use }) => {
    const { response, modelTurn, calls } = await use(forcedCall);
    const parts = partsOf(response);
    requireCapability(
      parts.some((part) => part.thoughtSignature !== undefined || part.thought_signature !== undefined),
      'the function call carries no thought signature: the target does not sign its turns (thinking models do)',
    );
    return { response, parts, modelTurn, calls };
  },
});

// ---- countTokens, models, embeddings ------------------------------------------------------

/** :countTokens of the basic contents: an integer totalTokens > 0 (a fake 0 is one failure, here). */
export const plainCount = defineExchange({
  id: p('count:plain'),
  owner: p('count-tokens/basic'),
  description: 'POST :countTokens with the basic contents',
  make: async ({ target }) => {
    const exchange = await postMethod(target, 'countTokens', countBody());
    const json = okJson(exchange, 'POST :countTokens');
    expectSchema(GEMINI_SCHEMA_IDS.countTokensResponse, json, 'the countTokens reply', { exchange: exchange.record });
    expect((json.totalTokens as number) > 0, `totalTokens is ${preview(json.totalTokens)}: a count of 0 breaks context-window bookkeeping (Gemini CLI)`, {
      expected: 'an integer > 0',
      actual: preview(json.totalTokens),
      exchange: exchange.record,
    });
    return json.totalTokens as number;
  },
});

/** GET /v1beta/models (one large page): a Gemini-shaped list, or the one failure of models/*. */
export const modelList = defineExchange({
  id: p('models'),
  owner: p('models/list-shape'),
  description: 'GET /v1beta/models?pageSize=1000',
  make: async ({ target }) => {
    const exchange = await getResource(target, 'models', { query: { pageSize: '1000' } });
    const list = okJson(exchange, 'GET /v1beta/models');
    expectSchema(GEMINI_SCHEMA_IDS.listModelsResponse, list, 'the model list', { exchange: exchange.record });
    expect(Array.isArray(list.models) && list.models.length > 0, 'the model list is empty (or has no models field)', { expected: '{models: [{name: "models/…"}, …]}', actual: preview(list, 200), exchange: exchange.record });
    return { exchange, models: list.models as Json[] };
  },
});

/**
 * :embedContent of one text with `outputDimensionality`. Embeddings are optional: a 404 for the
 * embedding model or a clean 400 means the target does not offer them, and every embedding check
 * skips.
 */
export const embedOne = defineExchange({
  id: p('embed'),
  owner: p('embeddings/embed-content'),
  description: `POST /v1beta/models/${EMBEDDING_MODEL}:embedContent with outputDimensionality`,
  make: async ({ target }) => {
    const exchange = await postMethod(target, 'embedContent', embedBody(EMBED_TEXTS[0]), { model: EMBEDDING_MODEL });
    requireCapabilityAccepted(exchange, `serve the embedding model ${EMBEDDING_MODEL}`);
    const json = okJson(exchange, 'POST :embedContent');
    expectSchema(GEMINI_SCHEMA_IDS.embedContentResponse, json, 'the embedContent reply', { exchange: exchange.record });
    return { exchange, values: (json.embedding as { values: number[] }).values };
  },
});

/** Every shared exchange of the suite (ids unique, owners are checks: a test checks both). */
export const geminiExchanges: readonly SharedExchange<unknown>[] = [
  basicReply,
  sdkGenerate,
  sdkGenerateV1beta,
  forcedCallReply,
  forcedCall,
  signedCall,
  plainCount,
  modelList,
  embedOne,
  ...streamExchanges,
  ...errorExchanges,
];
