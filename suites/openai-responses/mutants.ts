import { defineMutant, isStream, jsonReply, mapJson, type Mutant, type SeenRequest, withRequestJson } from '../harness/mutant.ts';
import { editEvents, editResponse, id, isCreate, type Json, mapOutput, openaiError } from './mutant-kit.ts';
import { streamMutants } from './stream-mutants.ts';
import { UNKNOWN_MODEL } from '../harness/prompts.ts';

const isRetrieve = (r: SeenRequest) => r.method === 'GET' && /^\/v1\/responses\/[^/]+$/.test(r.url.pathname);
const isCancel = (r: SeenRequest) => r.method === 'POST' && /^\/v1\/responses\/[^/]+\/cancel$/.test(r.url.pathname);
const isInputTokens = (r: SeenRequest) => r.url.pathname === '/v1/responses/input_tokens';
const inputItems = (r: SeenRequest): Json[] => (Array.isArray(r.json?.input) ? (r.json.input as Json[]) : []);
/** A request body without some top-level fields. */
const without = (r: SeenRequest, ...names: string[]) => withRequestJson(r, Object.fromEntries(Object.entries(r.json ?? {}).filter(([k]) => !names.includes(k))));

/**
 * Broken variants of the reference mock, each imitating a deviation seen in real gateways and
 * servers. The mutant guard runs every check against every mutant: each mutant must fail the
 * checks it lists, and every check must fail against at least one mutant.
 */
export const responsesMutants: Mutant[] = [
  ...streamMutants,
  // ---- basic ------------------------------------------------------------------------------
  defineMutant({
    id: 'json-content-type-text',
    description: 'Responses are served as text/plain: the SDK hands back a string.',
    breaks: [id('basic/json-content-type'), id('basic/sdk-create')],
    reply: (reply) => (!isStream(reply) && reply.status === 200 ? { ...reply, headers: { ...reply.headers, 'content-type': 'text/plain; charset=utf-8' } } : reply),
  }),
  defineMutant({
    id: 'response-missing-required',
    description: 'The Response lacks fields the API reference requires (tools, parallel_tool_calls): a gateway re-serialising through its own types.',
    breaks: [id('basic/response-schema')],
    reply: (reply) =>
      editResponse(reply, (r) => {
        const { tools: _tools, parallel_tool_calls: _parallel, ...rest } = r;
        return rest;
      }),
  }),
  defineMutant({
    id: 'message-item-in-progress',
    description: 'The message item of a finished Response still says status "in_progress".',
    breaks: [id('basic/completed-message')],
    reply: (reply) => editResponse(reply, (r) => mapOutput(r, (item) => (item.type === 'message' ? { ...item, status: 'in_progress' } : item))),
  }),
  defineMutant({
    id: 'reject-instructions',
    description: '`instructions` is rejected as an unknown parameter.',
    breaks: [id('basic/instructions')],
    request: (r) => (isCreate(r) && r.json?.instructions !== undefined ? openaiError(400, "Unknown parameter: 'instructions'.", { param: 'instructions', code: 'unknown_parameter' }) : r),
  }),
  defineMutant({
    id: 'reject-assistant-input',
    description: 'Assistant messages in input are refused: only single-turn requests work.',
    breaks: [id('basic/multi-turn'), id('reasoning/encrypted-round-trip')],
    request: (r) => (isCreate(r) && inputItems(r).some((item) => item.role === 'assistant') ? openaiError(400, "Invalid value: 'assistant'.", { param: 'input[1].role' }) : r),
  }),
  defineMutant({
    id: 'image-500',
    description: 'An input_image part crashes the target (500).',
    breaks: [id('basic/image-input')],
    request: (r) => (r.bodyText.includes('"input_image"') ? jsonReply(500, { error: { message: 'Internal server error', type: 'server_error', param: null, code: null } }) : r),
  }),
  defineMutant({
    id: 'no-request-id',
    description: 'No x-request-id header on any reply.',
    breaks: [id('basic/request-id-header')],
    reply: (reply) => ({ ...reply, headers: Object.fromEntries(Object.entries(reply.headers).filter(([k]) => k !== 'x-request-id')) }),
  }),
  defineMutant({
    id: 'model-rewritten',
    description: 'The Response names another model than the one requested.',
    breaks: [id('basic/model-echo')],
    reply: (reply) => editResponse(reply, (r) => ({ ...r, model: 'gpt-4o-mini' })),
  }),
  // ---- usage ------------------------------------------------------------------------------
  defineMutant({
    id: 'usage-output-zero',
    description: 'Non-streamed Responses report output_tokens 0.',
    breaks: [id('usage/non-stream')],
    reply: (reply) => editResponse(reply, (r) => (r.usage ? { ...r, usage: { ...(r.usage as Json), output_tokens: 0, total_tokens: (r.usage as Json).input_tokens } } : r)),
  }),
  // ---- tools ------------------------------------------------------------------------------
  defineMutant({
    id: 'forced-tool-ignored',
    description: 'A forced function is ignored: the model answers in text (tools dropped by the gateway).',
    breaks: [id('tools/forced-function-call'), id('tools/stream-item-added')],
    request: (r) => (isCreate(r) && typeof r.json?.tool_choice === 'object' ? without(r, 'tools', 'tool_choice') : r),
  }),
  defineMutant({
    id: 'arguments-not-json',
    description: 'function_call arguments are cut short: not JSON.',
    breaks: [id('tools/forced-function-call')],
    reply: (reply) => editResponse(reply, (r) => mapOutput(r, (item) => (item.type === 'function_call' ? { ...item, arguments: String(item.arguments).slice(0, -1) } : item))),
  }),
  defineMutant({
    id: 'added-without-call-id',
    description: 'output_item.added announces the function_call without call_id and name (they only come with output_item.done).',
    breaks: [id('tools/stream-item-added'), id('events/events-schema')],
    reply: (reply) =>
      editEvents(reply, ['response.output_item.added'], (d) => {
        const item = d.item as Json;
        if (item.type !== 'function_call') return;
        delete item.call_id;
        delete item.name;
      }),
  }),
  defineMutant({
    id: 'argument-deltas-garbled',
    description: 'The first function_call_arguments.delta is sent twice: the deltas no longer add up to the arguments.',
    breaks: [id('tools/stream-arguments')],
    reply: (reply) => {
      let first = true;
      return editEvents(reply, ['response.function_call_arguments.delta'], (d) => {
        if (first) d.delta = `${String(d.delta)}${String(d.delta)}`;
        first = false;
      });
    },
  }),
  defineMutant({
    id: 'reject-function-call-output',
    description: 'function_call_output items in input are refused (stateless tool round trips fail).',
    breaks: [id('tools/function-call-output-turn')],
    request: (r) => (isCreate(r) && inputItems(r).some((item) => item.type === 'function_call_output') ? openaiError(400, "Invalid value: 'function_call_output'.", { param: 'input[2].type' }) : r),
  }),
  defineMutant({
    id: 'reject-tool-choice-none',
    description: 'tool_choice "none" is refused.',
    breaks: [id('tools/tool-choice-forms')],
    request: (r) => (isCreate(r) && r.json?.tool_choice === 'none' ? openaiError(400, "Invalid value: 'none'.", { param: 'tool_choice' }) : r),
  }),
  // ---- incomplete -------------------------------------------------------------------------
  defineMutant({
    id: 'cut-reported-completed',
    description: 'A reply cut by max_output_tokens says "completed" (kekzl/imp#1702: the cut is not reported).',
    breaks: [id('incomplete/max-output-tokens'), id('incomplete/stream')],
    reply: (reply) => {
      const complete = (r: Json) => (r.status === 'incomplete' ? { ...r, status: 'completed', incomplete_details: null } : r);
      return editEvents(editResponse(reply, complete), ['response.incomplete'], (d) => ({ ...d, type: 'response.completed', response: complete(d.response as Json) }));
    },
  }),
  // ---- state ------------------------------------------------------------------------------
  defineMutant({
    id: 'retrieve-404',
    description: 'GET /v1/responses/{id} is not served: stored responses cannot be retrieved.',
    breaks: [id('state/retrieve'), id('background/poll')],
    request: (r) => (isRetrieve(r) ? openaiError(404, `Invalid URL (GET ${r.url.pathname})`) : r),
  }),
  defineMutant({
    id: 'reject-previous-response-id',
    description: 'previous_response_id is refused: conversations cannot continue server-side.',
    breaks: [id('state/previous-response-id')],
    request: (r) => (isCreate(r) && r.json?.previous_response_id !== undefined ? openaiError(400, "Unknown parameter: 'previous_response_id'.", { param: 'previous_response_id' }) : r),
  }),
  defineMutant({
    id: 'unknown-previous-response-500',
    description: 'An unknown previous_response_id crashes the target (500) instead of a not-found error clients recover on.',
    breaks: [id('state/unknown-previous-response')],
    reply: (reply) => (reply.body.includes('previous_response_not_found') ? jsonReply(500, { error: { message: 'Internal server error', type: 'server_error', param: null, code: null } }) : reply),
  }),
  defineMutant({
    id: 'store-false-ignored',
    description: 'store: false is ignored: the response is stored and served anyway.',
    breaks: [id('state/store-false')],
    request: (r) => (isCreate(r) && r.json?.store === false ? without(r, 'store') : r),
  }),
  // ---- optional capabilities --------------------------------------------------------------
  defineMutant({
    id: 'input-tokens-zero',
    description: 'input_tokens counts 0 for every request.',
    breaks: [id('input-tokens/count')],
    reply: (reply, request) => (isInputTokens(request) ? mapJson(reply, (json) => ({ ...json, input_tokens: 0 })) : reply),
  }),
  defineMutant({
    id: 'input-tokens-off-by-one',
    description: 'input_tokens counts one more than usage.input_tokens for the same request.',
    breaks: [id('input-tokens/matches-usage')],
    reply: (reply, request) => (isInputTokens(request) ? mapJson(reply, (json) => ({ ...json, input_tokens: Number(json.input_tokens) + 1 })) : reply),
  }),
  defineMutant({
    id: 'json-schema-ignored',
    description: 'text.format is dropped: structured-output requests get prose.',
    breaks: [id('structured-output/json-schema')],
    request: (r) => (isCreate(r) && r.json?.text !== undefined ? without(r, 'text') : r),
  }),
  defineMutant({
    id: 'reasoning-summary-string',
    description: 'Reasoning items carry their summary as a string, not a list of summary_text parts.',
    breaks: [id('reasoning/item-shape')],
    reply: (reply, request) =>
      request.json?.include === undefined && (request.json?.reasoning as Json | undefined)?.summary !== undefined
        ? editResponse(reply, (r) => mapOutput(r, (item) => (item.type === 'reasoning' ? { ...item, summary: 'thinking…' } : item)))
        : reply,
  }),
  defineMutant({
    id: 'encrypted-content-dropped',
    description: 'include ["reasoning.encrypted_content"] is ignored: stateless clients cannot carry reasoning over.',
    breaks: [id('reasoning/encrypted-round-trip')],
    reply: (reply) =>
      editResponse(reply, (r) =>
        mapOutput(r, (item) => {
          const { encrypted_content: _dropped, ...rest } = item;
          return rest;
        }),
      ),
  }),
  defineMutant({
    id: 'background-poll-loses-output',
    description: 'A polled background response completes with no output.',
    breaks: [id('background/poll')],
    reply: (reply, request) => (isRetrieve(request) ? editResponse(reply, (r) => (r.background === true && r.status === 'completed' ? { ...r, output: [] } : r)) : reply),
  }),
  defineMutant({
    id: 'cancel-ignored',
    description: 'POST …/cancel answers the background response unchanged, still running.',
    breaks: [id('background/cancel')],
    reply: (reply, request) => (isCancel(request) ? editResponse(reply, (r) => ({ ...r, status: 'in_progress' })) : reply),
  }),
  // ---- errors -----------------------------------------------------------------------------
  defineMutant({
    id: 'error-anthropic-envelope',
    description: "Errors come in Anthropic's envelope {type:\"error\", error:{type, message}}.",
    breaks: [id('errors/bad-request-envelope')],
    reply: (reply) => {
      if (reply.status < 400 || isStream(reply)) return reply;
      const body = JSON.parse(reply.body) as { error: { message: string } };
      return jsonReply(reply.status, { type: 'error', error: { type: 'invalid_request_error', message: body.error.message } });
    },
  }),
  defineMutant({
    id: 'validation-422',
    description: 'Invalid bodies answer 422 (a framework validation error) instead of 400.',
    breaks: [id('errors/bad-request-envelope'), id('errors/sdk-bad-request')],
    reply: (reply, request) => (reply.status === 400 && typeof request.json?.input === 'number' && request.json.stream !== true ? { ...reply, status: 422 } : reply),
  }),
  defineMutant({
    id: 'invalid-stream-200-error-event',
    description: 'An invalid streaming request answers 200 with an error event instead of a 400.',
    breaks: [id('errors/stream-bad-request')],
    request: (r) =>
      isCreate(r) && r.json?.stream === true && typeof r.json.input === 'number'
        ? { status: 200, headers: { 'content-type': 'text/event-stream' }, body: 'event: error\ndata: {"type":"error","sequence_number":0,"code":"invalid_type","message":"Invalid type for \'input\'.","param":"input"}\n\n' }
        : r,
  }),
  defineMutant({
    id: 'missing-key-accepted',
    description: 'Requests without credentials are served.',
    breaks: [id('errors/missing-api-key')],
    request: (r) => (r.headers.authorization === undefined ? { ...r, headers: { ...r.headers, authorization: 'Bearer sk-mutant' } } : r),
  }),
  defineMutant({
    id: 'unknown-model-fallback',
    description: 'An unknown model is silently served by a default model (icebear0828/codex-proxy#749).',
    breaks: [id('errors/unknown-model')],
    request: (r) => (isCreate(r) && r.json?.model === UNKNOWN_MODEL ? withRequestJson(r, { ...r.json, model: 'gpt-5.4-mini' }) : r),
  }),
  defineMutant({
    id: 'invalid-json-500',
    description: 'A malformed JSON body crashes the target (500).',
    breaks: [id('errors/invalid-json')],
    request: (r) => (r.method === 'POST' && r.bodyText !== '' && r.json === undefined ? jsonReply(500, { error: { message: 'Internal server error', type: 'server_error', param: null, code: null } }) : r),
  }),
  defineMutant({
    id: 'unknown-parameter-accepted',
    description: 'Unknown parameters are silently dropped instead of rejected.',
    breaks: [id('errors/unknown-parameter')],
    request: (r) => (isCreate(r) && r.json?.llm_conformance_unknown !== undefined ? without(r, 'llm_conformance_unknown') : r),
  }),
];
