import type { HintRule } from '../harness/hints.ts';
import { jsonObject } from '../harness/http.ts';
import { foreignEnvelopeHint } from '../harness/error-envelopes.ts';

/** Anthropic's and Gemini's stop reasons: when one shows up as a finish_reason, a translation layer leaked it. */
const FOREIGN_STOP_REASONS = /"(end_turn|tool_use|max_tokens|stop_sequence|pause_turn|refusal|STOP|MAX_TOKENS|SAFETY)"/;

/** The usual mix-ups behind an OpenAI Chat failure, said in the reader's terms. */
export const openaiChatHints: readonly HintRule[] = [
  foreignEnvelopeHint('openai', 'an OpenAI route', 'OpenAI clients expect {error:{message, type, param, code}} (the SDK reads error.code and error.param)'),
  ({ json }) => {
    const body = jsonObject(json);
    return body?.object === 'response' || (Array.isArray(body?.output) && body.choices === undefined)
      ? 'this is an OpenAI Responses body (object "response", output[]), the reply of POST /v1/responses; /v1/chat/completions answers {object: "chat.completion", choices: [...]}'
      : undefined;
  },
  ({ json }) => {
    const body = jsonObject(json);
    return body?.type === 'message' && Array.isArray(body.content)
      ? 'this is an Anthropic Messages body (type "message", content blocks); /v1/chat/completions answers {object: "chat.completion", choices: [{message: {role, content}}]}'
      : undefined;
  },
  ({ json }) => {
    const list = jsonObject(json);
    const first = Array.isArray(list?.data) ? jsonObject(list.data[0]) : undefined;
    return first?.type === 'model' && list?.object === undefined
      ? 'this is an Anthropic-shaped model list ({data:[{type:"model", id, display_name}], has_more}); a Bearer caller expects {object:"list", data:[{id, object:"model", created, owned_by}]}'
      : undefined;
  },
  ({ message }) => {
    const reason = FOREIGN_STOP_REASONS.exec(message)?.[1];
    return reason && /finish_reason/.test(message)
      ? `"${reason}" is another protocol's stop reason leaking through a translation layer; OpenAI's finish_reason is one of stop, length, tool_calls, content_filter, function_call`
      : undefined;
  },
  ({ message }) =>
    message.includes('[DONE]')
      ? 'OpenAI Chat streams end with the frame data: [DONE] and nothing after it; clients that wait for it hang or report a cut-off stream without it'
      : undefined,
  ({ message }) =>
    /response\.[a-z_.]+/.test(message) && /stream/.test(message)
      ? 'response.* events belong to the Responses API stream (POST /v1/responses); a Chat stream is data-only chat.completion.chunk frames'
      : undefined,
  ({ message }) =>
    /no integer index/.test(message)
      ? 'openai-python\'s stream helper and the AI SDK place each tool-call delta by tool_calls[].index: without it they crash or merge calls (openai/openai-python#2806)'
      : undefined,
];
