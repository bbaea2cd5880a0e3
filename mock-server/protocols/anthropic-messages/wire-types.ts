/**
 * The parts of an Anthropic request body the mock reads. The body has already passed the
 * request schema (`specs/anthropic-messages/schemas/create-message-request.json`), so these types
 * only describe shapes, they do not re-check them.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export interface AnthropicRequestBody {
  readonly model: string;
  readonly messages: readonly AnthropicMessageParam[];
  readonly system?: string | readonly AnthropicBlockParam[];
  readonly max_tokens?: number;
  readonly stop_sequences?: readonly string[];
  readonly stream?: boolean;
  readonly temperature?: number;
  readonly top_k?: number;
  readonly tools?: readonly AnthropicToolParam[];
  readonly tool_choice?: { readonly type: 'auto' | 'any' | 'tool' | 'none'; readonly name?: string; readonly disable_parallel_tool_use?: boolean };
  readonly thinking?: { readonly type: 'enabled' | 'disabled' | 'adaptive' | 'between_tools'; readonly budget_tokens?: number; readonly display?: string | null };
  /** `format` asks for JSON output (`{type: "json_schema", schema}`). */
  readonly output_config?: { readonly format?: AnthropicOutputFormat | null } | null;
  /** The beta spelling of `output_config.format` (`structured-outputs-2025-11-13`). */
  readonly output_format?: AnthropicOutputFormat | null;
  /** The threads beta (`message-threads-2026-08-12`). */
  readonly thread?: { readonly type: 'create' } | { readonly type: 'continue'; readonly previous_message_id?: string } | null;
  readonly context_management?: Readonly<Record<string, unknown>> | null;
}

export interface AnthropicOutputFormat {
  readonly type: string;
  readonly schema?: Readonly<Record<string, unknown>>;
}

export interface AnthropicMessageParam {
  readonly role: 'user' | 'assistant' | 'system';
  readonly content: string | readonly AnthropicBlockParam[];
}

/** Any request content block; fields beyond `type` depend on it. */
export interface AnthropicBlockParam {
  readonly type: string;
  readonly text?: string;
  readonly id?: string;
  readonly name?: string;
  readonly input?: unknown;
  readonly tool_use_id?: string;
  readonly content?: string | readonly AnthropicBlockParam[];
  readonly is_error?: boolean;
  readonly thinking?: string;
  readonly signature?: string;
  readonly data?: string;
  readonly title?: string | null;
  readonly source?: {
    readonly type: string;
    readonly media_type?: string;
    readonly data?: string;
    readonly url?: string;
    readonly file_id?: string;
    readonly content?: string | readonly AnthropicBlockParam[];
  };
}

export interface AnthropicToolParam {
  readonly type?: string | null;
  /** Absent on toolsets (`mcp_toolset`). */
  readonly name?: string;
  readonly description?: string;
  readonly input_schema?: Readonly<Record<string, unknown>>;
}
