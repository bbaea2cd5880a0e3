import { malformedBodyAnswersHtml } from '../harness/common-mutants.ts';
import { defineMutant, jsonReply, mapJson, type Mutant, withRequestJson } from '../harness/mutant.ts';
import { id, isChat, isEmbeddings, isModelGet, isModelList, type Json, openaiError, without } from './mutant-helpers.ts';

/** Broken variants of the mock's other endpoints and its errors: models, embeddings, envelopes, auth. */
export const endpointMutants: Mutant[] = [
  // ---- models -----------------------------------------------------------------------------
  defineMutant({
    id: 'models-anthropic-shape',
    description: 'GET /v1/models answers Anthropic’s shape to a Bearer caller (QuantumNous/new-api#2422).',
    breaks: [id('models/list-shape')],
    reply: (reply, r) =>
      isModelList(r)
        ? mapJson(reply, (j) => ({ data: (j.data as Json[]).map((m) => ({ type: 'model', id: m.id, display_name: m.id, created_at: '2025-01-01T00:00:00Z' })), has_more: false }))
        : reply,
  }),
  defineMutant({
    id: 'model-retrieve-404',
    description: 'GET /v1/models/{id} is not implemented (404).',
    breaks: [id('models/retrieve')],
    request: (r) => (isModelGet(r) ? openaiError(404, 'invalid_request_error', `Invalid URL (GET ${r.url.pathname})`) : r),
  }),
  defineMutant({
    id: 'model-retrieve-unknown-200',
    description: 'GET /v1/models/{unknown} answers 200 with a made-up model.',
    breaks: [id('models/retrieve-unknown')],
    request: (r) => (isModelGet(r) && r.url.pathname.endsWith('no-such-model') ? jsonReply(200, { id: r.url.pathname.slice('/v1/models/'.length), object: 'model', created: 0, owned_by: 'system' }) : r),
  }),
  defineMutant({
    id: 'phantom-listed-model',
    description: 'The list names a model the chat route does not know (router-for-me/CLIProxyAPI#4410).',
    breaks: [id('models/listed-models-usable')],
    reply: (reply, r) => (isModelList(r) ? mapJson(reply, (j) => ({ ...j, data: [...(j.data as Json[]), { id: 'phantom-chat-1', object: 'model', created: 0, owned_by: 'system' }] })) : reply),
  }),
  // ---- embeddings -------------------------------------------------------------------------
  defineMutant({
    id: 'embeddings-always-base64',
    description: 'Embeddings come as base64 strings even when encoding_format is "float".',
    breaks: [id('embeddings/shape')],
    request: (r) => (isEmbeddings(r) && r.json ? withRequestJson(r, { ...r.json, encoding_format: 'base64' }) : r),
  }),
  defineMutant({
    id: 'embeddings-base64-float64',
    description: 'base64 embeddings hold float64 values instead of float32.',
    breaks: [id('embeddings/base64'), id('embeddings/sdk')],
    reply: (reply, r) =>
      isEmbeddings(r) && r.json?.encoding_format === 'base64'
        ? mapJson(reply, (j) => ({
            ...j,
            data: (j.data as Json[]).map((d) => {
              const floats = Buffer.from(String(d.embedding), 'base64');
              const doubles = Buffer.alloc((floats.byteLength / 4) * 8);
              for (let i = 0; i < floats.byteLength / 4; i++) doubles.writeDoubleLE(floats.readFloatLE(i * 4), i * 8);
              return { ...d, embedding: doubles.toString('base64') };
            }),
          }))
        : reply,
  }),
  defineMutant({
    id: 'embeddings-dimensions-ignored',
    description: 'dimensions is dropped: vectors keep their native length.',
    breaks: [id('embeddings/dimensions')],
    request: (r) => (isEmbeddings(r) && r.json?.dimensions !== undefined ? withRequestJson(r, without(r.json, 'dimensions')) : r),
  }),
  // ---- errors and auth --------------------------------------------------------------------
  defineMutant({
    id: 'anthropic-error-envelope',
    description: 'Errors use Anthropic’s envelope {type:"error", error:{type, message}} (an Anthropic-first gateway).',
    breaks: [id('errors/bad-request-envelope')],
    reply: (reply) =>
      reply.status >= 400
        ? mapJson(reply, (j) => {
            const error = (j.error ?? {}) as Json;
            return { type: 'error', error: { type: error.type, message: error.message } };
          })
        : reply,
  }),
  defineMutant({
    id: 'bad-request-500',
    description: 'A body without messages crashes the target (500 instead of 400).',
    breaks: [id('errors/bad-request-envelope'), id('errors/sdk-bad-request'), id('errors/stream-bad-request')],
    reply: (reply, r) => (reply.status === 400 && isChat(r) && r.json !== undefined && !('messages' in r.json) ? openaiError(500, 'server_error', 'The server had an error while processing your request.') : reply),
  }),
  defineMutant({
    id: 'vague-error',
    description: '400 errors say neither which parameter nor why (param null, "Bad request").',
    breaks: [id('errors/names-param')],
    reply: (reply) => (reply.status === 400 ? mapJson(reply, (j) => ({ error: { ...(j.error as Json), message: 'Bad request', param: null } })) : reply),
  }),
  defineMutant({
    id: 'stream-error-as-sse',
    description: 'An invalid streaming request gets 200 and an in-band error frame (BerriAI/litellm#9035).',
    breaks: [id('errors/stream-bad-request')],
    reply: (reply, r) =>
      r.json?.stream === true && reply.status === 400 ? { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, body: `data: ${reply.body}\n\ndata: [DONE]\n\n` } : reply,
  }),
  defineMutant({
    id: 'auth-optional',
    description: 'Requests without credentials are served.',
    breaks: [id('errors/missing-api-key'), id('errors/sdk-authentication-error')],
    request: (r) => (r.headers.authorization ? r : { ...r, headers: { ...r.headers, authorization: 'Bearer anonymous' } }),
  }),
  defineMutant({
    id: 'unknown-model-400',
    description: 'An unknown model answers 400 invalid_request_error instead of 404 model_not_found.',
    breaks: [id('errors/unknown-model')],
    reply: (reply, r) => (isChat(r) && reply.status === 404 ? openaiError(400, 'invalid_request_error', `Invalid model: ${String(r.json?.model)}`, 'model', 'invalid_value') : reply),
  }),
  malformedBodyAnswersHtml([id('errors/invalid-json')]),
];
