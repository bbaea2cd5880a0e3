import type { CanonicalBlock, CanonicalReply } from '../../core/canonical.ts';
import type { StreamEvent } from '../../core/protocol-adapter.ts';
import { tokenize } from '../../core/token-estimator.ts';
import type { AnthropicStreamEventType } from '../../../specs/anthropic-messages/stream-grammar.ts';
import { encodeUsage, type MessageIdentity, STOP_REASONS } from './encode-message.ts';

const event = (type: AnthropicStreamEventType, data: Record<string, unknown>): StreamEvent => ({ type, data: { type, ...data } });

/**
 * The stream of one reply, in the order the live API sends it: `message_start`, then per block
 * `content_block_start` → deltas (one per token) → `content_block_stop`, a `ping` after the first
 * block opens (where the live API puts it), then `message_delta` with the stop reason and final
 * usage, and `message_stop`. No `[DONE]`: that is OpenAI's sentinel.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/streaming
 */
export function encodeStream(identity: MessageIdentity, reply: CanonicalReply): StreamEvent[] {
  const events: StreamEvent[] = [];
  // The live API reports a provisional output count (usually 1) at the start.
  const initialOutput = Math.min(1, reply.usage.outputTokens);
  events.push(
    event('message_start', {
      message: {
        model: identity.model,
        id: identity.id,
        type: 'message',
        role: 'assistant',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: encodeUsage(reply.usage.inputTokens, initialOutput, reply),
      },
    }),
  );
  reply.blocks.forEach((block, index) => {
    events.push(event('content_block_start', { index, content_block: startBlock(block) }));
    if (index === 0) events.push(event('ping', {}));
    for (const delta of blockDeltas(block)) events.push(event('content_block_delta', { index, delta }));
    events.push(event('content_block_stop', { index }));
  });
  if (reply.blocks.length === 0) events.push(event('ping', {}));
  events.push(
    event('message_delta', {
      delta: { stop_reason: STOP_REASONS[reply.stopReason], stop_sequence: reply.stopSequence ?? null, stop_details: null },
      usage: {
        input_tokens: reply.usage.inputTokens,
        cache_creation_input_tokens: reply.usage.cacheWriteTokens,
        cache_read_input_tokens: reply.usage.cacheReadTokens,
        output_tokens: reply.usage.outputTokens,
      },
    }),
  );
  events.push(event('message_stop', {}));
  return events;
}

/** A block as `content_block_start` announces it: empty text, empty thinking, `input: {}`. */
function startBlock(block: CanonicalBlock): Record<string, unknown> {
  switch (block.kind) {
    case 'text':
      return { type: 'text', text: '' };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'tool-call':
      return { type: 'tool_use', id: block.id, name: block.name, input: {} };
  }
}

function blockDeltas(block: CanonicalBlock): Record<string, unknown>[] {
  switch (block.kind) {
    case 'text':
      return (block.tokens ?? tokenize(block.text)).map((text) => ({ type: 'text_delta', text }));
    case 'thinking':
      return [
        ...(block.tokens ?? tokenize(block.text)).map((thinking) => ({ type: 'thinking_delta', thinking })),
        { type: 'signature_delta', signature: block.signature },
      ];
    case 'tool-call':
      // The live API opens with an empty fragment, then streams the JSON text in pieces.
      return ['', ...tokenize(JSON.stringify(block.input))].map((partial_json) => ({ type: 'input_json_delta', partial_json }));
  }
}
