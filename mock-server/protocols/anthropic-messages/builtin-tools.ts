import type { CanonicalServerToolInput, CanonicalTool } from '../../core/canonical.ts';

/**
 * Anthropic-defined tools by versioned type. Client tools (the caller runs them) get the input
 * schema their documentation gives, with one example the mock answers when the call is forced;
 * server tools (Anthropic runs them) get the neutral kind the engine produces a result for.
 *
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/bash-tool
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/text-editor-tool
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/computer-use-tool
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/memory-tool
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/web-search-tool
 */
const CLIENT_TOOLS: readonly { readonly family: RegExp; readonly schema: Readonly<Record<string, unknown>> }[] = [
  {
    family: /^bash_\d{8}$/,
    schema: documented({ command: { type: 'string' }, restart: { type: 'boolean' } }, ['command'], { command: 'echo "Hello from the llm-conformance mock"' }),
  },
  {
    family: /^text_editor_\d{8}$/,
    schema: documented(
      { command: { enum: ['view', 'create', 'str_replace', 'insert', 'undo_edit'] }, path: { type: 'string' }, file_text: { type: 'string' }, old_str: { type: 'string' }, new_str: { type: 'string' }, insert_line: { type: 'integer' }, view_range: { type: 'array', items: { type: 'integer' } } },
      ['command', 'path'],
      { command: 'view', path: '/repo/README.md' },
    ),
  },
  {
    family: /^computer_\d{8}$/,
    schema: documented({ action: { type: 'string' }, coordinate: { type: 'array', items: { type: 'integer' } }, text: { type: 'string' } }, ['action'], { action: 'screenshot' }),
  },
  {
    family: /^memory_\d{8}$/,
    schema: documented({ command: { enum: ['view', 'create', 'str_replace', 'insert', 'delete', 'rename'] }, path: { type: 'string' } }, ['command', 'path'], { command: 'view', path: '/memories' }),
  },
];

const SERVER_TOOLS: readonly { readonly family: RegExp; readonly execution: NonNullable<CanonicalTool['execution']> }[] = [
  { family: /^web_search_\d{8}$/, execution: 'web-search' },
  { family: /^web_fetch_\d{8}$/, execution: 'web-fetch' },
  { family: /^code_execution_\d{8}$/, execution: 'code-execution' },
];

function documented(properties: Record<string, unknown>, required: string[], example: Record<string, unknown>): Readonly<Record<string, unknown>> {
  return { type: 'object', properties, required, examples: [example] };
}

/** The canonical tool for an Anthropic-defined `type` (unknown types and toolsets: never called). */
export function decodeBuiltinTool(type: string, name: string, description: string | undefined): CanonicalTool {
  const base = { name, ...(description !== undefined ? { description } : {}), builtin: type };
  const client = CLIENT_TOOLS.find((t) => t.family.test(type));
  if (client) return { ...base, inputSchema: client.schema, execution: 'client' };
  const server = SERVER_TOOLS.find((t) => t.family.test(type));
  if (server) return { ...base, inputSchema: {}, execution: server.execution };
  return { ...base, inputSchema: {} };
}

/** The wire names of a server tool: its `server_tool_use` name, result block type and result content type. */
export interface ServerToolNames {
  readonly name: string;
  readonly resultType: string;
  readonly resultContentType: string;
}

/**
 * How a server tool call is named on the wire. Code execution from `code_execution_20250825` on
 * runs bash commands (`bash_code_execution`); the first version ran Python (`code_execution`).
 */
export function serverToolNames(builtin: string, kind: CanonicalServerToolInput['kind']): ServerToolNames {
  switch (kind) {
    case 'web-search':
      return { name: 'web_search', resultType: 'web_search_tool_result', resultContentType: 'web_search_result' };
    case 'web-fetch':
      return { name: 'web_fetch', resultType: 'web_fetch_tool_result', resultContentType: 'web_fetch_result' };
    case 'code-execution':
      return builtin === 'code_execution_20250522'
        ? { name: 'code_execution', resultType: 'code_execution_tool_result', resultContentType: 'code_execution_result' }
        : { name: 'bash_code_execution', resultType: 'bash_code_execution_tool_result', resultContentType: 'bash_code_execution_result' };
  }
}

/** A server tool call's `input` as the wire spells it. */
export function serverToolWireInput(builtin: string, input: CanonicalServerToolInput): Record<string, unknown> {
  switch (input.kind) {
    case 'web-search':
      return { query: input.query };
    case 'web-fetch':
      return { url: input.url };
    case 'code-execution':
      return builtin === 'code_execution_20250522' ? { code: input.code } : { command: `python3 -c ${JSON.stringify(input.code)}` };
  }
}
