import type { Diagnostic } from '../../specs/tooling/diagnostic.ts';

/**
 * The canonical turn model: what every protocol adapter decodes a request into, and what the
 * reply engine produces. It knows nothing about any wire format, which is what lets the same
 * reply render as an Anthropic Message, an OpenAI chat completion or a Gemini candidate.
 */

/** One piece of content in a conversation turn. */
export type CanonicalPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'image'; readonly source: 'base64' | 'url' | 'file'; readonly mediaType?: string; readonly data?: string; readonly url?: string }
  | { readonly kind: 'document'; readonly source: string; readonly text?: string; readonly data?: string; readonly title?: string }
  | { readonly kind: 'tool-call'; readonly id: string; readonly name: string; readonly input: unknown }
  | { readonly kind: 'tool-result'; readonly callId: string; readonly parts: readonly CanonicalPart[]; readonly isError: boolean }
  | { readonly kind: 'thinking'; readonly text: string; readonly signature?: string }
  | { readonly kind: 'redacted-thinking'; readonly data: string }
  /** A block the adapter accepts but the engine has no model for (server tool results, …). */
  | { readonly kind: 'opaque'; readonly type: string; readonly json: string };

export type CanonicalRole = 'user' | 'assistant' | 'system';

export interface CanonicalMessage {
  readonly role: CanonicalRole;
  readonly parts: readonly CanonicalPart[];
}

/** A tool the model may call; `inputSchema` is the caller's JSON Schema for the arguments. */
export interface CanonicalTool {
  readonly name: string;
  readonly description?: string;
  readonly inputSchema: Readonly<Record<string, unknown>>;
  /** Built-in tools (web search, …) have a vendor type; the engine never calls those itself. */
  readonly builtin?: string;
}

/** How the caller constrains tool use: `required` = any tool, `tool` = the named one. */
export interface CanonicalToolChoice {
  readonly mode: 'auto' | 'none' | 'required' | 'tool';
  readonly name?: string;
  readonly parallel: boolean;
}

export interface CanonicalThinking {
  readonly mode: 'off' | 'enabled' | 'adaptive';
  readonly budgetTokens?: number;
  /** `omitted` keeps the signature but sends no thinking text. */
  readonly display: 'summarized' | 'omitted';
}

/**
 * The shape the reply's text must take: free text, or JSON (Anthropic `output_config.format`,
 * OpenAI `response_format` / `text.format`, Gemini `responseMimeType` + `responseJsonSchema`).
 * `schema` is the caller's JSON Schema (untrusted input: generation against it is bounded).
 */
export type CanonicalOutput =
  | { readonly kind: 'text' }
  | { readonly kind: 'json'; readonly schema?: Readonly<Record<string, unknown>>; readonly name?: string };

/** A generation request, decoded from any protocol. */
export interface CanonicalRequest {
  readonly model: string;
  readonly system: readonly CanonicalPart[];
  readonly messages: readonly CanonicalMessage[];
  readonly tools: readonly CanonicalTool[];
  readonly toolChoice: CanonicalToolChoice;
  readonly maxOutputTokens: number | undefined;
  readonly stopSequences: readonly string[];
  readonly thinking: CanonicalThinking;
  /** Structured output; `{ kind: 'text' }` when the caller asked for none. */
  readonly output: CanonicalOutput;
  readonly stream: boolean;
}

/**
 * A block of the reply. `tokens`, when present, is the text cut into the estimator's tokens (it
 * joins back to `text`): the engine has it already, and streamers emit one delta per token.
 */
export type CanonicalBlock =
  | { readonly kind: 'text'; readonly text: string; readonly tokens?: readonly string[] }
  | { readonly kind: 'thinking'; readonly text: string; readonly signature: string; readonly tokens?: readonly string[] }
  | { readonly kind: 'tool-call'; readonly id: string; readonly name: string; readonly input: unknown };

/** Why generation stopped, in protocol-neutral words; each adapter maps it to its vendor's term. */
export type CanonicalStopReason = 'end' | 'max-tokens' | 'stop-sequence' | 'tool-use';

export interface CanonicalUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  /** Part of `outputTokens` spent on thinking. */
  readonly thinkingTokens: number;
}

/** The reply engine's answer: content blocks, why it stopped, and what it cost. */
export interface CanonicalReply {
  readonly blocks: readonly CanonicalBlock[];
  readonly stopReason: CanonicalStopReason;
  readonly stopSequence?: string;
  readonly usage: CanonicalUsage;
  /** Where the engine fell short of the request (a tool input it could not make valid): mock bugs, reported as violations. */
  readonly shortfalls?: readonly Diagnostic[];
}
