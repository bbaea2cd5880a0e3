import type { CanonicalMessage, CanonicalOutput, CanonicalPart, CanonicalRequest, CanonicalThinking, CanonicalTool, CanonicalToolChoice } from '../../core/canonical.ts';
import { decodeBuiltinTool } from './builtin-tools.ts';
import type { AnthropicBlockParam, AnthropicRequestBody, AnthropicToolParam } from './wire-types.ts';

/**
 * Decodes a (schema-valid) Anthropic request body into the canonical turn model.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export function decodeRequest(body: AnthropicRequestBody): CanonicalRequest {
  return {
    model: body.model,
    system: decodeSystem(body.system),
    messages: body.messages.map((m): CanonicalMessage => ({ role: m.role, parts: decodeContent(m.content) })),
    tools: (body.tools ?? []).map(decodeTool),
    toolChoice: decodeToolChoice(body.tool_choice),
    maxOutputTokens: body.max_tokens,
    stopSequences: body.stop_sequences ?? [],
    thinking: decodeThinking(body.thinking),
    output: decodeOutput(body),
    stream: body.stream === true,
  };
}

function decodeSystem(system: AnthropicRequestBody['system']): CanonicalPart[] {
  if (system === undefined) return [];
  if (typeof system === 'string') return system.length > 0 ? [{ kind: 'text', text: system }] : [];
  return system.map(decodeBlock);
}

/** Decodes message content: a string is shorthand for one text block. */
export function decodeContent(content: string | readonly AnthropicBlockParam[] | undefined): CanonicalPart[] {
  if (content === undefined) return [];
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  return content.map(decodeBlock);
}

function decodeBlock(block: AnthropicBlockParam): CanonicalPart {
  switch (block.type) {
    case 'text':
      return { kind: 'text', text: block.text ?? '' };
    case 'image':
      return {
        kind: 'image',
        source: block.source?.type === 'url' ? 'url' : block.source?.type === 'file' ? 'file' : 'base64',
        ...(block.source?.media_type ? { mediaType: block.source.media_type } : {}),
        ...(block.source?.data ? { data: block.source.data } : {}),
        ...(block.source?.url ? { url: block.source.url } : {}),
      };
    case 'document':
      return decodeDocument(block);
    case 'tool_use':
      return { kind: 'tool-call', id: block.id ?? '', name: block.name ?? '', input: block.input ?? {} };
    case 'tool_result':
      return { kind: 'tool-result', callId: block.tool_use_id ?? '', isError: block.is_error === true, parts: decodeContent(block.content) };
    case 'thinking':
      return { kind: 'thinking', text: block.thinking ?? '', ...(block.signature !== undefined ? { signature: block.signature } : {}) };
    case 'redacted_thinking':
      return { kind: 'redacted-thinking', data: block.data ?? '' };
    case 'search_result':
      return { kind: 'text', text: [block.title ?? '', ...decodeContent(block.content).map((p) => (p.kind === 'text' ? p.text : ''))].join('\n') };
    default:
      return { kind: 'opaque', type: block.type, json: JSON.stringify(block) };
  }
}

function decodeDocument(block: AnthropicBlockParam): CanonicalPart {
  const source = block.source;
  const title = block.title ?? undefined;
  if (source?.type === 'text') return { kind: 'document', source: 'text', text: source.data ?? '', ...(title ? { title } : {}) };
  if (source?.type === 'content') {
    const text = decodeContent(source.content)
      .map((p) => (p.kind === 'text' ? p.text : ''))
      .join('\n');
    return { kind: 'document', source: 'content', text, ...(title ? { title } : {}) };
  }
  return { kind: 'document', source: source?.type ?? 'unknown', ...(source?.data ? { data: source.data } : {}), ...(title ? { title } : {}) };
}

function decodeTool(tool: AnthropicToolParam): CanonicalTool {
  const custom = tool.type === undefined || tool.type === null || tool.type === 'custom';
  // Toolsets (`mcp_toolset`) have no name of their own.
  if (!custom) return decodeBuiltinTool(String(tool.type), tool.name ?? '', tool.description);
  return { name: tool.name ?? '', ...(tool.description !== undefined ? { description: tool.description } : {}), inputSchema: tool.input_schema ?? {} };
}

/**
 * Structured output: `output_config.format` (GA) or the beta `output_format`, both
 * `{type: "json_schema", schema}`.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/structured-outputs
 */
function decodeOutput(body: AnthropicRequestBody): CanonicalOutput {
  const format = body.output_config?.format ?? body.output_format;
  if (!format) return { kind: 'text' };
  return { kind: 'json', ...(format.schema ? { schema: format.schema } : {}) };
}

function decodeToolChoice(choice: AnthropicRequestBody['tool_choice']): CanonicalToolChoice {
  const parallel = choice?.disable_parallel_tool_use !== true;
  switch (choice?.type) {
    case 'any':
      return { mode: 'required', parallel };
    case 'tool':
      return { mode: 'tool', ...(choice.name !== undefined ? { name: choice.name } : {}), parallel };
    case 'none':
      return { mode: 'none', parallel };
    default:
      return { mode: 'auto', parallel };
  }
}

function decodeThinking(thinking: AnthropicRequestBody['thinking']): CanonicalThinking {
  const display = thinking?.display === 'omitted' ? 'omitted' : 'summarized';
  switch (thinking?.type) {
    case 'enabled':
      return { mode: 'enabled', ...(thinking.budget_tokens !== undefined ? { budgetTokens: thinking.budget_tokens } : {}), display };
    // `between_tools` thinks only between tool calls; the mock's single turn treats it as adaptive.
    case 'adaptive':
    case 'between_tools':
      return { mode: 'adaptive', display };
    default:
      return { mode: 'off', display };
  }
}
