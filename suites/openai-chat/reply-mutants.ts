import { clone, defineMutant, isStream, mapJson, type Mutant, withRequestJson } from '../harness/mutant.ts';
import {
  editChoices,
  editMessages,
  editStreamChoices,
  editUsageChunks,
  id,
  isBasicPrompt,
  isChat,
  isLengthPrompt,
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
];
