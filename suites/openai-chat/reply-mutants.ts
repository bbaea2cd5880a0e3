import { malformedBodyAnswersHtml } from '../harness/common-mutants.ts';
import { clone, defineMutant, isStream, jsonReply, mapJson, type Mutant, withRequestJson } from '../harness/mutant.ts';
import {
  editChoices,
  editMessages,
  editStreamChoices,
  editUsageChunks,
  id,
  isBasicPrompt,
  isChat,
  isEmbeddings,
  isLengthPrompt,
  isModelGet,
  isModelList,
  type Json,
  openaiError,
  renameFinish,
  without,
} from './mutant-helpers.ts';

const messagesOf = (body: Json | undefined) => (Array.isArray(body?.messages) ? (body.messages as Json[]) : []);

/** Broken variants of the mock's plain replies: tools, structured output, limits, n, logprobs and usage. */
export const replyMutants: Mutant[] = [
  // ---- basic ------------------------------------------------------------------------------
  defineMutant({
    id: 'json-content-type-text',
    description: 'Non-streaming replies are served as text/plain (the SDK then returns the body as a string).',
    breaks: [id('basic/json-content-type'), id('basic/sdk-create')],
    reply: (reply, r) => (isChat(r) && !isStream(reply) && reply.status === 200 ? { ...reply, headers: { ...reply.headers, 'content-type': 'text/plain; charset=utf-8' } } : reply),
  }),
  defineMutant({
    id: 'no-request-id',
    description: 'No x-request-id header.',
    breaks: [id('basic/request-id-header')],
    reply: (reply) => ({ ...reply, headers: Object.fromEntries(Object.entries(reply.headers).filter(([k]) => k !== 'x-request-id')) }),
  }),
  defineMutant({
    id: 'model-rewritten',
    description: 'The reply names another model than the one requested.',
    breaks: [id('basic/model-echo')],
    reply: (reply, r) => (isChat(r) ? mapJson(reply, (body) => ({ ...body, model: 'claude-haiku-4-5' })) : reply),
  }),
  defineMutant({
    id: 'end-turn-finish-reason',
    description: 'Anthropic’s end_turn leaks into finish_reason (BerriAI/litellm#12481).',
    breaks: [id('stop/natural-stop'), id('basic/response-schema'), id('stream/sdk-final-completion')],
    reply: (reply, r) => (isBasicPrompt(r) ? mapJson(reply, (body) => editChoices(body, (c) => (c.finish_reason === 'stop' ? { ...c, finish_reason: 'end_turn' } : c))) : reply),
  }),
  defineMutant({
    id: 'reject-developer-role',
    description: 'developer messages are rejected (servers that only know system/user/assistant/tool).',
    breaks: [id('basic/message-roles')],
    request: (r) =>
      messagesOf(r.json).some((m) => m.role === 'developer')
        ? openaiError(400, 'invalid_request_error', "Invalid value: 'developer'. Supported values are: 'system', 'assistant', 'user', 'tool'.", 'messages[0].role', 'invalid_value')
        : r,
  }),
  defineMutant({
    id: 'reject-tool-messages',
    description: 'tool messages answering a tool call are rejected.',
    breaks: [id('basic/tool-result-turn')],
    request: (r) => (messagesOf(r.json).some((m) => m.role === 'tool') ? openaiError(400, 'invalid_request_error', "Invalid value: 'tool'.", 'messages[2].role', 'invalid_value') : r),
  }),
  defineMutant({
    id: 'image-500',
    description: 'image_url parts crash the target (500).',
    breaks: [id('basic/image-input')],
    request: (r) => (r.bodyText.includes('"image_url"') ? openaiError(500, 'server_error', 'The server had an error while processing your request.') : r),
  }),
  defineMutant({
    id: 'reject-sdk-headers',
    description: 'Requests carrying the SDK’s x-stainless-* headers are rejected (a gateway allow-listing headers).',
    breaks: [id('basic/sdk-create')],
    request: (r) => (r.headers['x-stainless-lang'] !== undefined ? openaiError(400, 'invalid_request_error', 'Unsupported header: x-stainless-lang') : r),
  }),
  // ---- usage ------------------------------------------------------------------------------
  defineMutant({
    id: 'usage-total-wrong',
    description: 'total_tokens is not prompt_tokens + completion_tokens, streamed or not.',
    breaks: [id('usage/non-stream'), id('usage/include-usage-chunk')],
    reply: (reply) => {
      const off = (u: Json) => ({ ...u, total_tokens: (u.total_tokens as number) + 7 });
      return editUsageChunks(
        mapJson(reply, (body) => (body.usage ? { ...body, usage: off(body.usage as Json) } : body)),
        off,
      );
    },
  }),
  // ---- tools ------------------------------------------------------------------------------
  defineMutant({
    id: 'tool-finish-reason-stop',
    description: 'A forced tool call finishes with "stop" instead of "tool_calls" (BerriAI/litellm#35663).',
    breaks: [id('tools/required-tool-call'), id('tools/stream-finish-reason')],
    reply: (reply) => renameFinish(reply, 'tool_calls', 'stop'),
  }),
  defineMutant({
    id: 'tool-arguments-empty',
    description: 'Tool call arguments are "{}": the parameters’ required fields are ignored.',
    breaks: [id('tools/required-tool-call'), id('tools/named-tool-call')],
    reply: (reply) =>
      mapJson(reply, (body) =>
        editMessages(body, (m) => (Array.isArray(m.tool_calls) ? { ...m, tool_calls: (m.tool_calls as Json[]).map((c) => ({ ...c, function: { ...(c.function as Json), arguments: '{}' } })) } : m)),
      ),
  }),
  defineMutant({
    id: 'tool-choice-none-ignored',
    description: 'tool_choice "none" is treated like "required".',
    breaks: [id('tools/tool-choice-none')],
    request: (r) => (r.json?.tool_choice === 'none' ? withRequestJson(r, { ...r.json, tool_choice: 'required' }) : r),
  }),
  defineMutant({
    id: 'named-tool-choice-ignored',
    description: 'A named tool_choice is dropped to "auto": the model answers in text.',
    breaks: [id('tools/named-tool-call')],
    request: (r) => ((r.json?.tool_choice as Json | undefined)?.type === 'function' ? withRequestJson(r, { ...r.json, tool_choice: 'auto' }) : r),
  }),
  // ---- structured output ------------------------------------------------------------------
  defineMutant({
    id: 'json-schema-ignored',
    description: 'response_format is dropped on the way upstream: the content is plain text.',
    breaks: [id('structured-output/json-schema'), id('structured-output/json-schema-stream'), id('structured-output/sdk-parse')],
    request: (r) => (isChat(r) && r.json?.response_format ? withRequestJson(r, without(r.json, 'response_format')) : r),
  }),
  defineMutant({
    id: 'json-schema-violated',
    description: 'The structured content misses a required property of the schema.',
    breaks: [id('structured-output/json-schema'), id('structured-output/sdk-parse')],
    reply: (reply, r) =>
      r.json?.response_format
        ? mapJson(reply, (body) =>
            editMessages(body, (m) => {
              const value = JSON.parse(String(m.content)) as Json;
              return { ...m, content: JSON.stringify(without(value, 'conditions')) };
            }),
          )
        : reply,
  }),
  // ---- stop and length --------------------------------------------------------------------
  defineMutant({
    id: 'stop-ignored',
    description: 'stop sequences are dropped on the way upstream.',
    breaks: [id('stop/stop-sequence'), id('stop/stop-sequence-stream')],
    request: (r) => (isChat(r) && r.json?.stop ? withRequestJson(r, without(r.json, 'stop')) : r),
  }),
  defineMutant({
    id: 'max-tokens-ignored',
    description: 'max_tokens is not passed upstream: replies run to their natural end.',
    breaks: [id('stop/length'), id('stop/length-stream')],
    request: (r) => (isLengthPrompt(r) && r.json?.max_tokens !== undefined ? withRequestJson(r, without(r.json, 'max_tokens')) : r),
  }),
  defineMutant({
    id: 'max-completion-tokens-ignored',
    description: 'max_completion_tokens is not understood (only max_tokens is): replies run to their natural end.',
    breaks: [id('stop/max-completion-tokens')],
    request: (r) => (isLengthPrompt(r) && r.json?.max_completion_tokens !== undefined ? withRequestJson(r, without(r.json, 'max_completion_tokens')) : r),
  }),
  defineMutant({
    id: 'length-reported-as-stop',
    description: 'A reply cut by the budget says finish_reason "stop".',
    breaks: [id('stop/length'), id('stop/length-stream'), id('stop/max-completion-tokens')],
    reply: (reply) => renameFinish(reply, 'length', 'stop'),
  }),
  // ---- n ----------------------------------------------------------------------------------
  defineMutant({
    id: 'n-ignored',
    description: 'n is dropped: one choice comes back.',
    breaks: [id('n/choices'), id('n/stream')],
    request: (r) => (isChat(r) && typeof r.json?.n === 'number' ? withRequestJson(r, without(r.json, 'n')) : r),
  }),
  defineMutant({
    id: 'n-stream-one-finish',
    description: 'Streamed with n > 1, only the last choice gets a finish_reason.',
    breaks: [id('n/stream')],
    reply: (reply, r) =>
      typeof r.json?.n === 'number' ? editStreamChoices(reply, (choice) => (choice.index === 0 && choice.finish_reason !== null ? { ...choice, finish_reason: null } : choice)) : reply,
  }),
  // ---- logprobs ---------------------------------------------------------------------------
  defineMutant({
    id: 'logprobs-dropped',
    description: 'logprobs are accepted but dropped from the reply (maximhq/bifrost#6529).',
    breaks: [id('logprobs/non-stream')],
    reply: (reply) => mapJson(reply, (body) => editChoices(body, (c) => ({ ...c, logprobs: null }))),
  }),
  defineMutant({
    id: 'logprobs-dropped-stream',
    description: 'Streamed logprobs are dropped (the chunks say logprobs: null).',
    breaks: [id('logprobs/stream')],
    reply: (reply) => editStreamChoices(reply, (c) => ({ ...c, logprobs: null })),
  }),
  defineMutant({
    id: 'logprobs-stream-shifted',
    description: 'Streamed logprob values differ from the non-streamed ones for the same tokens.',
    breaks: [id('logprobs/stream-matches-non-stream')],
    reply: (reply) =>
      editStreamChoices(reply, (c) => {
        const content = (c.logprobs as Json | null)?.content;
        if (!Array.isArray(content)) return c;
        return { ...c, logprobs: { ...(c.logprobs as Json), content: (clone(content) as Json[]).map((e) => ({ ...e, logprob: (e.logprob as number) - 1 })) } };
      }),
  }),
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

