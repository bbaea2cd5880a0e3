import type { HintRule } from '../harness/hints.ts';
import { jsonObject } from '../harness/http.ts';
import { foreignEnvelopeHint } from '../harness/error-envelopes.ts';

const OPENAI_FINISH_REASONS = new Set(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);

/** The usual mix-ups behind an Anthropic failure, said in the reader's terms. */
export const anthropicHints: readonly HintRule[] = [
  foreignEnvelopeHint('anthropic', 'an Anthropic route', 'Anthropic clients expect {type:"error", error:{type, message}, request_id}'),
  ({ exchange }) =>
    exchange?.responseHeaders?.['x-request-id'] !== undefined && exchange.responseHeaders['request-id'] === undefined
      ? "the reply carries x-request-id (OpenAI's header) but not request-id, which Anthropic clients read"
      : undefined,
  ({ json }) => {
    const list = jsonObject(json);
    const first = Array.isArray(list?.data) ? jsonObject(list.data[0]) : undefined;
    return list?.object === 'list' && (first === undefined || first.object === 'model')
      ? 'this is an OpenAI-shaped model list ({object:"list", data:[{id, object:"model", owned_by}]}); a caller sending anthropic-version expects {data:[{type:"model", id, display_name, created_at, …}], has_more, first_id, last_id}'
      : undefined;
  },
  ({ message }) =>
    /Field required/.test(message)
      ? 'a field the protocol requires is missing from the reply: gateways that re-serialise replies through their own types drop the fields they do not model'
      : undefined,
  ({ message }) => {
    const reason = /stop_reason[^"]*?(?:is|received) "([a-z_]+)"/.exec(message)?.[1];
    return reason && OPENAI_FINISH_REASONS.has(reason) ? `"${reason}" is an OpenAI finish_reason; Anthropic's stop reasons are end_turn, max_tokens, stop_sequence, tool_use, pause_turn, refusal` : undefined;
  },
  ({ message }) => (message.includes('[DONE]') ? 'data: [DONE] ends OpenAI Chat streams; an Anthropic stream ends with the message_stop event and nothing after it' : undefined),
  ({ checkId, message }) =>
    checkId.includes('/server-tools/') && message.includes('never run')
      ? 'the server tool (type web_search_…) was accepted but not run: gateways that translate to another protocol drop Anthropic-defined tools; pass them through, or answer a clean 400 so clients know web search is not offered'
      : undefined,
  ({ checkId, message }) =>
    checkId.includes('/structured-output/') && message.includes('is not JSON')
      ? 'output_config.format was accepted but not applied: forward it upstream (older clients send the beta output_format with anthropic-beta: structured-outputs-2025-11-13), or answer a clean 400 when the model cannot honour it'
      : undefined,
];
