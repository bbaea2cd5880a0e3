import type { CanonicalUsage } from '../../core/canonical.ts';
import type { ResponseObject } from './store.ts';
import type { ResponsesRequestBody, StoredItem, ToolParam } from './wire-types.ts';

/**
 * `created_at` of every mock response: a fixed instant (2026-01-01T00:00:00Z), so that the same
 * request always gives the same bytes. `completed_at` is one second later.
 */
export const MOCK_CREATED_AT = 1_767_225_600;

/** The request-side facts a Response echoes. */
export interface ResponseEcho {
  readonly id: string;
  readonly body: ResponsesRequestBody;
  /** The reasoning effort in force (`medium` by default for OpenAI reasoning models), or null. */
  readonly effort: string | null;
}

/** Where a response stands and what it produced so far. */
export interface ResponseState {
  readonly status: 'queued' | 'in_progress' | 'completed' | 'incomplete' | 'cancelled';
  readonly output: readonly StoredItem[];
  readonly usage: ResponseUsage | null;
}

export type ResponseUsage = ReturnType<typeof encodeUsage>;

/**
 * `usage` as the API sends it: input, output and total tokens, cached and cache-write input
 * tokens, and the reasoning share of the output.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object#responses/object-usage
 */
export function encodeUsage(usage: CanonicalUsage) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cacheReadTokens, cache_write_tokens: usage.cacheWriteTokens },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.thinkingTokens },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/**
 * The Response object, keys in the live API's order, every echoed parameter at its effective
 * value (`temperature: 1`, `truncation: "disabled"`, `service_tier: "default"`…).
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */
export function encodeResponse(echo: ResponseEcho, state: ResponseState): ResponseObject {
  const { body } = echo;
  const finished = state.status === 'completed' || state.status === 'incomplete';
  return {
    id: echo.id,
    object: 'response',
    created_at: MOCK_CREATED_AT,
    status: state.status,
    background: body.background ?? false,
    completed_at: finished ? MOCK_CREATED_AT + 1 : null,
    error: null,
    incomplete_details: state.status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: body.max_tool_calls ?? null,
    model: body.model ?? '',
    output: state.output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    prompt_cache_retention: body.prompt_cache_retention ?? null,
    reasoning: { effort: echo.effort, summary: body.reasoning?.summary ?? null },
    safety_identifier: body.safety_identifier ?? null,
    service_tier: body.service_tier && body.service_tier !== 'auto' ? body.service_tier : 'default',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: body.text?.format ?? { type: 'text' }, verbosity: body.text?.verbosity ?? 'medium' },
    tool_choice: body.tool_choice ?? 'auto',
    tools: (body.tools ?? []).map(echoTool),
    top_logprobs: body.top_logprobs ?? 0,
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage: state.usage,
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  };
}

/** A function tool as the API echoes it: description and strictness at their effective values. */
function echoTool(tool: ToolParam): ToolParam {
  if (tool.type !== 'function') return tool;
  return { type: 'function', description: tool.description ?? null, name: tool.name, parameters: tool.parameters ?? null, strict: tool.strict ?? true };
}
