import type { StreamGrammar } from '../tooling/stream-grammar.ts';

/**
 * Event order of a streaming Create Message response:
 * `message_start`, then for each content block `content_block_start`, any number of
 * `content_block_delta`, `content_block_stop` (indices 0, 1, 2… one block at a time), then one or
 * more `message_delta` and a final `message_stop`. `ping` may come anywhere; an `error` event ends
 * the stream. There is no `[DONE]` sentinel.
 *
 * Delta kinds per block: text ← text_delta / citations_delta; tool_use and server_tool_use ←
 * input_json_delta; thinking ← thinking_delta then signature_delta; compaction ← compaction_delta
 * (beta). Other block types arrive complete in `content_block_start` and are not restricted.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/streaming
 * @see https://docs.claude.com/en/api/messages-streaming
 */
export const anthropicStreamGrammar = {
  protocol: 'anthropic-messages',
  events: [
    'message_start',
    'content_block_start',
    'ping',
    'content_block_delta',
    'content_block_stop',
    'message_delta',
    'message_stop',
    'error',
  ],
  keepAlive: ['ping'],
  terminalError: 'error',
  initial: 'start',
  final: ['end'],
  transitions: {
    start: { message_start: 'message' },
    message: { content_block_start: 'block', message_delta: 'delta' },
    block: { content_block_delta: 'block', content_block_stop: 'message' },
    // The docs say "one or more message_delta events".
    delta: { message_delta: 'delta', message_stop: 'end' },
    end: {},
  },
  blocks: {
    indexField: 'index',
    open: 'content_block_start',
    delta: 'content_block_delta',
    close: 'content_block_stop',
    blockTypeField: 'content_block.type',
    deltaTypeField: 'delta.type',
    deltaTypes: {
      text: ['text_delta', 'citations_delta'],
      tool_use: ['input_json_delta'],
      server_tool_use: ['input_json_delta'],
      thinking: ['thinking_delta', 'signature_delta'],
      compaction: ['compaction_delta'],
    },
  },
} as const satisfies StreamGrammar;

/** Every wire event type of the Anthropic stream, in the order the grammar lists them. */
export const ANTHROPIC_STREAM_EVENTS = anthropicStreamGrammar.events;

export type AnthropicStreamEventType = (typeof ANTHROPIC_STREAM_EVENTS)[number];
