import type { StreamGrammar } from '../tooling/stream-grammar.ts';

/**
 * Every event type of a streaming response, spelled as on the wire (`data.type`, and the `event:`
 * line): the `ResponseStreamEvent` union of the official schema and of openai-node 7 (which adds
 * `response.compaction.compacting`), plus the `keepalive` the API sends on long silences.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export const RESPONSES_STREAM_EVENTS = [
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.output_text.annotation.added',
  'response.refusal.delta',
  'response.refusal.done',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_part.done',
  'response.reasoning_summary_text.delta',
  'response.reasoning_summary_text.done',
  'response.reasoning_text.delta',
  'response.reasoning_text.done',
  'response.custom_tool_call_input.delta',
  'response.custom_tool_call_input.done',
  'response.web_search_call.in_progress',
  'response.web_search_call.searching',
  'response.web_search_call.completed',
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.file_search_call.completed',
  'response.code_interpreter_call.in_progress',
  'response.code_interpreter_call.interpreting',
  'response.code_interpreter_call.completed',
  'response.code_interpreter_call_code.delta',
  'response.code_interpreter_call_code.done',
  'response.image_generation_call.in_progress',
  'response.image_generation_call.generating',
  'response.image_generation_call.partial_image',
  'response.image_generation_call.completed',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'response.mcp_call.in_progress',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
  'response.mcp_list_tools.in_progress',
  'response.mcp_list_tools.completed',
  'response.mcp_list_tools.failed',
  'response.shell_call_command.added',
  'response.shell_call_command.delta',
  'response.shell_call_command.done',
  'response.shell_call_output_content.delta',
  'response.shell_call_output_content.done',
  'response.compaction.compacting',
  'response.audio.delta',
  'response.audio.done',
  'response.audio.transcript.delta',
  'response.audio.transcript.done',
  'response.completed',
  'response.incomplete',
  'response.failed',
  'error',
  'keepalive',
] as const;

export type ResponsesStreamEventType = (typeof RESPONSES_STREAM_EVENTS)[number];

/** The events that end a response: each carries the final Response. */
export const RESPONSES_TERMINAL_EVENTS = ['response.completed', 'response.incomplete', 'response.failed'] as const satisfies readonly ResponsesStreamEventType[];

/** Lifecycle events: each wraps the whole Response object in `response`. */
export const RESPONSES_LIFECYCLE_EVENTS = [
  'response.created',
  'response.queued',
  'response.in_progress',
  ...RESPONSES_TERMINAL_EVENTS,
] as const satisfies readonly ResponsesStreamEventType[];

// Output-level events: everything between the lifecycle start and end. Audio events belong to the
// response, not to an item (they carry no output_index).
const OUTPUT_EVENTS = RESPONSES_STREAM_EVENTS.filter(
  (type) => !(RESPONSES_LIFECYCLE_EVENTS as readonly string[]).includes(type) && type !== 'error' && type !== 'keepalive',
);
const ITEM_EVENTS = OUTPUT_EVENTS.filter((type) => type !== 'response.output_item.added' && type !== 'response.output_item.done' && !type.startsWith('response.audio.'));

const TEXT_PART_EVENTS = ['response.output_text.delta', 'response.output_text.done', 'response.output_text.annotation.added'] as const;
const REFUSAL_PART_EVENTS = ['response.refusal.delta', 'response.refusal.done'] as const;
const REASONING_TEXT_EVENTS = ['response.reasoning_text.delta', 'response.reasoning_text.done'] as const;
const PART_EVENTS = ['response.content_part.added', 'response.content_part.done'] as const;
const SUMMARY_EVENTS = [
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_part.done',
  'response.reasoning_summary_text.delta',
  'response.reasoning_summary_text.done',
] as const;
const withPrefix = (prefix: string) => ITEM_EVENTS.filter((type) => type.startsWith(prefix));

/**
 * Event order of a streaming response, as data:
 * `response.created`, any `response.queued` (background mode), an optional `response.in_progress`
 * (the API always sends it; clients do not depend on it), then output events, then exactly one of
 * `response.completed` / `response.incomplete` / `response.failed`. An `error` event ends the
 * stream from any state; `keepalive` may come anywhere before the end. Every event, keep-alives and
 * errors included, carries `sequence_number`: 0 first, then one more each time.
 *
 * Output items open with `response.output_item.added` at the next `output_index` (0, 1, 2…),
 * announcing the item id that each later event of the item repeats as `item_id`, and close with
 * `response.output_item.done`; items may overlap (openai-node tracks them by index), and every
 * item must be closed before `response.completed`. Inside a message (or reasoning) item, content
 * parts open and close in `content_index` order, each receiving only its own kind of delta;
 * inside a reasoning item, summary parts do the same by `summary_index`.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 * @see https://platform.openai.com/docs/guides/streaming-responses
 */
export const responsesStreamGrammar = {
  protocol: 'openai-responses',
  events: RESPONSES_STREAM_EVENTS,
  keepAlive: ['keepalive'],
  terminalError: 'error',
  initial: 'start',
  final: ['end'],
  transitions: {
    start: { 'response.created': 'created' },
    created: {
      'response.queued': 'created',
      'response.in_progress': 'output',
      ...Object.fromEntries(OUTPUT_EVENTS.map((type) => [type, 'output'])),
      ...Object.fromEntries(RESPONSES_TERMINAL_EVENTS.map((type) => [type, 'end'])),
    },
    output: {
      ...Object.fromEntries(OUTPUT_EVENTS.map((type) => [type, 'output'])),
      ...Object.fromEntries(RESPONSES_TERMINAL_EVENTS.map((type) => [type, 'end'])),
    },
    end: {},
  },
  blocks: {
    indexField: 'output_index',
    open: 'response.output_item.added',
    delta: 'response.output_text.delta',
    deltaEvents: ITEM_EVENTS,
    close: 'response.output_item.done',
    blockTypeField: 'item.type',
    deltaTypeField: 'type',
    deltaTypes: {
      message: [...PART_EVENTS, ...TEXT_PART_EVENTS, ...REFUSAL_PART_EVENTS],
      function_call: ['response.function_call_arguments.delta', 'response.function_call_arguments.done'],
      reasoning: [...SUMMARY_EVENTS, ...PART_EVENTS, ...REASONING_TEXT_EVENTS],
      custom_tool_call: withPrefix('response.custom_tool_call_input.'),
      web_search_call: withPrefix('response.web_search_call.'),
      file_search_call: withPrefix('response.file_search_call.'),
      code_interpreter_call: withPrefix('response.code_interpreter_call'),
      image_generation_call: withPrefix('response.image_generation_call.'),
      mcp_call: withPrefix('response.mcp_call'),
      mcp_list_tools: withPrefix('response.mcp_list_tools.'),
      compaction: ['response.compaction.compacting'],
    },
    concurrent: true,
    identity: { announced: 'item.id', carried: 'item_id' },
    closeBefore: ['response.completed'],
  },
  subStreams: [
    {
      indexField: 'content_index',
      scopeField: 'output_index',
      scopeClose: 'response.output_item.done',
      open: 'response.content_part.added',
      delta: 'response.output_text.delta',
      deltaEvents: [...TEXT_PART_EVENTS, ...REFUSAL_PART_EVENTS, ...REASONING_TEXT_EVENTS],
      close: 'response.content_part.done',
      blockTypeField: 'part.type',
      deltaTypeField: 'type',
      deltaTypes: { output_text: TEXT_PART_EVENTS, refusal: REFUSAL_PART_EVENTS, reasoning_text: REASONING_TEXT_EVENTS },
    },
    {
      indexField: 'summary_index',
      scopeField: 'output_index',
      scopeClose: 'response.output_item.done',
      open: 'response.reasoning_summary_part.added',
      delta: 'response.reasoning_summary_text.delta',
      deltaEvents: ['response.reasoning_summary_text.done'],
      close: 'response.reasoning_summary_part.done',
      blockTypeField: 'part.type',
      deltaTypeField: 'type',
      deltaTypes: {},
    },
  ],
  sequence: { field: 'sequence_number', start: 0 },
} as const satisfies StreamGrammar;
