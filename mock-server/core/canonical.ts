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

/**
 * What a vendor-run (server) tool does, in protocol-neutral words: Anthropic `web_search_*`,
 * OpenAI Responses `web_search`, Gemini `googleSearch` are all `web-search`.
 */
export type CanonicalServerToolKind = 'web-search' | 'web-fetch' | 'code-execution';

/** A tool the model may call; `inputSchema` is the caller's JSON Schema for the arguments. */
export interface CanonicalTool {
  readonly name: string;
  readonly description?: string;
  readonly inputSchema: Readonly<Record<string, unknown>>;
  /** Built-in tools (web search, bash, …) have a vendor type (`web_search_20250305`). */
  readonly builtin?: string;
  /**
   * Who runs a built-in tool, which decides what a forced call produces: `client` (bash, text
   * editor, computer, memory: the caller runs it, so the reply is a tool call whose input follows
   * `inputSchema`, which the adapter fills with the tool's documented input shape), or the kind of
   * server tool (the reply carries the call and its result, then text). A built-in tool without
   * it (a toolset, an unknown version) is never called by the engine. Custom tools ignore it.
   */
  readonly execution?: 'client' | CanonicalServerToolKind;
}

/**
 * How the caller constrains tool use: `required` = one of the tools (or of `names`), `tool` = the
 * named one. `names` is a set of allowed tools (OpenAI `allowed_tools`, Gemini
 * `allowedFunctionNames`): with `required`, several names and `parallel`, the engine calls each
 * named tool once, in parallel; otherwise it makes one call.
 */
export interface CanonicalToolChoice {
  readonly mode: 'auto' | 'none' | 'required' | 'tool';
  readonly name?: string;
  readonly names?: readonly string[];
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
  | { readonly kind: 'tool-call'; readonly id: string; readonly name: string; readonly input: unknown }
  /** A server tool the vendor ran: the call (its result follows as `server-tool-result`). */
  | { readonly kind: 'server-tool-call'; readonly id: string; readonly name: string; readonly server: CanonicalServerToolKind; readonly builtin: string; readonly input: CanonicalServerToolInput }
  | { readonly kind: 'server-tool-result'; readonly callId: string; readonly name: string; readonly builtin: string; readonly result: CanonicalServerToolResult };

/** A server tool call's arguments, protocol-neutral (each adapter spells them its way). */
export type CanonicalServerToolInput =
  | { readonly kind: 'web-search'; readonly query: string }
  | { readonly kind: 'web-fetch'; readonly url: string }
  | { readonly kind: 'code-execution'; readonly code: string };

/** What a server tool returned: deterministic, derived from its input. */
export type CanonicalServerToolResult =
  | { readonly kind: 'web-search'; readonly results: readonly { readonly url: string; readonly title: string; readonly snippet: string; readonly pageAge: string }[] }
  | { readonly kind: 'web-fetch'; readonly url: string; readonly title: string; readonly text: string; readonly retrievedAt: string }
  | { readonly kind: 'code-execution'; readonly stdout: string; readonly stderr: string; readonly returnCode: number };

/** Why generation stopped, in protocol-neutral words; each adapter maps it to its vendor's term. */
export type CanonicalStopReason = 'end' | 'max-tokens' | 'stop-sequence' | 'tool-use';

export interface CanonicalUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  /** Part of `outputTokens` spent on thinking. */
  readonly thinkingTokens: number;
  /** Server tool calls made, by kind (Anthropic `usage.server_tool_use`); absent = none. */
  readonly serverToolRequests?: Readonly<Partial<Record<CanonicalServerToolKind, number>>>;
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
