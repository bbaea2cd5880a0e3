import type { GrammarEvent, StreamGrammar } from '../tooling/stream-grammar.ts';

/**
 * Event order of a streamed chat completion. Chat frames are `data:` lines only (no `event:`
 * lines, no `type` field), so the grammar names each frame by what it carries:
 * - `chunk`: a `chat.completion.chunk` with choices;
 * - `usage`: the chunk with `choices: []` and the usage totals (`stream_options.include_usage`);
 * - `error`: an in-band `{"error": …}` envelope, which ends the stream;
 * - `done`: the `[DONE]` sentinel that ends every successful stream.
 *
 * Order: one or more `chunk`, at most one `usage`, then `done`. Inside the chunks, each choice is
 * a sub-stream by `index` (0, 1… for `n`, interleaved): its first delta carries `role`, it ends
 * with a non-null `finish_reason` and nothing of it follows. Inside a choice, each tool call is a
 * sub-stream by `tool_calls[].index` (0, 1… in order): its first delta carries `id`, `type` and
 * `function.name`, which later deltas may repeat but never change.
 *
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 * @see https://platform.openai.com/docs/guides/streaming-responses
 */
export const openaiChatStreamGrammar = {
  protocol: 'openai-chat',
  events: ['chunk', 'usage', 'error', 'done'],
  keepAlive: [],
  terminalError: 'error',
  initial: 'start',
  final: ['end'],
  transitions: {
    start: { chunk: 'content' },
    content: { chunk: 'content', usage: 'usage', done: 'end' },
    usage: { done: 'end' },
    end: {},
  },
  items: {
    list: 'choices',
    indexField: 'index',
    ordered: false,
    firstRequires: ['delta.role'],
    endField: 'finish_reason',
    mustEnd: true,
    nested: {
      list: 'delta.tool_calls',
      indexField: 'index',
      ordered: true,
      firstRequires: ['id', 'type', 'function.name'],
      stable: ['id', 'type', 'function.name'],
    },
  },
} as const satisfies StreamGrammar;

/** Every event type of the chat stream, in the order the grammar lists them. */
export const OPENAI_CHAT_STREAM_EVENTS = openaiChatStreamGrammar.events;

export type OpenAIChatStreamEventType = (typeof OPENAI_CHAT_STREAM_EVENTS)[number];

/** The wire text of the end-of-stream sentinel (`data: [DONE]`). */
export const DONE_SENTINEL = '[DONE]';

/**
 * The grammar event of one parsed `data:` payload: `[DONE]` (the string), an error envelope, the
 * usage chunk (`choices: []` with usage), or a plain chunk.
 */
export function chatStreamEventType(data: unknown): OpenAIChatStreamEventType {
  if (data === DONE_SENTINEL) return 'done';
  if (data === null || typeof data !== 'object') return 'chunk';
  const record = data as Record<string, unknown>;
  if (record.error !== undefined && record.choices === undefined) return 'error';
  const choices = record.choices;
  if (Array.isArray(choices) && choices.length === 0 && record.usage !== undefined && record.usage !== null) return 'usage';
  return 'chunk';
}

/**
 * A raw `data:` payload as a grammar event: `[DONE]` stays the string it is, anything else is
 * parsed as JSON (a payload that is not JSON becomes the unknown event type `invalid-json`).
 */
export function chatStreamEvent(raw: string): GrammarEvent {
  if (raw === DONE_SENTINEL) return { type: 'done', data: DONE_SENTINEL };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { type: 'invalid-json', data: raw };
  }
  return { type: chatStreamEventType(data), data };
}
