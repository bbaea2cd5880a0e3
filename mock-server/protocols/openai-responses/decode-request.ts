import type {
  CanonicalMessage,
  CanonicalOutput,
  CanonicalPart,
  CanonicalRequest,
  CanonicalRole,
  CanonicalThinking,
  CanonicalTool,
  CanonicalToolChoice,
} from '../../core/canonical.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { Conversation } from './conversation.ts';
import { openReasoning } from './reasoning-content.ts';
import type { ContentPartParam, ResponsesRequestBody, StoredItem, ToolParam } from './wire-types.ts';

/**
 * Decodes a (schema-valid) Responses request and its resolved conversation into the canonical
 * turn model: `instructions` → system, items → turns (an assistant turn gathers its reasoning,
 * text and calls; function call outputs form the next user turn), tools, tool choice, reasoning
 * and `text.format`.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
export function decodeRequest(body: ResponsesRequestBody, conversation: Conversation, model: CatalogModel): CanonicalRequest {
  const tools = (body.tools ?? []).map(decodeTool);
  return {
    model: body.model ?? model.id,
    system: body.instructions ? [{ kind: 'text', text: body.instructions }] : [],
    messages: toMessages([...conversation.previous, ...conversation.input]),
    tools,
    toolChoice: decodeToolChoice(body, tools),
    maxOutputTokens: body.max_output_tokens ?? undefined,
    stopSequences: [],
    thinking: decodeThinking(body, model),
    output: decodeFormat(body),
    stream: body.stream === true,
  };
}

/**
 * Whether the model reasons for this request. OpenAI reasoning models always do (effort `medium`
 * unless told otherwise; `none` turns it off); other families' thinking models (a Claude or
 * Gemini model through this API) only when an effort is given.
 *
 * @see https://platform.openai.com/docs/guides/reasoning
 */
export function reasoningEffort(body: ResponsesRequestBody, model: CatalogModel): string | null {
  const effort = body.reasoning?.effort ?? null;
  if (!model.thinking) return effort;
  return effort ?? (model.family === 'openai' ? 'medium' : null);
}

function decodeThinking(body: ResponsesRequestBody, model: CatalogModel): CanonicalThinking {
  const effort = reasoningEffort(body, model);
  // The summary is shown or not by the encoder; the engine always writes the reasoning text (it
  // also travels in `encrypted_content`).
  return { mode: model.thinking && effort !== null && effort !== 'none' ? 'adaptive' : 'off', display: 'summarized' };
}

function decodeFormat(body: ResponsesRequestBody): CanonicalOutput {
  const format = body.text?.format;
  if (format?.type === 'json_schema') return { kind: 'json', schema: format.schema, name: format.name };
  if (format?.type === 'json_object') return { kind: 'json' };
  return { kind: 'text' };
}

function decodeTool(tool: ToolParam): CanonicalTool {
  const description = typeof tool.description === 'string' ? { description: tool.description } : {};
  if (tool.type === 'function') return { name: tool.name ?? '', ...description, inputSchema: tool.parameters ?? { type: 'object', properties: {} } };
  // Built-in and custom (free-form) tools: counted, never called by the engine.
  return { name: tool.name ?? tool.type, ...description, inputSchema: {}, builtin: tool.type };
}

function decodeToolChoice(body: ResponsesRequestBody, tools: readonly CanonicalTool[]): CanonicalToolChoice {
  const parallel = body.parallel_tool_calls !== false;
  const choice = body.tool_choice ?? 'auto';
  if (choice === 'none' || choice === 'auto' || choice === 'required') return { mode: choice, parallel };
  if ((choice.type === 'function' || choice.type === 'custom') && choice.name) return { mode: 'tool', name: choice.name, parallel };
  if (choice.type === 'allowed_tools' && 'mode' in choice) {
    if (choice.mode !== 'required') return { mode: 'auto', parallel };
    // Required among a subset: the engine calls the first allowed function.
    const allowed = choice.tools.find((t) => t.type === 'function' && tools.some((tool) => !tool.builtin && tool.name === t.name));
    return allowed?.name ? { mode: 'tool', name: allowed.name, parallel } : { mode: 'required', parallel };
  }
  // A forced built-in tool (web search, MCP…): the mock runs none, so it answers in text.
  return { mode: 'auto', parallel };
}

/** Groups items into turns: assistant-side items join the assistant turn before them. */
function toMessages(items: readonly StoredItem[]): CanonicalMessage[] {
  const out: { role: CanonicalRole; parts: CanonicalPart[]; results: boolean }[] = [];
  const add = (role: CanonicalRole, parts: CanonicalPart[], join: boolean) => {
    const last = out[out.length - 1];
    if (join && last?.role === role && (role === 'assistant' || last.results)) last.parts.push(...parts);
    else out.push({ role, parts, results: role === 'user' && join });
  };
  for (const item of items) {
    switch (item.type) {
      case 'message': {
        const role = item.role === 'assistant' ? 'assistant' : item.role === 'user' ? 'user' : 'system';
        add(role, decodeParts(item.content as readonly ContentPartParam[]), role === 'assistant');
        break;
      }
      case 'function_call':
        add('assistant', [{ kind: 'tool-call', id: String(item.call_id), name: String(item.name), input: parseArguments(String(item.arguments)) }], true);
        break;
      case 'function_call_output': {
        const output = item.output as string | readonly ContentPartParam[];
        const parts = typeof output === 'string' ? [{ kind: 'text' as const, text: output }] : decodeParts(output);
        add('user', [{ kind: 'tool-result', callId: String(item.call_id ?? ''), parts, isError: false }], true);
        break;
      }
      case 'reasoning':
        add('assistant', [{ kind: 'thinking', text: reasoningText(item) }], true);
        break;
      default:
        // Hosted tool calls are the model's; their outputs (`*_output`) answer them.
        add(item.type.endsWith('_output') ? 'user' : 'assistant', [{ kind: 'opaque', type: item.type, json: JSON.stringify(item) }], true);
    }
  }
  return out.map(({ role, parts }) => ({ role, parts }));
}

function decodeParts(parts: readonly ContentPartParam[]): CanonicalPart[] {
  return parts.map((part): CanonicalPart => {
    switch (part.type) {
      case 'input_text':
      case 'output_text':
        return { kind: 'text', text: part.text ?? '' };
      case 'refusal':
        return { kind: 'text', text: part.refusal ?? '' };
      case 'input_image':
        return decodeImage(part);
      case 'input_file':
        return {
          kind: 'document',
          source: part.file_data ? 'base64' : part.file_url ? 'url' : 'file',
          ...(part.file_data ? { data: part.file_data } : {}),
          ...(part.filename ? { title: part.filename } : {}),
        };
      default:
        return { kind: 'opaque', type: part.type, json: JSON.stringify(part) };
    }
  });
}

function decodeImage(part: ContentPartParam): CanonicalPart {
  const url = part.image_url ?? undefined;
  const data = url?.startsWith('data:') ? /^data:([^;,]+)?(?:;base64)?,(.*)$/s.exec(url) : null;
  if (data) return { kind: 'image', source: 'base64', ...(data[1] ? { mediaType: data[1] } : {}), data: data[2] ?? '' };
  if (url) return { kind: 'image', source: 'url', url };
  return { kind: 'image', source: 'file' };
}

/** The reasoning text of a replayed item: what its (mock) encrypted content carries, else its summary. */
function reasoningText(item: StoredItem): string {
  const encrypted = typeof item.encrypted_content === 'string' ? openReasoning(item.encrypted_content) : undefined;
  if (encrypted?.kind === 'mock') return encrypted.text;
  return ((item.summary ?? []) as readonly { text: string }[]).map((s) => s.text).join('\n');
}

/** Function call arguments are JSON text; a client may replay text that is not JSON, kept as is. */
function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
