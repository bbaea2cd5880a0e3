import { clone, defineMutant, jsonReply, mapJson, type Mutant, type SeenRequest, withRequestJson } from '../harness/mutant.ts';
import { partsIn } from './chunks.ts';
import { configOf, editResponses, googleErrorReply, isSdk, type Json, methodOf, versionOf, wantsSse } from './mutant-kit.ts';
import { EMBEDDING_MODEL, UNKNOWN_MODEL, WEATHER_FUNCTION } from './requests.ts';

const id = (name: string) => `gemini/${name}`;

/** The request with `edit` applied to a copy of its body. */
function editRequest(r: SeenRequest, edit: (body: Json) => void): SeenRequest {
  if (!r.json) return r;
  const body = clone(r.json);
  edit(body);
  return withRequestJson(r, body);
}

const calling = (body: Json) => (body.toolConfig as { functionCallingConfig?: Json } | undefined)?.functionCallingConfig;
const contentsParts = (body: Json) => (Array.isArray(body.contents) ? (body.contents as Json[]).flatMap((c) => (Array.isArray(c.parts) ? (c.parts as Json[]) : [])) : []);
const isModelList = (r: SeenRequest) => /^\/v1(beta)?\/models$/.test(r.url.pathname);
const isModelGet = (r: SeenRequest) => /^\/v1(beta)?\/models\/[^/:]+$/.test(r.url.pathname);

/** The known top-level fields of a GenerateContentRequest. */
const REQUEST_FIELDS = new Set(['model', 'contents', 'systemInstruction', 'tools', 'toolConfig', 'safetySettings', 'generationConfig', 'cachedContent']);

/**
 * Broken variants of the reference mock for the feature checks: function calling, thought
 * signatures, JSON mode, countTokens, models, embeddings and errors.
 */
export const featureMutants: Mutant[] = [
  // ---- function calling ---------------------------------------------------------------------
  defineMutant({
    id: 'args-as-string',
    description: 'functionCall.args is a JSON string instead of an object (OpenAI-style arguments), as gateways translating from Chat send it.',
    breaks: [id('tools/function-call'), id('tools/function-response-turn')],
    reply: (reply, r) =>
      isSdk(r)
        ? reply
        : editResponses(reply, (res) => partsIn(res).forEach((p) => (p.functionCall as Json | undefined)?.name === WEATHER_FUNCTION.name && ((p.functionCall as Json).args = JSON.stringify((p.functionCall as Json).args))), { sse: false, array: false }),
  }),
  defineMutant({
    id: 'allowed-names-ignored',
    description: 'allowedFunctionNames is not forwarded: the model may call any declared function.',
    breaks: [id('tools/allowed-function-names')],
    request: (r) => (r.json && calling(r.json)?.allowedFunctionNames ? editRequest(r, (b) => delete calling(b)!.allowedFunctionNames) : r),
  }),
  defineMutant({
    id: 'mode-none-as-any',
    description: 'functionCallingConfig mode NONE is translated to ANY.',
    breaks: [id('tools/mode-none')],
    request: (r) => (r.json && calling(r.json)?.mode === 'NONE' ? editRequest(r, (b) => (calling(b)!.mode = 'ANY')) : r),
  }),
  defineMutant({
    id: 'stream-tools-dropped',
    description: 'tools and toolConfig are not forwarded on :streamGenerateContent: the streamed reply is text.',
    breaks: [id('tools/stream-function-call')],
    request: (r) =>
      methodOf(r) === 'streamGenerateContent' && r.json?.tools
        ? editRequest(r, (b) => {
            delete b.tools;
            delete b.toolConfig;
          })
        : r,
  }),
  defineMutant({
    id: 'function-response-rejected',
    description: 'A functionResponse turn is rejected: the gateway loses the model turn before it (functionCall without its response).',
    breaks: [id('tools/function-response-turn')],
    request: (r) =>
      r.json && contentsParts(r.json).some((p) => p.functionResponse !== undefined)
        ? googleErrorReply(400, 'INVALID_ARGUMENT', 'Please ensure that function response turn comes immediately after a function call turn.')
        : r,
  }),
  defineMutant({
    id: 'sdk-tools-dropped',
    description: "The SDK's requests (x-goog-api-client) are rebuilt from a typed model that has no tools: the forced call never happens.",
    breaks: [id('tools/sdk-function-calls')],
    request: (r) =>
      isSdk(r) && r.json?.tools
        ? editRequest(r, (b) => {
            delete b.tools;
            delete b.toolConfig;
          })
        : r,
  }),
  // ---- thought signatures -------------------------------------------------------------------
  defineMutant({
    id: 'signature-snake-case',
    description: 'thoughtSignature is re-serialised as thought_signature (a snake_case proxy model); clients read only the camelCase name.',
    breaks: [id('thinking/signature')],
    reply: (reply) =>
      editResponses(
        reply,
        (res) =>
          partsIn(res).forEach((p) => {
            if (p.thoughtSignature === undefined) return;
            p.thought_signature = p.thoughtSignature;
            delete p.thoughtSignature;
          }),
        { sse: false, array: false },
      ),
  }),
  defineMutant({
    id: 'stream-signature-dropped',
    description: 'Streamed parts lose their thoughtSignature (a proxy that re-assembles chunks; musistudio/claude-code-router#1431).',
    breaks: [id('thinking/stream-signature')],
    reply: (reply) => editResponses(reply, (res) => partsIn(res).forEach((p) => delete p.thoughtSignature), { plain: false, array: false }),
  }),
  defineMutant({
    id: 'signatures-stripped-upstream',
    description: 'The gateway strips thoughtSignature from the request parts it forwards, so an altered one is never checked.',
    breaks: [id('thinking/tampered-signature')],
    request: (r) => (r.bodyText.includes('"thoughtSignature"') ? editRequest(r, (b) => contentsParts(b).forEach((p) => delete p.thoughtSignature)) : r),
  }),
  // ---- JSON mode ----------------------------------------------------------------------------
  defineMutant({
    id: 'response-json-schema-dropped',
    description: 'responseJsonSchema (and its responseMimeType) are not forwarded: the answer is prose.',
    breaks: [id('structured/response-json-schema')],
    request: (r) => (configOf(r)?.responseJsonSchema ? editRequest(r, (b) => ['responseJsonSchema', 'responseMimeType'].forEach((k) => delete (b.generationConfig as Json)[k])) : r),
  }),
  defineMutant({
    id: 'response-schema-dropped',
    description: 'responseSchema (and its responseMimeType) are not forwarded: the answer is prose.',
    breaks: [id('structured/response-schema')],
    request: (r) => (configOf(r)?.responseSchema ? editRequest(r, (b) => ['responseSchema', 'responseMimeType'].forEach((k) => delete (b.generationConfig as Json)[k])) : r),
  }),
  // ---- countTokens --------------------------------------------------------------------------
  defineMutant({
    id: 'count-zero',
    description: ':countTokens answers totalTokens 0 (lbjlaq/Antigravity-Manager PR #3295 hardcoded it).',
    breaks: [id('count-tokens/basic')],
    reply: (reply, r) => (methodOf(r) === 'countTokens' ? mapJson(reply, (json) => ('totalTokens' in json ? { ...json, totalTokens: 0 } : json)) : reply),
  }),
  defineMutant({
    id: 'count-off-by-five',
    description: ':countTokens counts 5 more tokens than the prompt is billed.',
    breaks: [id('count-tokens/matches-usage')],
    reply: (reply, r) => (methodOf(r) === 'countTokens' ? mapJson(reply, (json) => (typeof json.totalTokens === 'number' ? { ...json, totalTokens: json.totalTokens + 5 } : json)) : reply),
  }),
  defineMutant({
    id: 'count-ignores-context',
    description: ':countTokens of a generateContentRequest counts its contents only (system instruction and tools left out).',
    breaks: [id('count-tokens/whole-request')],
    request: (r) => {
      const whole = r.json?.generateContentRequest as Json | undefined;
      return methodOf(r) === 'countTokens' && whole ? withRequestJson(r, { contents: whole.contents }) : r;
    },
  }),
  defineMutant({
    id: 'v1-count-not-served',
    description: ':countTokens is routed under /v1beta only; the SDK counts under /v1.',
    breaks: [id('count-tokens/sdk')],
    request: (r) => (versionOf(r) === 'v1' && methodOf(r) === 'countTokens' ? googleErrorReply(404, 'NOT_FOUND', 'Method not found.') : r),
  }),
  // ---- models -------------------------------------------------------------------------------
  defineMutant({
    id: 'models-without-methods',
    description: 'The /v1beta model list leaves out supportedGenerationMethods.',
    breaks: [id('models/list-shape'), id('models/target-listed')],
    reply: (reply, r) =>
      isModelList(r) && versionOf(r) === 'v1beta'
        ? mapJson(reply, (json) => ({ ...json, models: (json.models as Json[]).map(({ supportedGenerationMethods: _m, ...model }) => model) }))
        : reply,
  }),
  defineMutant({
    id: 'v1-models-openai-shape',
    description: "GET /v1/models answers OpenAI's list to a Gemini caller (a gateway that owns /v1/models for OpenAI).",
    breaks: [id('models/v1-gemini-shape'), id('models/sdk-pager')],
    reply: (reply, r) =>
      isModelList(r) && versionOf(r) === 'v1'
        ? mapJson(reply, (json) => ({ object: 'list', data: (json.models as Json[]).map((m) => ({ id: String(m.name).replace('models/', ''), object: 'model', owned_by: 'google' })) }))
        : reply,
  }),
  defineMutant({
    id: 'page-token-ignored',
    description: 'GET /v1/models ignores pageToken: every page is the first one, so the pager loops on one model.',
    breaks: [id('models/sdk-pager')],
    request: (r) => {
      if (!isModelList(r) || !r.url.searchParams.has('pageToken')) return r;
      const url = new URL(r.url);
      url.searchParams.delete('pageToken');
      return { ...r, url };
    },
  }),
  defineMutant({
    id: 'model-name-unprefixed',
    description: 'GET models/{model} names the model without its "models/" prefix.',
    breaks: [id('models/get')],
    reply: (reply, r) => (isModelGet(r) ? mapJson(reply, (json) => (typeof json.name === 'string' ? { ...json, name: json.name.replace(/^models\//, '') } : json)) : reply),
  }),
  defineMutant({
    id: 'unknown-model-found',
    description: 'GET models/{unknown} answers 200 with a made-up model.',
    breaks: [id('models/get-unknown')],
    request: (r) => (isModelGet(r) && r.url.pathname.endsWith(UNKNOWN_MODEL) ? jsonReply(200, { name: `models/${UNKNOWN_MODEL}`, supportedGenerationMethods: ['generateContent'] }) : r),
  }),
  defineMutant({
    id: 'target-model-unlisted',
    description: 'The /v1beta model list leaves out the default model although it serves it.',
    breaks: [id('models/target-listed')],
    reply: (reply, r) =>
      isModelList(r) && versionOf(r) === 'v1beta' ? mapJson(reply, (json) => ({ ...json, models: (json.models as Json[]).filter((m) => m.name !== 'models/gemini-2.5-flash') })) : reply,
  }),
  // ---- embeddings ---------------------------------------------------------------------------
  defineMutant({
    id: 'embed-dimensions-ignored',
    description: ':embedContent ignores outputDimensionality and answers the full vector.',
    breaks: [id('embeddings/embed-content')],
    request: (r) => (methodOf(r) === 'embedContent' && r.json?.outputDimensionality ? editRequest(r, (b) => delete b.outputDimensionality) : r),
  }),
  defineMutant({
    id: 'batch-reversed',
    description: ':batchEmbedContents answers the embeddings in reverse order.',
    breaks: [id('embeddings/batch')],
    reply: (reply, r) => (methodOf(r) === 'batchEmbedContents' && !isSdk(r) ? mapJson(reply, (json) => ({ ...json, embeddings: [...(json.embeddings as unknown[])].reverse() })) : reply),
  }),
  defineMutant({
    id: 'v1-embed-not-served',
    description: `:batchEmbedContents is routed under /v1beta only; the SDK embeds under /v1 (models/${EMBEDDING_MODEL}).`,
    breaks: [id('embeddings/sdk')],
    request: (r) => (versionOf(r) === 'v1' && methodOf(r) === 'batchEmbedContents' ? googleErrorReply(404, 'NOT_FOUND', 'Method not found.') : r),
  }),
  // ---- errors -------------------------------------------------------------------------------
  defineMutant({
    id: 'bad-request-without-status',
    description: 'The 400 to an invalid request has no error.status (only code and message).',
    breaks: [id('errors/bad-request-envelope')],
    reply: (reply, r) => (methodOf(r) === 'generateContent' && reply.status === 400 && reply.body.includes('parts') ? mapJson(reply, (json) => ({ error: { code: 400, message: (json.error as Json).message } })) : reply),
  }),
  defineMutant({
    id: 'generic-error-messages',
    description: 'Every 400 says only "Request contains an invalid argument.".',
    breaks: [id('errors/names-field')],
    reply: (reply) => (reply.status === 400 ? mapJson(reply, (json) => ({ error: { ...(json.error as Json), message: 'Request contains an invalid argument.' } })) : reply),
  }),
  defineMutant({
    id: 'unknown-model-400',
    description: 'An unknown model on :generateContent answers 400 INVALID_ARGUMENT instead of 404 NOT_FOUND.',
    breaks: [id('errors/unknown-model'), id('errors/sdk-api-error')],
    request: (r) => (methodOf(r) === 'generateContent' && r.url.pathname.includes(UNKNOWN_MODEL) ? googleErrorReply(400, 'INVALID_ARGUMENT', `Model ${UNKNOWN_MODEL} is not valid.`) : r),
  }),
  defineMutant({
    id: 'sdk-errors-as-text',
    description: "Errors to the SDK's requests come as text/plain from an intermediate proxy: the SDK's ApiError loses the google.rpc status.",
    breaks: [id('errors/sdk-api-error'), id('errors/stream-bad-request')],
    reply: (reply, r) => (isSdk(r) && reply.status >= 400 ? { ...reply, headers: { ...reply.headers, 'content-type': 'text/plain' } } : reply),
  }),
  defineMutant({
    id: 'stream-error-in-band',
    description: 'An invalid streaming request answers 200 with the error as an SSE chunk (BerriAI/litellm#9035).',
    breaks: [id('errors/stream-bad-request')],
    reply: (reply, r) =>
      methodOf(r) === 'streamGenerateContent' && wantsSse(r) && reply.status === 400
        ? { status: 200, headers: { 'content-type': 'text/event-stream' }, body: `data: ${JSON.stringify(JSON.parse(reply.body))}\n\n` }
        : reply,
  }),
  defineMutant({
    id: 'invalid-json-500',
    description: 'A malformed JSON body crashes the target: 500 INTERNAL.',
    breaks: [id('errors/invalid-json')],
    request: (r) => (r.method === 'POST' && r.bodyText !== '' && r.json === undefined ? googleErrorReply(500, 'INTERNAL', 'Internal error encountered.') : r),
  }),
  defineMutant({
    id: 'unknown-fields-accepted',
    description: 'Unknown request fields are dropped silently instead of rejected.',
    breaks: [id('errors/unknown-field')],
    request: (r) => (methodOf(r) === 'generateContent' && r.json && Object.keys(r.json).some((k) => !REQUEST_FIELDS.has(k)) ? editRequest(r, (b) => Object.keys(b).forEach((k) => REQUEST_FIELDS.has(k) || delete b[k])) : r),
  }),
];

