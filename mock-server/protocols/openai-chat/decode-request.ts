import { nestingDepth } from '../../../specs/tooling/nesting-depth.ts';
import { MAX_TOOL_SCHEMA_DEPTH } from '../../../specs/tooling/tool-schema.ts';
import type {
  CanonicalMessage,
  CanonicalOutput,
  CanonicalPart,
  CanonicalRequest,
  CanonicalThinking,
  CanonicalTool,
  CanonicalToolChoice,
} from '../../core/canonical.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { ChatContentPart, ChatMessageParam, ChatRequestBody, ChatToolParam, ReasoningEffort, ToolCallParam } from './wire-types.ts';
import { toolName } from './wire-types.ts';

/**
 * Decodes a (schema-valid) Chat Completions body into the canonical turn model.
 *
 * - Leading `system`/`developer` messages become the system prompt; later ones stay in place.
 * - `tool` (and deprecated `function`) messages become tool results of a user turn; consecutive
 *   ones share that turn, as the parallel calls they answer share one assistant turn.
 * - `allowed_tools` narrows the tools the engine may call; `tool_choice` maps to the canonical
 *   choice (`required` = any tool, a named function = that tool).
 * - `reasoning_effort` becomes hidden thinking (see {@link decodeThinking}).
 * - `response_format` becomes the canonical `output` (json_schema with its schema, json_object
 *   without one).
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export function decodeRequest(body: ChatRequestBody, model: CatalogModel): CanonicalRequest {
  const leading = body.messages.findIndex((m) => m.role !== 'system' && m.role !== 'developer');
  const split = leading === -1 ? body.messages.length : leading;
  const { tools, toolChoice } = decodeTools(body);
  return {
    model: body.model,
    system: body.messages.slice(0, split).flatMap((m) => decodeContent(m.content)),
    messages: decodeMessages(body.messages.slice(split)),
    tools,
    toolChoice,
    maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    stopSequences: body.stop === undefined || body.stop === null ? [] : typeof body.stop === 'string' ? [body.stop] : body.stop,
    thinking: decodeThinking(body.reasoning_effort, model),
    output: decodeOutput(body.response_format),
    stream: body.stream === true,
  };
}

function decodeMessages(messages: readonly ChatMessageParam[]): CanonicalMessage[] {
  const out: CanonicalMessage[] = [];
  for (const message of messages) {
    if (message.role === 'tool' || message.role === 'function') {
      const result: CanonicalPart = {
        kind: 'tool-result',
        callId: message.role === 'tool' ? (message.tool_call_id ?? '') : (message.name ?? ''),
        isError: false,
        parts: decodeContent(message.content),
      };
      const previous = out.at(-1);
      if (previous?.role === 'user' && previous.parts.every((p) => p.kind === 'tool-result')) {
        out[out.length - 1] = { role: 'user', parts: [...previous.parts, result] };
      } else {
        out.push({ role: 'user', parts: [result] });
      }
    } else if (message.role === 'assistant') {
      const calls = (message.tool_calls ?? []).map(decodeToolCall);
      const legacy = message.function_call ? [decodeToolCall({ id: message.function_call.name, type: 'function', function: message.function_call })] : [];
      out.push({ role: 'assistant', parts: [...decodeContent(message.content), ...calls, ...legacy] });
    } else {
      out.push({ role: message.role === 'user' ? 'user' : 'system', parts: decodeContent(message.content) });
    }
  }
  return out;
}

/** Message content: a string is one text part; refusals read as text. */
function decodeContent(content: ChatMessageParam['content']): CanonicalPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  return content.map(decodePart);
}

const DATA_URL = /^data:([^;,]+)?(?:;[^,]*)?,/;

function decodePart(part: ChatContentPart): CanonicalPart {
  switch (part.type) {
    case 'text':
      return { kind: 'text', text: part.text ?? '' };
    case 'refusal':
      return { kind: 'text', text: part.refusal ?? '' };
    case 'image_url': {
      const url = part.image_url?.url ?? '';
      const data = DATA_URL.exec(url);
      if (!data) return { kind: 'image', source: 'url', url };
      return { kind: 'image', source: 'base64', ...(data[1] ? { mediaType: data[1] } : {}), data: url.slice(data[0].length) };
    }
    // Audio and files are not read by the engine: counted as a binary document, never tokenised
    // (a base64 payload of megabytes must not become millions of tokens).
    case 'input_audio':
      return { kind: 'document', source: 'input_audio', data: part.input_audio?.data ?? '' };
    case 'file':
      return {
        kind: 'document',
        source: part.file?.file_id !== undefined ? 'file' : 'base64',
        ...(part.file?.file_data !== undefined ? { data: part.file.file_data } : {}),
        ...(part.file?.filename !== undefined ? { title: part.file.filename } : {}),
      };
  }
}

function decodeToolCall(call: ToolCallParam): CanonicalPart {
  const name = call.function?.name ?? call.custom?.name ?? '';
  const raw = call.function?.arguments ?? call.custom?.input ?? '';
  return { kind: 'tool-call', id: call.id, name, input: parseArguments(raw) };
}

/**
 * Arguments are JSON text the model wrote; a replayed transcript may hold text that is not JSON,
 * or JSON nested too deep for the recursive walkers downstream (token counting): both stay text.
 */
function parseArguments(raw: string): unknown {
  try {
    const value: unknown = JSON.parse(raw);
    return nestingDepth(value, MAX_TOOL_SCHEMA_DEPTH) > MAX_TOOL_SCHEMA_DEPTH ? raw : value;
  } catch {
    return raw;
  }
}

function decodeTools(body: ChatRequestBody): { tools: CanonicalTool[]; toolChoice: CanonicalToolChoice } {
  const parallel = body.parallel_tool_calls !== false;
  const declared: ChatToolParam[] = [...(body.tools ?? []), ...(body.functions ?? []).map((f): ChatToolParam => ({ type: 'function', function: f }))];
  const choice = body.tool_choice ?? legacyChoice(body.function_call);
  let tools = declared;
  let toolChoice: CanonicalToolChoice = { mode: 'auto', parallel };
  if (choice === 'none' || choice === 'required') toolChoice = { mode: choice, parallel };
  else if (typeof choice === 'object' && choice.type === 'allowed_tools') {
    const names = choice.allowed_tools.tools.map(allowedName);
    tools = declared.filter((t) => names.includes(toolName(t)));
    // `names` is the canonical tool-choice set (several names + required + parallel: one call
    // each); added with Object.assign so this compiles before and after the core declares it.
    toolChoice = Object.assign({ mode: choice.allowed_tools.mode, parallel }, { names });
  } else if (typeof choice === 'object') {
    toolChoice = { mode: 'tool', name: choice.type === 'function' ? choice.function.name : choice.custom.name, parallel };
  }
  return { tools: tools.map(decodeTool), toolChoice };
}

/** The deprecated `function_call` choice, when `tool_choice` is absent. */
function legacyChoice(functionCall: ChatRequestBody['function_call']): ChatRequestBody['tool_choice'] {
  if (functionCall === undefined || functionCall === 'auto') return undefined;
  if (functionCall === 'none') return 'none';
  return { type: 'function', function: { name: functionCall.name } };
}

/** `{type: "function", function: {name}}` (or `custom`) in `allowed_tools.tools`: the tool's name. */
export function allowedName(entry: Readonly<Record<string, unknown>>): string {
  const inner = (entry.function ?? entry.custom) as { name?: unknown } | undefined;
  return typeof inner?.name === 'string' ? inner.name : typeof entry.name === 'string' ? entry.name : '';
}

function decodeTool(tool: ChatToolParam): CanonicalTool {
  if (tool.type === 'custom') {
    // Free-form custom tools take text, not JSON: the engine never calls them on its own.
    return { name: tool.custom.name, ...(tool.custom.description !== undefined ? { description: tool.custom.description } : {}), inputSchema: {}, builtin: 'custom' };
  }
  const fn = tool.function;
  return {
    name: fn.name,
    ...(fn.description !== undefined ? { description: fn.description } : {}),
    // No `parameters` means a function without arguments.
    inputSchema: fn.parameters ?? { type: 'object', properties: {} },
  };
}

/** Thinking budget per effort: the engine's thinking is short, so only the low efforts cut it. */
const EFFORT_BUDGET: Readonly<Record<ReasoningEffort, number | undefined>> = {
  none: 0,
  minimal: 4,
  low: 12,
  medium: undefined,
  high: undefined,
  xhigh: undefined,
  max: undefined,
};

/**
 * `reasoning_effort` as hidden thinking: OpenAI reasoning models think without showing it, so the
 * thinking is generated (and billed as `completion_tokens_details.reasoning_tokens`) but never
 * rendered. OpenAI reasoning models think at `medium` effort by default; other families think only
 * when asked.
 */
export function decodeThinking(effort: ReasoningEffort | null | undefined, model: CatalogModel): CanonicalThinking {
  const chosen = effort ?? (model.family === 'openai' && model.thinking ? 'medium' : undefined);
  if (chosen === undefined || !model.thinking || EFFORT_BUDGET[chosen] === 0) return { mode: 'off', display: 'omitted' };
  const budget = EFFORT_BUDGET[chosen];
  return { mode: 'enabled', ...(budget !== undefined ? { budgetTokens: budget } : {}), display: 'omitted' };
}

function decodeOutput(format: ChatRequestBody['response_format']): CanonicalOutput {
  if (format?.type === 'json_schema') {
    return { kind: 'json', ...(format.json_schema.schema ? { schema: format.json_schema.schema } : {}), name: format.json_schema.name };
  }
  if (format?.type === 'json_object') return { kind: 'json' };
  return { kind: 'text' };
}
