import type { CanonicalBlock, CanonicalServerToolResult } from '../../core/canonical.ts';
import { tokenize } from '../../core/token-estimator.ts';
import { serverToolNames, serverToolWireInput } from './builtin-tools.ts';

// Every tool call the mock makes comes from the model itself (no programmatic tool calling).
const DIRECT_CALLER = { type: 'direct' } as const;

/**
 * One content block in its final (non-streaming) form, with every field the API sends: text
 * `citations: null`, tool_use `caller`, server tool results in their documented shapes.
 *
 * @see https://docs.claude.com/en/api/messages#response-content
 */
export function encodeBlock(block: CanonicalBlock): Record<string, unknown> {
  switch (block.kind) {
    case 'text':
      return { type: 'text', text: block.text, citations: null };
    case 'thinking':
      return { type: 'thinking', thinking: block.text, signature: block.signature };
    case 'tool-call':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input, caller: DIRECT_CALLER };
    case 'server-tool-call':
      return {
        type: 'server_tool_use',
        id: block.id,
        name: serverToolNames(block.builtin, block.server).name,
        input: serverToolWireInput(block.builtin, block.input),
        caller: DIRECT_CALLER,
      };
    case 'server-tool-result':
      return encodeServerToolResult(block.callId, block.builtin, block.result);
  }
}

/**
 * A block as `content_block_start` announces it: empty text, empty thinking, `input: {}`; a server
 * tool result arrives whole.
 */
export function startBlock(block: CanonicalBlock): Record<string, unknown> {
  switch (block.kind) {
    case 'text':
      return { type: 'text', text: '', citations: null };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'tool-call':
    case 'server-tool-call':
      return { ...encodeBlock(block), input: {} };
    case 'server-tool-result':
      return encodeBlock(block);
  }
}

/** The `content_block_delta` payloads of one block: one per token; none for a server tool result. */
export function blockDeltas(block: CanonicalBlock): Record<string, unknown>[] {
  switch (block.kind) {
    case 'text':
      return (block.tokens ?? tokenize(block.text)).map((text) => ({ type: 'text_delta', text }));
    case 'thinking':
      return [...(block.tokens ?? tokenize(block.text)).map((thinking) => ({ type: 'thinking_delta', thinking })), { type: 'signature_delta', signature: block.signature }];
    case 'tool-call':
    case 'server-tool-call': {
      // The live API opens with an empty fragment, then streams the JSON text in pieces.
      const input = block.kind === 'tool-call' ? block.input : serverToolWireInput(block.builtin, block.input);
      return ['', ...tokenize(JSON.stringify(input))].map((partial_json) => ({ type: 'input_json_delta', partial_json }));
    }
    case 'server-tool-result':
      return [];
  }
}

function encodeServerToolResult(toolUseId: string, builtin: string, result: CanonicalServerToolResult): Record<string, unknown> {
  const names = serverToolNames(builtin, result.kind);
  switch (result.kind) {
    case 'web-search':
      return {
        type: names.resultType,
        tool_use_id: toolUseId,
        content: result.results.map((r) => ({
          type: names.resultContentType,
          url: r.url,
          title: r.title,
          // Opaque on the real API (it lets a later turn cite the page); here the snippet, encoded.
          encrypted_content: Buffer.from(r.snippet, 'utf8').toString('base64'),
          page_age: r.pageAge,
        })),
        caller: DIRECT_CALLER,
      };
    case 'web-fetch':
      return {
        type: names.resultType,
        tool_use_id: toolUseId,
        content: {
          type: names.resultContentType,
          url: result.url,
          retrieved_at: result.retrievedAt,
          content: { type: 'document', source: { type: 'text', media_type: 'text/plain', data: result.text }, title: result.title, citations: null },
        },
        caller: DIRECT_CALLER,
      };
    case 'code-execution':
      return {
        type: names.resultType,
        tool_use_id: toolUseId,
        content: { type: names.resultContentType, stdout: result.stdout, stderr: result.stderr, return_code: result.returnCode, content: [] },
      };
  }
}
