/**
 * The parts of an OpenAI Responses request the mock reads, and the item shapes it stores. Bodies
 * have already passed the request schema (`specs/openai-responses/schemas/`), so these types only
 * describe shapes, they do not re-check them.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
export interface ResponsesRequestBody {
  readonly model?: string;
  readonly input?: string | readonly InputItemParam[] | null;
  readonly instructions?: string | null;
  readonly previous_response_id?: string | null;
  readonly store?: boolean | null;
  readonly stream?: boolean | null;
  readonly stream_options?: { readonly include_obfuscation?: boolean } | null;
  readonly background?: boolean | null;
  readonly include?: readonly string[] | null;
  readonly metadata?: Readonly<Record<string, string>> | null;
  readonly max_output_tokens?: number | null;
  readonly max_tool_calls?: number | null;
  readonly temperature?: number | null;
  readonly top_p?: number | null;
  readonly top_logprobs?: number | null;
  readonly reasoning?: { readonly effort?: string | null; readonly summary?: string | null; readonly generate_summary?: string | null } | null;
  readonly text?: { readonly format?: TextFormatParam; readonly verbosity?: string | null } | null;
  readonly tools?: readonly ToolParam[] | null;
  readonly tool_choice?: ToolChoiceParam | null;
  readonly parallel_tool_calls?: boolean | null;
  readonly truncation?: string | null;
  readonly service_tier?: string | null;
  readonly user?: string;
  readonly safety_identifier?: string | null;
  readonly prompt_cache_key?: string | null;
  readonly prompt_cache_retention?: string | null;
  readonly prompt?: { readonly id: string } | null;
  readonly conversation?: string | { readonly id: string } | null;
}

export type TextFormatParam =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: Readonly<Record<string, unknown>>; readonly strict?: boolean | null; readonly description?: string };

export type ToolChoiceParam =
  | 'none'
  | 'auto'
  | 'required'
  | { readonly type: 'function' | 'custom'; readonly name: string }
  | { readonly type: 'allowed_tools'; readonly mode: 'auto' | 'required'; readonly tools: readonly { readonly type: string; readonly name?: string }[] }
  | { readonly type: string; readonly name?: string | null };

/** A tool: a function (modelled) or a built-in tool (kept as sent). */
export interface ToolParam {
  readonly type: string;
  readonly name?: string;
  readonly description?: string | null;
  readonly parameters?: Readonly<Record<string, unknown>> | null;
  readonly strict?: boolean | null;
  readonly [key: string]: unknown;
}

/** Any content part of a message. */
export interface ContentPartParam {
  readonly type: string;
  readonly text?: string;
  readonly refusal?: string;
  readonly image_url?: string | null;
  readonly file_id?: string | null;
  readonly file_data?: string;
  readonly file_url?: string;
  readonly filename?: string;
  readonly detail?: string;
  readonly annotations?: readonly unknown[];
  readonly logprobs?: readonly unknown[];
}

/** Any input item; fields beyond `type` depend on it (a message may come without `type`). */
export interface InputItemParam {
  readonly type?: string | null;
  readonly id?: string | null;
  readonly role?: 'user' | 'assistant' | 'system' | 'developer';
  readonly content?: string | readonly ContentPartParam[];
  readonly status?: string | null;
  readonly phase?: string | null;
  readonly call_id?: string | null;
  readonly name?: string | null;
  readonly arguments?: string;
  readonly output?: string | readonly ContentPartParam[];
  readonly summary?: readonly { readonly type: string; readonly text: string }[];
  readonly encrypted_content?: string | null;
  readonly [key: string]: unknown;
}

/**
 * An item as the server keeps it: always with an `id` (and a `status` for messages and calls),
 * message content always a list of parts. Input items become these when stored; output items
 * already are.
 */
export interface StoredItem {
  readonly type: string;
  readonly id: string;
  readonly [key: string]: unknown;
}
