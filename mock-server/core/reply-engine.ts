import { type Diagnostic, diagnostic } from '../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import type { CanonicalBlock, CanonicalReply, CanonicalRequest, CanonicalServerToolKind, CanonicalStopReason, CanonicalTool } from './canonical.ts';
import { composeText } from './echo.ts';
import { MockProtocolError } from './protocol-error.ts';
import { estimateRequestTokens, TOKEN_OVERHEAD } from './request-tokens.ts';
import { exampleFromSchema, GenerationLimitError } from './schema-example.ts';
import { serverToolInput, serverToolResult } from './server-tools.ts';
import { signThinking } from './thinking-signature.ts';
import { countTokens, tokenize } from './token-estimator.ts';
import { planToolUse, type ServerTool } from './tool-plan.ts';

export { composeText } from './echo.ts';

/** What the engine needs from the protocol adapter: how that protocol spells tool-call ids. */
export interface ReplyContext {
  toolCallId(index: number): string;
  /** Ids of server tool calls (Anthropic `srvtoolu_…`); `toolCallId` when absent. */
  serverToolCallId?(index: number): string;
}

/** Characters of JSON text that `tokens` output tokens can hold at most (a token is ≤ 4 word characters and a space). */
const CHARS_PER_TOKEN = 5;

/** The reply as it is built: blocks so far, what is left of the budget, why it stopped. */
interface Draft {
  readonly blocks: CanonicalBlock[];
  readonly shortfalls: Diagnostic[];
  remaining: number;
  emitted: number;
  thinkingTokens: number;
  stopReason: CanonicalStopReason;
  stopSequence?: string;
  serverToolRequests?: Partial<Record<CanonicalServerToolKind, number>>;
}

/**
 * The canonical reply engine: a pure function from a request to a reply, so that the same
 * request always yields the same reply in every protocol.
 *
 * Default behaviour (scenarios may replace it):
 * - **Text**: the reply echoes the last user turn (see {@link composeText}: harness wrappers such
 *   as `<system-reminder>` are left out; after a tool result, a short acknowledgement quoting it),
 *   so tests can steer the content from the prompt.
 * - **Structured output** (`output.kind: 'json'`): the text is JSON valid against the caller's
 *   schema, built by the same generator as forced tool inputs; without a schema, `{"text": echo}`.
 * - **Tool use**: only when the caller forces it (see `planToolUse`): one call to the named (or
 *   first) tool with an input built from its schema, or one call per allowed tool for a parallel
 *   `required` choice. A forced server tool yields its call, its deterministic result, then the
 *   text, and counts in `usage.serverToolRequests`. `auto` answers in text.
 * - **Thinking**: when enabled (or adaptive), a short thinking block with a verifiable signature
 *   comes first, capped at `budget_tokens`.
 * - **Limits**: `max_tokens` cuts at a token boundary (`max-tokens`); a stop sequence that occurs
 *   within the budget cuts before it (`stop-sequence`). A tool call or JSON value that does not
 *   fit the budget is left out and the reply stops with `max-tokens`; one that exceeds the mock's
 *   own generation bounds is a 400 (`invalid_request`).
 * - **Usage**: input tokens from {@link estimateRequestTokens}; output tokens are exactly the
 *   tokens of what was emitted.
 *
 * @throws MockProtocolError (`invalid_request`) when a schema cannot be satisfied within the mock's bounds.
 */
export function generateReply(request: CanonicalRequest, context: ReplyContext): CanonicalReply {
  const inputTokens = estimateRequestTokens(request);
  const draft: Draft = { blocks: [], shortfalls: [], remaining: request.maxOutputTokens ?? Number.POSITIVE_INFINITY, emitted: 0, thinkingTokens: 0, stopReason: 'end' };
  const plan = planToolUse(request);

  if (request.thinking.mode !== 'off' && plan.kind === 'none') addThinking(request, draft);
  if (draft.stopReason === 'end') {
    if (plan.kind === 'client') addToolCalls(plan.tools, context, draft);
    else if (plan.kind === 'server') {
      addServerToolUse(plan.tool, composeText(request.messages), context, draft);
      if (draft.stopReason === 'end') addText(request, draft);
    } else addText(request, draft);
  }

  return {
    blocks: draft.blocks,
    stopReason: draft.stopReason,
    ...(draft.stopSequence !== undefined ? { stopSequence: draft.stopSequence } : {}),
    usage: {
      inputTokens,
      outputTokens: draft.thinkingTokens + draft.emitted,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      thinkingTokens: draft.thinkingTokens,
      ...(draft.serverToolRequests ? { serverToolRequests: draft.serverToolRequests } : {}),
    },
    ...(draft.shortfalls.length > 0 ? { shortfalls: draft.shortfalls } : {}),
  };
}

function addThinking(request: CanonicalRequest, draft: Draft): void {
  const budget = request.thinking.budgetTokens ?? Number.POSITIVE_INFINITY;
  const limit = Math.min(budget, draft.remaining);
  const pieces = tokenize(composeThinking(request), limit + 1);
  const kept = pieces.slice(0, limit);
  const text = kept.join('');
  draft.thinkingTokens = kept.length;
  // Cut by max_tokens (not by the thinking budget): the reply ends inside its thinking.
  if (pieces.length > draft.remaining && draft.remaining <= budget) draft.stopReason = 'max-tokens';
  draft.remaining -= kept.length;
  if (kept.length > 0) {
    const omitted = request.thinking.display === 'omitted';
    draft.blocks.push({ kind: 'thinking', text: omitted ? '' : text, signature: signThinking(text), tokens: omitted ? [] : kept });
  }
}

function addToolCalls(tools: readonly CanonicalTool[], context: ReplyContext, draft: Draft): void {
  for (const [i, tool] of tools.entries()) {
    const input = generateValue(tool.inputSchema, draft.remaining, `tool "${tool.name}"`);
    const cost = input.fits ? TOKEN_OVERHEAD.toolBlock + countTokens(tool.name) + countTokens(JSON.stringify(input.value)) : Number.POSITIVE_INFINITY;
    if (!input.fits || cost > draft.remaining) {
      draft.stopReason = 'max-tokens';
      return;
    }
    draft.shortfalls.push(...checkValue(tool.inputSchema, input.value, '/tool-input', `an input that satisfies ${tool.name}'s input_schema`));
    draft.blocks.push({ kind: 'tool-call', id: context.toolCallId(i), name: tool.name, input: input.value });
    draft.emitted += cost;
    draft.remaining -= cost;
    draft.stopReason = 'tool-use';
  }
}

function addServerToolUse(tool: ServerTool, prompt: string, context: ReplyContext, draft: Draft): void {
  const input = serverToolInput(tool.execution, prompt);
  const cost = TOKEN_OVERHEAD.toolBlock + countTokens(tool.name) + countTokens(JSON.stringify(input));
  if (cost > draft.remaining) {
    draft.stopReason = 'max-tokens';
    return;
  }
  const id = (context.serverToolCallId ?? context.toolCallId)(0);
  const builtin = tool.builtin ?? tool.execution;
  draft.blocks.push({ kind: 'server-tool-call', id, name: tool.name, server: tool.execution, builtin, input });
  draft.blocks.push({ kind: 'server-tool-result', callId: id, name: tool.name, builtin, result: serverToolResult(input) });
  draft.emitted += cost;
  draft.remaining -= cost;
  draft.serverToolRequests = { [tool.execution]: 1 };
}

function addText(request: CanonicalRequest, draft: Draft): void {
  let text: string;
  if (request.output.kind === 'json') {
    const schema = request.output.schema ?? { type: 'object', properties: { text: { const: composeText(request.messages) } }, required: ['text'] };
    const value = generateValue(schema, draft.remaining, 'the structured output');
    if (!value.fits) {
      draft.stopReason = 'max-tokens';
      return;
    }
    if (request.output.schema) draft.shortfalls.push(...checkValue(schema, value.value, '/output', 'a value that satisfies the output schema'));
    text = JSON.stringify(value.value);
  } else {
    text = composeText(request.messages);
  }
  const cut = applyLimits(text, request.stopSequences, draft.remaining);
  if (cut.text.length > 0) draft.blocks.push({ kind: 'text', text: cut.text, tokens: cut.pieces });
  draft.emitted += cut.tokens;
  draft.remaining -= cut.tokens;
  draft.stopReason = cut.stopReason;
  if (cut.stopSequence !== undefined) draft.stopSequence = cut.stopSequence;
}

/**
 * A value for a caller's schema within the output budget: `fits: false` when it would not fit
 * (the reply stops with `max-tokens`); a 400 when it exceeds the mock's own bounds.
 */
function generateValue(schema: Readonly<Record<string, unknown>>, remaining: number, what: string): { fits: true; value: unknown } | { fits: false } {
  try {
    const maxChars = Number.isFinite(remaining) ? remaining * CHARS_PER_TOKEN + 16 : undefined;
    return { fits: true, value: exampleFromSchema(schema, maxChars === undefined ? {} : { maxChars }) };
  } catch (error) {
    if (!(error instanceof GenerationLimitError)) throw error;
    if (error.limitedBy === 'max-tokens') return { fits: false };
    throw new MockProtocolError('invalid_request', `${what}: ${error.message}; the mock cannot answer this request within its bounds`);
  }
}

/** The generated value checked against the caller's schema; a miss is reported, never hidden. */
function checkValue(schema: Readonly<Record<string, unknown>>, value: unknown, path: string, what: string): Diagnostic[] {
  const compiled = compileToolSchema(schema);
  if (!compiled.ok) return [];
  return compiled.validate(value).map((d) => diagnostic(`${path}${d.path}`, d.keyword, `the mock could not build ${what}: ${d.message}`));
}

interface Cut {
  readonly text: string;
  /** The kept text as tokens. */
  readonly pieces: readonly string[];
  readonly tokens: number;
  readonly stopReason: CanonicalStopReason;
  readonly stopSequence?: string;
}

/** Applies `max_tokens` and stop sequences to the text the model "would" write. */
export function applyLimits(text: string, stopSequences: readonly string[], budget: number): Cut {
  // One piece past the budget is enough to know the text does not fit.
  const pieces = tokenize(text, budget + 1);
  const keptPieces = pieces.length <= budget ? pieces : pieces.slice(0, budget);
  const withinBudget = pieces.length <= budget ? text : keptPieces.join('');
  let stopAt = -1;
  let matched: string | undefined;
  for (const sequence of stopSequences) {
    if (sequence.length === 0) continue;
    const at = withinBudget.indexOf(sequence);
    if (at !== -1 && (stopAt === -1 || at < stopAt)) {
      stopAt = at;
      matched = sequence;
    }
  }
  if (matched !== undefined) {
    const kept = text.slice(0, stopAt);
    const keptTokens = tokenize(kept);
    return { text: kept, pieces: keptTokens, tokens: keptTokens.length, stopReason: 'stop-sequence', stopSequence: matched };
  }
  if (pieces.length > budget) return { text: withinBudget, pieces: keptPieces, tokens: budget, stopReason: 'max-tokens' };
  return { text, pieces, tokens: pieces.length, stopReason: 'end' };
}

function composeThinking(request: CanonicalRequest): string {
  const turns = request.messages.length;
  const tools = request.tools.length;
  const toolNote = tools > 0 ? ` and ${tools} tool${tools === 1 ? '' : 's'}` : '';
  return `The conversation has ${turns} message${turns === 1 ? '' : 's'}${toolNote}. I will answer by repeating the last user message.`;
}
