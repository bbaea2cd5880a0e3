import { malformedBodyAnswersHtml, streamsServedAsJson, strayLineInFrames } from '../harness/common-mutants.ts';
import { defineMutant, isStream, jsonReply, mapEvents, mapJson, type Mutant, type SeenReply, withoutHeaders, withRequestJson } from '../harness/mutant.ts';
import { streamOnlyWhenAccepted, withDoneSentinel, withoutEventLines } from '../harness/sse-mutations.ts';

import { ANTHROPIC_VERSION } from '../../specs/anthropic-messages/index.ts';
import { capabilityMutants } from './capability-mutants.ts';
import { anthropicError, dataOf, editBlocks, editEvents, id, isCount, isMessages, isModelGet, isModelList, type Json, typeOf } from './mutant-helpers.ts';

function renameStop(value: unknown, from: string, to: string): unknown {
  return value === from ? to : value;
}

/** Rewrites the stop reason in both a JSON Message and the stream's message_delta. */
function editStopReason(reply: SeenReply, from: string, to: string): SeenReply {
  const json = mapJson(reply, (m) => ({ ...m, stop_reason: renameStop(m.stop_reason, from, to) }));
  return editEvents(json, ['message_delta'], (d) => {
    (d.delta as Json).stop_reason = renameStop((d.delta as Json).stop_reason, from, to);
  });
}

/**
 * Broken variants of the reference mock, each imitating a deviation seen in real gateways and
 * vendors. The suite's own tests run every check against every mutant: each mutant must fail the
 * checks it lists, and every check must fail against at least one mutant.
 */
export const anthropicMutants: Mutant[] = [
  // ---- stream framing ---------------------------------------------------------------------
  defineMutant({
    id: 'sse-no-event-lines',
    description: 'SSE frames carry only data: lines (stacklok/mockllm); the SDK then drops every event.',
    // The SDK checks that read these streams are blocked by event-line-matches-type: one deviation.
    breaks: [id('stream/event-line-matches-type')],
    reply: withoutEventLines,
  }),
  defineMutant({
    id: 'sse-done-sentinel',
    description: 'An OpenAI `data: [DONE]` frame is appended after message_stop (LiteLLM-style proxies).',
    breaks: [id('stream/no-done-sentinel')],
    reply: withDoneSentinel,
  }),
  strayLineInFrames([id('stream/frames-well-formed')]),
  streamsServedAsJson([id('stream/content-type'), id('stream/chosen-by-body')]),
  defineMutant({
    id: 'stream-by-accept-header',
    description: 'Streams only when Accept asks for text/event-stream; the SDKs send Accept: application/json.',
    breaks: [id('stream/chosen-by-body'), id('stream/sdk-events'), id('stream/sdk-final-message')],
    request: (r) => streamOnlyWhenAccepted(r),
  }),
  defineMutant({
    id: 'sse-truncated',
    description: 'The stream is cut off before message_delta and message_stop.',
    breaks: [id('stream/event-order')],
    reply: (reply) => mapEvents(reply, (events) => events.filter((e) => typeOf(e) !== 'message_delta' && typeOf(e) !== 'message_stop')),
  }),
  // ---- stream events ----------------------------------------------------------------------
  defineMutant({
    id: 'drop-content-block-stop',
    description: 'content_block_stop is never sent (LiteLLM PR #28868 review).',
    breaks: [id('stream/event-order')],
    reply: (reply) => mapEvents(reply, (events) => events.filter((e) => typeOf(e) !== 'content_block_stop')),
  }),
  defineMutant({
    id: 'foreign-event-type',
    description: 'An OpenAI Responses event (response.output_text.delta) leaks into an Anthropic stream.',
    breaks: [id('stream/known-event-types')],
    reply: (reply) =>
      mapEvents(reply, (events) =>
        events.flatMap((e) => (typeOf(e) === 'message_start' ? [e, { event: 'response.output_text.delta', data: { type: 'response.output_text.delta', delta: 'x' } }] : [e])),
      ),
  }),
  defineMutant({
    id: 'message-start-with-content',
    description: 'message_start already carries a content block.',
    breaks: [id('stream/message-start-shape')],
    reply: (reply) =>
      editEvents(reply, ['message_start'], (d) => {
        (d.message as Json).content = [{ type: 'text', text: '', citations: null }];
      }),
  }),
  defineMutant({
    id: 'block-index-from-one',
    description: 'Content block indices start at 1 (LiteLLM #27442 sent -1).',
    breaks: [id('stream/block-indices')],
    reply: (reply) =>
      editEvents(reply, ['content_block_start', 'content_block_delta', 'content_block_stop'], (d) => {
        d.index = (d.index as number) + 1;
      }),
  }),
  defineMutant({
    id: 'stream-text-altered',
    description: 'The streamed text differs from the non-streamed text for the same prompt.',
    breaks: [id('stream/sdk-text-matches-non-stream')],
    reply: (reply) =>
      editEvents(reply, ['content_block_delta'], (d) => {
        const delta = d.delta as Json;
        if (delta.type === 'text_delta') delta.text = String(delta.text).toUpperCase();
      }),
  }),
  defineMutant({
    id: 'stream-drops-text-block',
    description: 'The stream omits the text block the non-streamed reply has.',
    breaks: [id('stream/sdk-final-message')],
    reply: (reply) => {
      const textIndices = new Set<number>();
      return mapEvents(reply, (events) =>
        events.filter((e) => {
          const d = dataOf(e);
          if (d?.type === 'content_block_start' && (d.content_block as Json).type === 'text') textIndices.add(d.index as number);
          return !(d && typeof d.index === 'number' && textIndices.has(d.index));
        }),
      );
    },
  }),
  // ---- usage ------------------------------------------------------------------------------
  defineMutant({
    id: 'usage-start-zero',
    description: 'message_start reports input_tokens 0 (Vercel AI Gateway, vercel/ai#17326).',
    breaks: [id('usage/message-start'), id('usage/stream-matches-non-stream')],
    reply: (reply) =>
      editEvents(reply, ['message_start'], (d) => {
        ((d.message as Json).usage as Json).input_tokens = 0;
      }),
  }),
  defineMutant({
    id: 'usage-delta-no-output',
    description: 'message_delta reports output_tokens 0.',
    breaks: [id('usage/message-delta')],
    reply: (reply) =>
      editEvents(reply, ['message_delta'], (d) => {
        (d.usage as Json).output_tokens = 0;
      }),
  }),
  defineMutant({
    id: 'usage-delta-resets-input',
    description: 'message_delta overwrites input_tokens with 0 (envoyproxy/ai-gateway#1631).',
    breaks: [id('usage/cumulative-delta')],
    reply: (reply) =>
      editEvents(reply, ['message_delta'], (d) => {
        (d.usage as Json).input_tokens = 0;
      }),
  }),
  defineMutant({
    id: 'usage-zero',
    description: 'Non-streaming replies report output_tokens 0.',
    breaks: [id('usage/non-stream')],
    reply: (reply) => mapJson(reply, (m) => (m.type === 'message' ? { ...m, usage: { ...(m.usage as Json), output_tokens: 0 } } : m)),
  }),
  defineMutant({
    id: 'cache-fields-strings',
    description: 'Cache token counts are strings.',
    breaks: [id('usage/cache-fields'), id('basic/response-schema')],
    reply: (reply) =>
      mapJson(reply, (m) => (m.type === 'message' ? { ...m, usage: { ...(m.usage as Json), cache_creation_input_tokens: '0', cache_read_input_tokens: '0' } } : m)),
  }),
  // ---- basic ------------------------------------------------------------------------------
  defineMutant({
    id: 'json-content-type-text',
    description: 'Non-streaming replies are served as text/plain.',
    breaks: [id('basic/json-content-type')],
    reply: (reply) => (!isStream(reply) && reply.status === 200 ? { ...reply, headers: { ...reply.headers, 'content-type': 'text/plain; charset=utf-8' } } : reply),
  }),
  defineMutant({
    id: 'no-request-id',
    description: 'No request-id header and no request_id in error bodies.',
    breaks: [id('basic/request-id-header'), id('errors/request-id')],
    reply: (reply) => {
      const headers = Object.fromEntries(Object.entries(reply.headers).filter(([k]) => k !== 'request-id'));
      return mapJson({ ...reply, headers }, (json) => {
        const { request_id: _dropped, ...rest } = json;
        return rest;
      });
    },
  }),
  defineMutant({
    id: 'model-rewritten',
    description: 'The reply names a different model than the one requested.',
    breaks: [id('basic/model-echo')],
    reply: (reply) => mapJson(reply, (m) => (m.type === 'message' ? { ...m, model: 'gpt-4o-mini' } : m)),
  }),
  defineMutant({
    id: 'reject-cache-control',
    description: 'cache_control is rejected as an extra input (earendil-works/pi#7938).',
    breaks: [id('basic/system-and-cache-control')],
    request: (r) => (r.bodyText.includes('"cache_control"') ? anthropicError(400, 'invalid_request_error', 'tools.0.cache_control: Extra inputs are not permitted') : r),
  }),
  defineMutant({
    id: 'reject-multi-turn',
    description: 'Only single-turn requests are accepted.',
    breaks: [id('basic/multi-turn'), id('basic/tool-result-turn'), id('thinking/round-trip')],
    request: (r) =>
      isMessages(r) && Array.isArray(r.json?.messages) && r.json.messages.length > 1
        ? anthropicError(400, 'invalid_request_error', 'messages: only one message is supported')
        : r,
  }),
  defineMutant({
    id: 'image-500',
    description: 'Image blocks crash the target (500).',
    breaks: [id('basic/image-input')],
    request: (r) => (r.bodyText.includes('"type":"image"') ? anthropicError(500, 'api_error', 'Internal server error') : r),
  }),
  defineMutant({
    id: 'reject-beta-query',
    description: '`?beta=true` is not routed (404).',
    breaks: [id('basic/beta-query')],
    request: (r) => (r.url.searchParams.has('beta') ? anthropicError(404, 'not_found_error', 'Not Found') : r),
  }),
  // ---- tools ------------------------------------------------------------------------------
  defineMutant({
    id: 'tool-stop-reason-end-turn',
    description: 'A tool call ends with stop_reason end_turn (LiteLLM #34692, Bifrost #3638).',
    breaks: [id('tools/forced-tool-use'), id('tools/any-tool-use'), id('tools/stream-stop-reason'), id('tools/sdk-final-message')],
    reply: (reply) => editStopReason(reply, 'tool_use', 'end_turn'),
  }),
  defineMutant({
    id: 'tool-start-without-input',
    description: 'content_block_start for tool_use lacks `input: {}` (farion1231/cc-switch#2557).',
    breaks: [id('tools/stream-block-start'), id('stream/events-schema')],
    reply: (reply) =>
      editEvents(reply, ['content_block_start'], (d) => {
        delete (d.content_block as Json).input;
      }),
  }),
  defineMutant({
    id: 'tool-input-string',
    description: 'tool_use input is a JSON string instead of an object.',
    breaks: [id('tools/forced-tool-use'), id('tools/any-tool-use')],
    reply: (reply) => editBlocks(reply, (b) => (b.type === 'tool_use' ? { ...b, input: JSON.stringify(b.input) } : b)),
  }),
  defineMutant({
    id: 'tool-input-missing-required',
    description: 'Tool input is `{}`: it ignores the input_schema’s required fields.',
    breaks: [id('tools/forced-tool-use'), id('tools/stream-input-json'), id('tools/sdk-final-message')],
    reply: (reply) => {
      const json = editBlocks(reply, (b) => (b.type === 'tool_use' ? { ...b, input: {} } : b));
      // Client tool blocks only: a server tool's input is not the caller's input_schema.
      const toolBlocks = new Set<unknown>();
      const started = new Set<unknown>();
      return editEvents(json, ['content_block_start', 'content_block_delta'], (d) => {
        if (d.type === 'content_block_start' && (d.content_block as Json).type === 'tool_use') toolBlocks.add(d.index);
        const delta = d.delta as Json | undefined;
        if (d.type !== 'content_block_delta' || delta?.type !== 'input_json_delta' || !toolBlocks.has(d.index)) return;
        delta.partial_json = started.has(d.index) ? '' : '{}';
        started.add(d.index);
      });
    },
  }),
  defineMutant({
    id: 'input-json-as-text-delta',
    description: 'Tool arguments are streamed as text_delta (LiteLLM #29491).',
    breaks: [id('tools/stream-input-json'), id('stream/block-indices')],
    reply: (reply) =>
      editEvents(reply, ['content_block_delta'], (d) => {
        const delta = d.delta as Json;
        if (delta.type === 'input_json_delta') d.delta = { type: 'text_delta', text: delta.partial_json };
      }),
  }),
  defineMutant({
    id: 'empty-text-before-tool',
    description: 'An empty text block precedes the tool_use block (LiteLLM #34692).',
    breaks: [id('tools/no-empty-text-block')],
    reply: (reply) =>
      mapJson(reply, (m) => {
        const content = Array.isArray(m.content) ? (m.content as Json[]) : [];
        return content.some((b) => b.type === 'tool_use') ? { ...m, content: [{ type: 'text', text: '' }, ...content] } : m;
      }),
  }),
  defineMutant({
    id: 'reject-tool-choice-none',
    description: 'tool_choice {type:"none"} is rejected (deepseek-ai/awesome-deepseek-integration#606).',
    breaks: [id('tools/tool-choice-forms')],
    request: (r) =>
      (r.json?.tool_choice as Json | undefined)?.type === 'none' ? anthropicError(400, 'invalid_request_error', 'tool_choice.type: none is not supported') : r,
  }),
  defineMutant({
    id: 'tool-choice-none-ignored',
    description: 'tool_choice {type:"none"} is treated like "any".',
    breaks: [id('tools/tool-choice-none')],
    request: (r) => ((r.json?.tool_choice as Json | undefined)?.type === 'none' && r.json ? withRequestJson(r, { ...r.json, tool_choice: { type: 'any' } }) : r),
  }),
  defineMutant({
    id: 'tool-id-with-colon',
    description: 'tool_use ids copied from another vendor (`functions.get_weather:0`) that the API rejects on replay.',
    breaks: [id('tools/tool-use-id-format')],
    reply: (reply) => editBlocks(reply, (b) => (b.type === 'tool_use' ? { ...b, id: `functions.${String(b.name)}:0` } : b)),
  }),
  // ---- stop reasons -----------------------------------------------------------------------
  defineMutant({
    id: 'openai-stop-reasons',
    description: 'OpenAI finish reasons leak into Anthropic replies (end_turn → stop, max_tokens → length).',
    breaks: [id('stop/end-turn'), id('stop/max-tokens'), id('stop/max-tokens-stream'), id('basic/response-schema')],
    reply: (reply) => editStopReason(editStopReason(reply, 'end_turn', 'stop'), 'max_tokens', 'length'),
  }),
  defineMutant({
    id: 'max-tokens-ignored',
    description: 'max_tokens is not passed upstream: replies run to their natural end.',
    breaks: [id('stop/max-tokens'), id('stop/max-tokens-stream')],
    request: (r) => (isMessages(r) && r.json && typeof r.json.max_tokens === 'number' && r.json.max_tokens < 64 ? withRequestJson(r, { ...r.json, max_tokens: 4096 }) : r),
  }),
  defineMutant({
    id: 'stop-sequences-ignored',
    description: 'stop_sequences are dropped on the way upstream (vllm-project/vllm#45807).',
    breaks: [id('stop/stop-sequence'), id('stop/stop-sequence-stream')],
    request: (r) => {
      if (!r.json?.stop_sequences) return r;
      const { stop_sequences: _dropped, ...rest } = r.json;
      return withRequestJson(r, rest);
    },
  }),
  defineMutant({
    id: 'stop-sequence-null',
    description: 'stop_reason stop_sequence without naming the sequence.',
    breaks: [id('stop/stop-sequence'), id('stop/stop-sequence-stream')],
    reply: (reply) =>
      editEvents(
        mapJson(reply, (m) => (m.type === 'message' ? { ...m, stop_sequence: null } : m)),
        ['message_delta'],
        (d) => {
          (d.delta as Json).stop_sequence = null;
        },
      ),
  }),
  // ---- thinking ---------------------------------------------------------------------------
  defineMutant({
    id: 'thinking-without-signature',
    description: 'Thinking blocks lose their signature (8monkey-ai/hebo-gateway#131).',
    breaks: [id('thinking/signature'), id('thinking/stream-signature-delta')],
    reply: (reply) => {
      const json = editBlocks(reply, (b) => (b.type === 'thinking' ? { ...b, signature: '' } : b));
      return mapEvents(json, (events) => events.filter((e) => (dataOf(e)?.delta as Json | undefined)?.type !== 'signature_delta'));
    },
  }),
  defineMutant({
    id: 'reject-thinking-replay',
    description: 'Replayed thinking blocks are rejected (ding113/claude-code-hub#518).',
    breaks: [id('thinking/round-trip')],
    request: (r) => (isMessages(r) && r.bodyText.includes('"type":"thinking","thinking"') ? anthropicError(400, 'invalid_request_error', 'messages.1.content.0: Invalid `signature` in `thinking` block') : r),
  }),
  defineMutant({
    id: 'thinking-blocks-stripped',
    description: 'Thinking blocks are stripped from history, so a tampered signature is never checked.',
    breaks: [id('thinking/tampered-signature')],
    request: (r) => {
      if (!isMessages(r) || !Array.isArray(r.json?.messages)) return r;
      const messages = (r.json.messages as Json[]).map((m) =>
        Array.isArray(m.content) ? { ...m, content: (m.content as Json[]).filter((b) => b.type !== 'thinking') } : m,
      );
      return withRequestJson(r, { ...r.json, messages });
    },
  }),
  defineMutant({
    id: 'thinking-budget-unchecked',
    description: 'budget_tokens ≥ max_tokens is silently fixed up instead of rejected.',
    breaks: [id('thinking/budget-validation')],
    request: (r) => {
      const thinking = r.json?.thinking as Json | undefined;
      if (!r.json || thinking?.type !== 'enabled' || (r.json.max_tokens as number) > (thinking.budget_tokens as number)) return r;
      return withRequestJson(r, { ...r.json, max_tokens: (thinking.budget_tokens as number) + 1024 });
    },
  }),
  // ---- count_tokens -----------------------------------------------------------------------
  defineMutant({
    id: 'count-tokens-zero',
    description: 'count_tokens answers a fake {input_tokens: 0} (Wei-Shaw/sub2api#657).',
    breaks: [id('count-tokens/basic'), id('count-tokens/sdk')],
    reply: (reply, r) => (isCount(r) && reply.status === 200 ? { ...reply, body: JSON.stringify({ input_tokens: 0 }) } : reply),
  }),
  defineMutant({
    id: 'count-tokens-ignores-context',
    description: 'count_tokens ignores the system prompt and tools (router-for-me/CLIProxyAPI#679).',
    breaks: [id('count-tokens/counts-context')],
    request: (r) => {
      if (!isCount(r) || !r.json) return r;
      const { system: _s, tools: _t, ...rest } = r.json;
      return withRequestJson(r, rest);
    },
  }),
  defineMutant({
    id: 'count-tokens-off-by-one',
    description: 'count_tokens disagrees with usage.input_tokens for the same request.',
    breaks: [id('count-tokens/matches-usage')],
    reply: (reply, r) => (isCount(r) ? mapJson(reply, (j) => ({ ...j, input_tokens: (j.input_tokens as number) + 1 })) : reply),
  }),
  // ---- models -----------------------------------------------------------------------------
  defineMutant({
    id: 'models-openai-shape',
    description: 'GET /v1/models answers in OpenAI’s shape to an Anthropic caller (QuantumNous/new-api#2422).',
    breaks: [id('models/list-shape')],
    reply: (reply, r) =>
      isModelList(r)
        ? mapJson(reply, (j) => ({ object: 'list', data: (j.data as Json[]).map((m) => ({ id: m.id, object: 'model', created: 0, owned_by: 'anthropic' })) }))
        : reply,
  }),
  defineMutant({
    id: 'models-has-more-false',
    description: 'The model list never says has_more, so paginating clients stop after one page.',
    breaks: [id('models/sdk-pagination')],
    reply: (reply, r) => (isModelList(r) ? mapJson(reply, (j) => ({ ...j, has_more: false })) : reply),
  }),
  defineMutant({
    id: 'model-retrieve-404',
    description: 'GET /v1/models/{id} is not implemented (404).',
    breaks: [id('models/retrieve')],
    request: (r) => (isModelGet(r) ? anthropicError(404, 'not_found_error', 'Not Found') : r),
  }),
  defineMutant({
    id: 'model-retrieve-unknown-200',
    description: 'GET /v1/models/{unknown} answers 200 with a made-up model.',
    breaks: [id('models/retrieve-unknown')],
    request: (r) =>
      isModelGet(r) && r.url.pathname.endsWith('no-such-model')
        ? jsonReply(200, { type: 'model', id: r.url.pathname.slice('/v1/models/'.length), display_name: 'Unknown', created_at: '2025-01-01T00:00:00Z' })
        : r,
  }),
  defineMutant({
    id: 'phantom-listed-model',
    description: 'The list names a model that cannot be used (router-for-me/CLIProxyAPI#4410).',
    breaks: [id('models/listed-model-usable'), id('models/retrieve')],
    reply: (reply, r) =>
      isModelList(r) && !r.url.searchParams.has('after_id')
        ? mapJson(reply, (j) => ({
            ...j,
            data: [{ type: 'model', id: 'phantom-model-1', display_name: 'Phantom', created_at: '2026-12-31T00:00:00Z', max_input_tokens: null, max_tokens: null, capabilities: null }, ...(j.data as Json[])],
            first_id: 'phantom-model-1',
          }))
        : reply,
  }),
  // ---- errors and auth --------------------------------------------------------------------
  defineMutant({
    id: 'openai-error-envelope',
    description: 'Errors use OpenAI’s envelope {error:{message,type,param,code}} (kekzl/imp#1702).',
    breaks: [id('errors/bad-request-envelope')],
    reply: (reply) =>
      reply.status >= 400
        ? mapJson(reply, (j) => {
            const error = (j.error ?? {}) as Json;
            return { error: { message: error.message, type: error.type, param: null, code: null } };
          })
        : reply,
  }),
  defineMutant({
    id: 'bad-request-500',
    description: 'A body without max_tokens crashes the target (500 api_error instead of 400).',
    breaks: [id('errors/bad-request-envelope'), id('errors/sdk-bad-request'), id('errors/stream-bad-request')],
    reply: (reply, r) =>
      reply.status === 400 && isMessages(r) && r.json !== undefined && !('max_tokens' in r.json)
        ? { ...anthropicError(500, 'api_error', 'Internal server error'), headers: { ...reply.headers, 'x-should-retry': 'false' } }
        : reply,
  }),
  defineMutant({
    id: 'vague-error-message',
    description: '400 messages do not say which field is wrong.',
    breaks: [id('errors/names-field')],
    reply: (reply) => (reply.status === 400 ? mapJson(reply, (j) => ({ ...j, error: { ...(j.error as Json), message: 'Bad request' } })) : reply),
  }),
  defineMutant({
    id: 'stream-error-as-sse',
    description: 'An invalid streaming request gets 200 and an in-band error event (LiteLLM #9035).',
    breaks: [id('errors/stream-bad-request')],
    reply: (reply, r) =>
      r.json?.stream === true && reply.status === 400
        ? { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, body: `event: error\ndata: ${reply.body}\n\n` }
        : reply,
  }),
  defineMutant({
    id: 'auth-optional',
    description: 'Requests without credentials are served.',
    breaks: [id('errors/missing-api-key'), id('errors/sdk-authentication-error')],
    request: (r) => (r.headers['x-api-key'] || r.headers.authorization ? r : { ...r, headers: { ...r.headers, 'x-api-key': 'anonymous' } }),
  }),
  defineMutant({
    id: 'unknown-model-400',
    description: 'An unknown model answers 400 instead of 404.',
    breaks: [id('errors/unknown-model')],
    reply: (reply, r) => (isMessages(r) && reply.status === 404 ? anthropicError(400, 'invalid_request_error', `model: ${String(r.json?.model)}`) : reply),
  }),
  defineMutant({
    id: 'missing-version-500',
    description: 'A request without anthropic-version crashes the target (envoyproxy/ai-gateway#1909).',
    breaks: [id('errors/missing-version-handled')],
    request: (r) => (r.headers['anthropic-version'] ? r : anthropicError(500, 'api_error', 'Internal server error')),
  }),
  defineMutant({
    id: 'version-optional',
    description: 'anthropic-version is not required.',
    breaks: [id('errors/missing-version-rejected')],
    request: (r) => (r.headers['anthropic-version'] ? r : { ...r, headers: { ...r.headers, 'anthropic-version': ANTHROPIC_VERSION } }),
  }),
  malformedBodyAnswersHtml([id('errors/invalid-json')]),
  defineMutant({
    id: 'unknown-fields-ignored',
    description: 'Unknown top-level fields are silently dropped instead of rejected.',
    breaks: [id('errors/unknown-field')],
    request: (r) => {
      if (!isMessages(r) || !r.json) return r;
      const known = ['model', 'messages', 'max_tokens', 'system', 'stream', 'tools', 'tool_choice', 'thinking', 'stop_sequences', 'metadata', 'temperature', 'top_p', 'top_k', 'output_config'];
      return withRequestJson(r, Object.fromEntries(Object.entries(r.json).filter(([k]) => known.includes(k))));
    },
  }),
  defineMutant({
    id: 'bearer-rejected',
    description: 'Only x-api-key authenticates; Bearer (SDK ≥ 1.0, Claude Code) gets 401 (QwenLM/qwen-code#4323).',
    breaks: [id('auth/bearer')],
    request: (r) => (r.headers['x-api-key'] ? r : anthropicError(401, 'authentication_error', 'x-api-key header is required')),
  }),
  defineMutant({
    id: 'sdk-version-rejected',
    description: `Only anthropic-version ${ANTHROPIC_VERSION} is accepted; the official SDK sends a newer one and gets 400.`,
    breaks: [id('basic/sdk-create')],
    request: (r) =>
      r.headers['anthropic-version'] && r.headers['anthropic-version'] !== ANTHROPIC_VERSION
        ? anthropicError(400, 'invalid_request_error', `anthropic-version: unknown version ${r.headers['anthropic-version']}`)
        : r,
  }),
  defineMutant({
    id: 'x-api-key-rejected',
    description: 'Only Bearer authenticates; x-api-key gets 401 (ollama/ollama#16922).',
    breaks: [id('auth/x-api-key')],
    request: (r) => (r.headers.authorization ? r : withoutHeaders(r, 'x-api-key')),
  }),
  // ---- optional capabilities: server tools, structured output (capability-mutants.ts) -----
  ...capabilityMutants,
];
