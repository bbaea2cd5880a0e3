import { OPENAI_CHAT_SCHEMA_IDS } from '../../specs/openai-chat/index.ts';
import { expect, expectSchema, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import { jsonObject, rawExchange } from '../harness/http.ts';
import { describeReply, okJson } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';
import { basicExchanges } from './basic-exchanges.ts';
import { firstChoice, messageOf } from './chunks.ts';
import { getOpenAi, openaiHeaders, postChat, streamChat } from './client.ts';
import { requireCapabilityAccepted } from './envelope.ts';
import { errorExchanges } from './error-exchanges.ts';
import { expectLogprobs } from './logprobs.ts';
import { embeddingBody, EMBEDDING_INPUTS, EMBEDDING_MODEL, logprobsBody, TOP_LOGPROBS } from './requests.ts';
import { chatStream, choiceZero, streamExchanges } from './stream-exchanges.ts';

/**
 * The Chat suite's shared exchanges: each made once per run, each naming the check that reports
 * its failure (the others that use it are then blocked, so one bug is one failure). Exchanges only
 * one check looks at are made inside that check instead.
 */

const p = (name: string) => `openai-chat/${name}`;

// ---- models -------------------------------------------------------------------------------

/** GET /v1/models as an OpenAI caller: an OpenAI-shaped list, or the one failure of models/*. */
export const modelList = defineExchange({
  id: p('models'),
  owner: p('models/list-shape'),
  description: 'GET /v1/models',
  make: async ({ target }) => {
    const exchange = await getOpenAi(target, '/v1/models');
    const list = okJson(exchange, 'GET /v1/models');
    expectSchema(OPENAI_CHAT_SCHEMA_IDS.modelList, list, 'the model list', { exchange: exchange.record });
    return list as { data: { id: string }[] } & Record<string, unknown>;
  },
});

// ---- embeddings ---------------------------------------------------------------------------

/** Statuses that say the embeddings endpoint (or its model) is not there. */
const ABSENT = new Set([404, 405, 501]);

/**
 * POST /v1/embeddings with two inputs, float vectors. Embeddings are an optional capability: a
 * target without the endpoint (404, 405, 501) or the model skips every embeddings check; one that
 * serves it answers `{object: "list", data: [{object: "embedding", index, embedding}], model, usage}`.
 */
export const embeddingsFloat = defineExchange({
  id: p('embeddings'),
  owner: p('embeddings/shape'),
  description: `POST /v1/embeddings (${EMBEDDING_MODEL}, two inputs, float)`,
  make: async ({ target }) => {
    const exchange = await rawExchange(target, { path: '/v1/embeddings', headers: openaiHeaders(target), body: embeddingBody({ encoding_format: 'float' }) });
    requireCapability(!ABSENT.has(exchange.status), `the target does not serve embeddings (${EMBEDDING_MODEL}): ${describeReply(exchange)}`);
    const body = okJson(exchange, 'POST /v1/embeddings');
    const on = { exchange: exchange.record };
    expectSchema(OPENAI_CHAT_SCHEMA_IDS.createEmbeddingResponse, body, 'the embeddings reply', on);
    const data = body.data as Record<string, unknown>[];
    expect(data.length === EMBEDDING_INPUTS.length, `${data.length} embeddings for ${EMBEDDING_INPUTS.length} inputs`, { ...on, expected: `${EMBEDDING_INPUTS.length} embeddings`, actual: String(data.length) });
    const vectors = EMBEDDING_INPUTS.map((_, i) => data.find((d) => d.index === i)?.embedding);
    vectors.forEach((vector, i) => {
      expect(Array.isArray(vector) && vector.length > 0, `embedding ${i} is ${preview(vector, 80)}, expected an array of numbers (encoding_format "float")`, { ...on, expected: 'an array of numbers', actual: preview(vector, 120) });
    });
    const lengths = new Set(vectors.map((v) => (v as number[]).length));
    expect(lengths.size === 1, `the embeddings have different lengths (${[...lengths].join(', ')})`, { ...on, expected: 'one length', actual: [...lengths].join(', ') });
    return { exchange, vectors: vectors as number[][] };
  },
});

// ---- logprobs -----------------------------------------------------------------------------

/**
 * The basic prompt with `logprobs: true, top_logprobs: 2`. A clean 400 means the target does not
 * offer logprobs (every logprobs check skips); a 200 must carry them: an accepted parameter whose
 * answer is dropped loses data (maximhq/bifrost#6529).
 */
export const logprobsReply = defineExchange({
  id: p('logprobs'),
  owner: p('logprobs/non-stream'),
  description: 'POST /v1/chat/completions with logprobs: true, top_logprobs: 2',
  make: async ({ target }) => {
    const exchange = await postChat(target, logprobsBody(target.model));
    requireCapabilityAccepted(exchange, 'return logprobs');
    const choice = firstChoice(okJson(exchange, 'the logprobs request'));
    const entries = jsonObject(choice.logprobs)?.content;
    const text = typeof messageOf(choice).content === 'string' ? (messageOf(choice).content as string) : '';
    const on = { exchange: exchange.record };
    expect(Array.isArray(entries) && entries.length > 0, `logprobs: true was accepted, but choices[0].logprobs is ${preview(choice.logprobs, 120)}`, {
      ...on,
      expected: '{content: [{token, logprob, bytes, top_logprobs}, …]}',
      actual: preview(choice.logprobs, 200),
    });
    expectLogprobs(entries, text, TOP_LOGPROBS, 'the reply');
    return { exchange, entries, text };
  },
});

/** The logprobs request streamed: each chunk carries the logprobs of its tokens. */
export const logprobsStream = defineExchange({
  id: p('stream:logprobs'),
  owner: p('logprobs/stream'),
  description: 'POST /v1/chat/completions (stream: true) with logprobs: true, top_logprobs: 2',
  make: async ({ target, use }) => {
    const capture = await streamChat(target, logprobsBody(target.model));
    requireCapabilityAccepted(capture.exchange, 'return logprobs');
    const stream = await chatStream(use, capture, 'logprobs');
    const choice = choiceZero(stream, 'logprobs');
    expect(choice.chunksWithLogprobs > 0, 'logprobs: true was accepted, but no chunk of the stream carries logprobs', {
      expected: 'choices[].logprobs.content on the content chunks',
      actual: 'none',
      exchange: capture.exchange.record,
    });
    expectLogprobs(choice.logprobs, choice.content, TOP_LOGPROBS, 'the stream');
    return { capture, entries: choice.logprobs, text: choice.content };
  },
});

/** Every shared exchange of the suite (ids unique, owners are checks: a test checks both). */
export const openaiChatExchanges: readonly SharedExchange<unknown>[] = [
  ...basicExchanges,
  ...streamExchanges,
  modelList,
  embeddingsFloat,
  logprobsReply,
  logprobsStream,
  ...errorExchanges,
];

export { basicReply, basicRepeat, completionText, sdkCompletion } from './basic-exchanges.ts';
export { badRequest, expectErrorReply, missingMessages } from './error-exchanges.ts';
export {
  basicStream,
  basicStreamComplete,
  bothStreams,
  chatStream,
  choiceZero,
  expectCompleteStream,
  expectStreamOk,
  sdkStreamFinal,
  toolStream,
  toolStreamCall,
  toolStreamComplete,
  usageChunk,
  usageStream,
  type ChatStream,
} from './stream-exchanges.ts';
