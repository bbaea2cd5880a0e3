import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import type { CanonicalRequest } from '../../core/canonical.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';
import { isMockSignature, verifyThinkingSignature } from '../../core/thinking-signature.ts';
import type { AnthropicRequestBody } from './wire-types.ts';

const invalid = (message: string) => new MockProtocolError('invalid_request', message);

const THINKING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

/**
 * Rules the Anthropic API enforces beyond the JSON Schema: relations between fields, tool
 * use/result pairing, thinking constraints, signatures. Each throws the 400 the API answers.
 * `generation` is false for count_tokens, which has no `max_tokens` and generates nothing.
 *
 * @see https://docs.claude.com/en/api/messages
 * @see https://docs.claude.com/en/docs/build-with-claude/extended-thinking#feature-compatibility
 */
export function checkRequestRules(body: AnthropicRequestBody, request: CanonicalRequest, model: CatalogModel, generation: boolean): void {
  checkMessages(request);
  checkTools(request);
  checkOutputSchema(body, request);
  checkToolPairing(request);
  checkStopSequences(request);
  if (generation) {
    checkMaxTokens(body, model);
    checkThinking(body, request);
    checkSignatures(request);
  }
}

function checkMessages(request: CanonicalRequest): void {
  if (request.messages.length === 0) throw invalid('messages: at least one message is required');
  const last = request.messages.length - 1;
  request.messages.forEach((message, i) => {
    const emptyAllowed = i === last && message.role === 'assistant';
    if (message.parts.length === 0 && !emptyAllowed) {
      throw invalid(`messages.${i}: all messages must have non-empty content except for the optional final assistant message`);
    }
    if (emptyAllowed) {
      // Prefill: the reply continues this text, so the API refuses a dangling space.
      const tail = message.parts[message.parts.length - 1];
      if (tail?.kind === 'text' && /\s$/.test(tail.text)) throw invalid('messages: final assistant content cannot end with trailing whitespace');
      return;
    }
    if (message.parts.some((p) => p.kind === 'text' && p.text.length === 0)) throw invalid('messages: text content blocks must be non-empty');
    if (message.parts.some((p) => p.kind === 'text' && p.text.trim().length === 0)) {
      throw invalid('messages: text content blocks must contain non-whitespace text');
    }
  });
}

function checkTools(request: CanonicalRequest): void {
  const names = new Set<string>();
  request.tools.forEach((tool, i) => {
    if (tool.name === '') return; // a toolset: it names no tool itself
    if (names.has(tool.name)) throw invalid('tools: Tool names must be unique.');
    names.add(tool.name);
    if (!tool.builtin) {
      const compiled = compileToolSchema(tool.inputSchema);
      if (!compiled.ok) {
        throw invalid(`tools.${i}.input_schema: JSON schema is invalid - please consult https://json-schema.org or our documentation at https://docs.claude.com/en/docs/tool-use`);
      }
    }
  });
  const choice = request.toolChoice;
  if ((choice.mode === 'required' || choice.mode === 'tool') && request.tools.length === 0) {
    throw invalid(`tool_choice: tool_choice.type '${choice.mode === 'required' ? 'any' : 'tool'}' requires tools to be provided`);
  }
  if (choice.mode === 'tool' && !names.has(choice.name ?? '')) {
    throw invalid(`tool_choice.name: Tool '${choice.name ?? ''}' not found in tools`);
  }
}

/** A structured-output schema must be a valid JSON Schema (and within the mock's nesting bound). */
function checkOutputSchema(body: AnthropicRequestBody, request: CanonicalRequest): void {
  if (request.output.kind !== 'json' || !request.output.schema) return;
  const field = body.output_config?.format ? 'output_config.format.schema' : 'output_format.schema';
  const compiled = compileToolSchema(request.output.schema);
  if (!compiled.ok) throw invalid(`${field}: JSON schema is invalid - ${compiled.error}`);
}

/** Every tool_result answers a tool_use of the previous turn, and every tool_use is answered. */
function checkToolPairing(request: CanonicalRequest): void {
  // A mid-conversation `system` message (Claude Code) does not break the assistant→user pairing.
  const turns = request.messages.map((m, index) => ({ m, index })).filter(({ m }) => m.role !== 'system');
  turns.forEach(({ m, index }, t) => {
    const previous = turns[t - 1]?.m;
    const offered = new Set(previous?.role === 'assistant' ? previous.parts.flatMap((p) => (p.kind === 'tool-call' ? [p.id] : [])) : []);
    const results = m.parts.flatMap((p) => (p.kind === 'tool-result' ? [p.callId] : []));
    const orphans = results.filter((id) => !offered.has(id));
    if (orphans.length > 0) {
      throw invalid(
        `messages.${index}.content.0: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${orphans.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
      );
    }
    const next = turns[t + 1];
    if (m.role === 'assistant' && next) {
      const answered = new Set(next.m.parts.flatMap((p) => (p.kind === 'tool-result' ? [p.callId] : [])));
      const unanswered = m.parts.flatMap((p) => (p.kind === 'tool-call' && !answered.has(p.id) ? [p.id] : []));
      if (unanswered.length > 0) {
        throw invalid(
          `messages.${next.index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${unanswered.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
        );
      }
    }
  });
}

function checkStopSequences(request: CanonicalRequest): void {
  if (request.stopSequences.some((s) => s.trim().length === 0)) {
    throw invalid('stop_sequences: each stop sequence must contain non-whitespace');
  }
}

function checkMaxTokens(body: AnthropicRequestBody, model: CatalogModel): void {
  const max = body.max_tokens ?? 0;
  if (max > model.maxOutputTokens) {
    throw invalid(`max_tokens: ${max} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model.id}`);
  }
}

function checkThinking(body: AnthropicRequestBody, request: CanonicalRequest): void {
  if (request.thinking.mode === 'off') return;
  if (request.thinking.mode === 'enabled' && (body.max_tokens ?? 0) <= (request.thinking.budgetTokens ?? 0)) {
    throw invalid(`\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${THINKING_DOCS}#max-tokens-and-context-window-size`);
  }
  if (body.temperature !== undefined && body.temperature !== 1) {
    throw invalid(`\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`);
  }
  if (body.top_k !== undefined) {
    throw invalid(`\`top_k\` must be unset when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#feature-compatibility`);
  }
  if (request.toolChoice.mode === 'required' || request.toolChoice.mode === 'tool') {
    throw invalid('Thinking may not be enabled when tool_choice forces tool use.');
  }
}

/**
 * A replayed thinking block must carry its signature unchanged. Signatures the mock issued are
 * verified (a changed text or signature is the API's 400); signatures from elsewhere (a real
 * transcript replayed into the mock) cannot be checked and are accepted, lenient on purpose.
 */
function checkSignatures(request: CanonicalRequest): void {
  request.messages.forEach((message, i) => {
    if (message.role !== 'assistant') return;
    message.parts.forEach((part, j) => {
      if (part.kind !== 'thinking') return;
      const signature = part.signature ?? '';
      const valid = isMockSignature(signature) ? verifyThinkingSignature(part.text, signature) : signature.trim().length > 0;
      if (!valid) {
        throw invalid(`messages.${i}.content.${j}: Invalid \`signature\` in \`thinking\` block`);
      }
    });
  });
}
