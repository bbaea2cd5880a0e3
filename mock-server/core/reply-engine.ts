import { type Diagnostic, diagnostic } from '../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import type { CanonicalBlock, CanonicalMessage, CanonicalReply, CanonicalRequest, CanonicalStopReason, CanonicalTool } from './canonical.ts';
import { estimateRequestTokens, TOKEN_OVERHEAD } from './request-tokens.ts';
import { exampleFromSchema } from './schema-example.ts';
import { signThinking } from './thinking-signature.ts';
import { countTokens, tokenize } from './token-estimator.ts';

/** What the engine needs from the protocol adapter: how that protocol spells tool-call ids. */
export interface ReplyContext {
  toolCallId(index: number): string;
}

const FALLBACK_TEXT = 'Hello from the llm-conformance mock.';

/**
 * The canonical reply engine: a pure function from a request to a reply, so that the same
 * request always yields the same reply in every protocol.
 *
 * Default behaviour (scenarios may replace it):
 * - **Text**: the reply echoes the text of the last user turn (after a tool result: a short
 *   acknowledgement quoting it), so tests can steer the content from the prompt.
 * - **Tool use**: only when the caller forces it (`required`/`tool` choice): one call to the named
 *   (or first) tool, with an input built from its `input_schema`. `auto` answers in text.
 * - **Thinking**: when enabled (or adaptive), a short thinking block with a verifiable signature
 *   comes first, capped at `budget_tokens`.
 * - **Limits**: `max_tokens` cuts at a token boundary (`max-tokens`); a stop sequence that occurs
 *   within the budget cuts before it (`stop-sequence`). A tool call that does not fit the budget
 *   is left out and the reply stops with `max-tokens`.
 * - **Usage**: input tokens from {@link estimateRequestTokens}; output tokens are exactly the
 *   tokens of what was emitted.
 */
export function generateReply(request: CanonicalRequest, context: ReplyContext): CanonicalReply {
  const inputTokens = estimateRequestTokens(request);
  let remaining = request.maxOutputTokens ?? Number.POSITIVE_INFINITY;
  const blocks: CanonicalBlock[] = [];
  let thinkingTokens = 0;
  let stopReason: CanonicalStopReason = 'end';
  let stopSequence: string | undefined;

  const forcedTool = pickForcedTool(request);
  const shortfalls: Diagnostic[] = [];
  let emittedTokens = 0;

  if (request.thinking.mode !== 'off' && !forcedTool) {
    const pieces = tokenize(composeThinking(request));
    const budget = request.thinking.budgetTokens ?? Number.POSITIVE_INFINITY;
    const kept = pieces.slice(0, Math.min(budget, remaining));
    const text = kept.join('');
    thinkingTokens = kept.length;
    // Cut by max_tokens (not by the thinking budget): the reply ends inside its thinking.
    if (pieces.length > remaining && remaining <= budget) stopReason = 'max-tokens';
    remaining -= thinkingTokens;
    if (thinkingTokens > 0) {
      const omitted = request.thinking.display === 'omitted';
      blocks.push({ kind: 'thinking', text: omitted ? '' : text, signature: signThinking(text), tokens: omitted ? [] : kept });
    }
  }

  if (stopReason === 'end' && forcedTool) {
    const input = exampleFromSchema(forcedTool.inputSchema);
    shortfalls.push(...checkToolInput(forcedTool, input));
    const cost = TOKEN_OVERHEAD.toolBlock + countTokens(forcedTool.name) + countTokens(JSON.stringify(input));
    if (cost <= remaining) {
      blocks.push({ kind: 'tool-call', id: context.toolCallId(0), name: forcedTool.name, input });
      emittedTokens += cost;
      stopReason = 'tool-use';
    } else {
      stopReason = 'max-tokens';
    }
  } else if (stopReason === 'end') {
    const text = composeText(request.messages);
    const cut = applyLimits(text, request.stopSequences, remaining);
    if (cut.text.length > 0) blocks.push({ kind: 'text', text: cut.text, tokens: cut.pieces });
    emittedTokens += cut.tokens;
    stopReason = cut.stopReason;
    stopSequence = cut.stopSequence;
  }

  const outputTokens = thinkingTokens + emittedTokens;
  return {
    blocks,
    stopReason,
    ...(stopSequence !== undefined ? { stopSequence } : {}),
    usage: { inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0, thinkingTokens },
    ...(shortfalls.length > 0 ? { shortfalls } : {}),
  };
}

/** The generated input checked against the tool's own schema; a miss is reported, never hidden. */
function checkToolInput(tool: CanonicalTool, input: unknown): Diagnostic[] {
  const compiled = compileToolSchema(tool.inputSchema);
  if (!compiled.ok) return [];
  return compiled.validate(input).map((d) =>
    diagnostic(`/tool-input${d.path}`, d.keyword, `the mock could not build an input that satisfies ${tool.name}'s input_schema: ${d.message}`),
  );
}

function pickForcedTool(request: CanonicalRequest): CanonicalTool | undefined {
  const callable = request.tools.filter((t) => !t.builtin);
  if (request.toolChoice.mode === 'tool') return callable.find((t) => t.name === request.toolChoice.name);
  if (request.toolChoice.mode === 'required') return callable[0];
  return undefined;
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
  const pieces = tokenize(text);
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

/** The echo: text of the last user turn, or an acknowledgement of its tool results. */
export function composeText(messages: readonly CanonicalMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== 'user') continue;
    const text = message.parts
      .filter((p) => p.kind === 'text')
      .map((p) => p.text)
      .join('\n')
      .trim();
    if (text.length > 0) return text;
    const result = message.parts.find((p) => p.kind === 'tool-result');
    if (result) {
      const quoted = result.parts
        .filter((p) => p.kind === 'text')
        .map((p) => p.text)
        .join(' ')
        .slice(0, 200);
      return quoted ? `Tool result received: ${quoted}` : 'Tool result received.';
    }
  }
  return FALLBACK_TEXT;
}

function composeThinking(request: CanonicalRequest): string {
  const turns = request.messages.length;
  const tools = request.tools.length;
  const toolNote = tools > 0 ? ` and ${tools} tool${tools === 1 ? '' : 's'}` : '';
  return `The conversation has ${turns} message${turns === 1 ? '' : 's'}${toolNote}. I will answer by repeating the last user message.`;
}
