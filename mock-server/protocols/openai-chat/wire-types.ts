/**
 * The parts of a Chat Completions request body the mock reads. The body has already passed the
 * request schema (`specs/openai-chat/schemas/create-chat-completion-request.json`), so these types
 * only describe shapes; they do not re-check them.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export interface ChatRequestBody {
  readonly model: string;
  readonly messages: readonly ChatMessageParam[];
  readonly max_tokens?: number | null;
  readonly max_completion_tokens?: number | null;
  readonly n?: number | null;
  readonly stop?: string | readonly string[] | null;
  readonly stream?: boolean | null;
  readonly stream_options?: { readonly include_usage?: boolean; readonly include_obfuscation?: boolean } | null;
  readonly logprobs?: boolean | null;
  readonly top_logprobs?: number | null;
  readonly temperature?: number | null;
  readonly reasoning_effort?: ReasoningEffort | null;
  readonly response_format?: ResponseFormat;
  readonly tools?: readonly ChatToolParam[];
  readonly tool_choice?: ToolChoiceParam;
  readonly parallel_tool_calls?: boolean;
  readonly functions?: readonly FunctionDefinition[];
  readonly function_call?: 'none' | 'auto' | { readonly name: string };
  readonly service_tier?: string | null;
}

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export type ChatRole = 'developer' | 'system' | 'user' | 'assistant' | 'tool' | 'function';

export interface ChatMessageParam {
  readonly role: ChatRole;
  readonly content?: string | readonly ChatContentPart[] | null;
  readonly name?: string;
  readonly refusal?: string | null;
  readonly tool_calls?: readonly ToolCallParam[];
  readonly function_call?: { readonly name: string; readonly arguments: string } | null;
  readonly tool_call_id?: string;
}

/** Any content part; fields beyond `type` depend on it. */
export interface ChatContentPart {
  readonly type: 'text' | 'refusal' | 'image_url' | 'input_audio' | 'file';
  readonly text?: string;
  readonly refusal?: string;
  readonly image_url?: { readonly url: string; readonly detail?: string };
  readonly input_audio?: { readonly data: string; readonly format: string };
  readonly file?: { readonly filename?: string; readonly file_data?: string; readonly file_id?: string };
}

export interface ToolCallParam {
  readonly id: string;
  readonly type: 'function' | 'custom';
  readonly function?: { readonly name: string; readonly arguments: string };
  readonly custom?: { readonly name: string; readonly input: string };
}

export interface FunctionDefinition {
  readonly name: string;
  readonly description?: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly strict?: boolean | null;
}

export type ChatToolParam =
  | { readonly type: 'function'; readonly function: FunctionDefinition }
  | { readonly type: 'custom'; readonly custom: { readonly name: string; readonly description?: string } };

export type ToolChoiceParam =
  | 'none'
  | 'auto'
  | 'required'
  | { readonly type: 'function'; readonly function: { readonly name: string } }
  | { readonly type: 'custom'; readonly custom: { readonly name: string } }
  | { readonly type: 'allowed_tools'; readonly allowed_tools: { readonly mode: 'auto' | 'required'; readonly tools: readonly Record<string, unknown>[] } };

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly json_schema: { readonly name: string; readonly schema?: Readonly<Record<string, unknown>>; readonly strict?: boolean | null } };

/** The name a tool is called by, whatever its kind. */
export function toolName(tool: ChatToolParam): string {
  return tool.type === 'function' ? tool.function.name : tool.custom.name;
}
