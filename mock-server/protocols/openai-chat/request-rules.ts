import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import { OpenAIError } from '../openai-common/errors.ts';
import { allowedName } from './decode-request.ts';
import type { ChatMessageParam, ChatRequestBody } from './wire-types.ts';
import { toolName } from './wire-types.ts';

const fail = (message: string, param: string | null, code: string | null = null) =>
  new OpenAIError('invalid_request', message, { ...(param !== null ? { param } : {}), code });

/**
 * Rules the Chat Completions API enforces beyond the JSON Schema, each throwing the 400 the live
 * API answers (its words, `param` and `code` where known): model-specific parameters, tool call
 * pairing, tool and response-format consistency, stream options.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 * @see https://platform.openai.com/docs/guides/reasoning
 */
export function checkRequestRules(body: ChatRequestBody, model: CatalogModel): void {
  checkModelParameters(body, model);
  checkMessages(body.messages);
  checkTools(body);
  checkOutputOptions(body);
}

/** Reasoning-model restrictions (OpenAI family only: other vendors' models are served leniently). */
function checkModelParameters(body: ChatRequestBody, model: CatalogModel): void {
  const openaiReasoning = model.family === 'openai' && model.thinking;
  if (model.family === 'openai' && !model.thinking && body.reasoning_effort !== undefined && body.reasoning_effort !== null) {
    // What gpt-4o answers; `reasoning_effort: null` is accepted.
    throw fail('Unrecognized request argument supplied: reasoning_effort', null);
  }
  if (openaiReasoning && body.max_tokens !== undefined && body.max_tokens !== null) {
    throw fail("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter');
  }
  if (openaiReasoning && body.temperature !== undefined && body.temperature !== null && body.temperature !== 1) {
    throw fail(`Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`, 'temperature', 'unsupported_value');
  }
  for (const name of ['max_completion_tokens', 'max_tokens'] as const) {
    const value = body[name];
    if (typeof value === 'number' && value > model.maxOutputTokens) {
      throw fail(`${name} is too large: ${value}. This model supports at most ${model.maxOutputTokens} completion tokens, whereas you provided ${value}.`, name, 'invalid_value');
    }
  }
}

/**
 * An assistant message needs content or tool calls; every tool call is answered by the `tool`
 * messages right after it, and every `tool` message answers one of them (the API's own typo,
 * "preceeding", kept: clients match on these strings).
 */
function checkMessages(messages: readonly ChatMessageParam[]): void {
  let pending: { index: number; ids: Set<string> } | undefined;
  messages.forEach((message, i) => {
    if (message.role === 'tool') {
      if (!pending?.ids.delete(message.tool_call_id ?? '')) {
        throw fail("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${i}].role`);
      }
      return;
    }
    if (pending && pending.ids.size > 0) {
      throw fail(
        `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending.ids].join(', ')}`,
        `messages.[${pending.index}].role`,
      );
    }
    pending = undefined;
    if (message.role !== 'assistant') return;
    const calls = message.tool_calls ?? [];
    if ((message.content === undefined || message.content === null) && calls.length === 0 && !message.function_call) {
      throw fail("Invalid value for 'content': expected a string, got null.", `messages.[${i}].content`);
    }
    if (calls.length > 0) pending = { index: i, ids: new Set(calls.map((c) => c.id)) };
  });
  if (pending && pending.ids.size > 0) {
    throw fail(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending.ids].join(', ')}`,
      `messages.[${pending.index}].role`,
    );
  }
}

function checkTools(body: ChatRequestBody): void {
  const tools = body.tools ?? [];
  const names = new Set(tools.map(toolName));
  tools.forEach((tool, i) => {
    if (tool.type !== 'function' || tool.function.parameters === undefined) return;
    const { name, parameters } = tool.function;
    if (parameters.type !== undefined && parameters.type !== 'object') {
      throw fail(
        `Invalid schema for function '${name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${String(parameters.type)}"'.`,
        `tools[${i}].function.parameters`,
        'invalid_function_parameters',
      );
    }
    const compiled = compileToolSchema(parameters);
    if (!compiled.ok) throw fail(`Invalid schema for function '${name}': ${compiled.error}`, `tools[${i}].function.parameters`, 'invalid_function_parameters');
  });
  const choice = body.tool_choice;
  if (choice !== undefined && tools.length === 0) {
    throw fail("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice');
  }
  if (body.parallel_tool_calls !== undefined && tools.length === 0 && (body.functions ?? []).length === 0) {
    throw fail("Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.", 'parallel_tool_calls');
  }
  if (typeof choice !== 'object') return;
  const wanted = choice.type === 'allowed_tools' ? choice.allowed_tools.tools.map(allowedName) : [choice.type === 'function' ? choice.function.name : choice.custom.name];
  const missing = wanted.find((name) => !names.has(name));
  if (missing !== undefined) throw fail(`Invalid value for 'tool_choice': no tool named '${missing}' is in 'tools'.`, 'tool_choice', 'invalid_value');
}

function checkOutputOptions(body: ChatRequestBody): void {
  if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true) {
    throw fail("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options', 'invalid_value');
  }
  if (typeof body.top_logprobs === 'number' && body.top_logprobs > 0 && body.logprobs !== true) {
    throw fail("Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is used.", 'top_logprobs', 'invalid_value');
  }
  const format = body.response_format;
  if (format?.type === 'json_object' && !mentionsJson(body.messages)) {
    throw fail("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages');
  }
  if (format?.type === 'json_schema' && format.json_schema.schema !== undefined) {
    const compiled = compileToolSchema(format.json_schema.schema);
    if (!compiled.ok) throw fail(`Invalid schema for response_format '${format.json_schema.name}': ${compiled.error}`, 'response_format', 'invalid_value');
  }
}

function mentionsJson(messages: readonly ChatMessageParam[]): boolean {
  return messages.some((m) => {
    const content = m.content;
    if (typeof content === 'string') return /json/i.test(content);
    return (content ?? []).some((p) => p.type === 'text' && /json/i.test(p.text ?? ''));
  });
}
