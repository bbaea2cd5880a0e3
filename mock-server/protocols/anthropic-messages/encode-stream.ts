import type { CanonicalReply } from '../../core/canonical.ts';
import type { StreamEvent } from '../../core/protocol-adapter.ts';
import type { AnthropicStreamEventType } from '../../../specs/anthropic-messages/stream-grammar.ts';
import { blockDeltas, startBlock } from './encode-blocks.ts';
import { encodeIterations, encodeUsage, type MessageIdentity, type MessageShape, PLAIN_SHAPE, serverToolUsage, STOP_REASONS } from './encode-message.ts';

const event = (type: AnthropicStreamEventType, data: Record<string, unknown>): StreamEvent => ({ type, data: { type, ...data } });

/**
 * The stream of one reply, in the order the live API sends it: `message_start`, then per block
 * `content_block_start` → deltas (one per token; a server tool result arrives whole in its start)
 * → `content_block_stop`, a `ping` after the first block opens (where the live API puts it), then
 * `message_delta` with the stop reason, the container and the final usage, and `message_stop`. No
 * `[DONE]`: that is OpenAI's sentinel.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/streaming
 */
export function encodeStream(identity: MessageIdentity, reply: CanonicalReply, shape: MessageShape = PLAIN_SHAPE): StreamEvent[] {
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
        usage: encodeUsage(identity, reply.usage.inputTokens, initialOutput, reply, shape),
        ...(shape.beta ? { context_management: null } : {}),
        container: null,
        diagnostics: null,
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
  const { inputTokens, outputTokens } = reply.usage;
  events.push(
    event('message_delta', {
      delta: { stop_reason: STOP_REASONS[reply.stopReason], stop_sequence: reply.stopSequence ?? null, stop_details: null, container: shape.container },
      usage: {
        input_tokens: inputTokens,
        cache_creation_input_tokens: reply.usage.cacheWriteTokens,
        cache_read_input_tokens: reply.usage.cacheReadTokens,
        output_tokens: outputTokens,
        server_tool_use: serverToolUsage(reply),
        ...(shape.beta ? { iterations: encodeIterations(identity.model, inputTokens, outputTokens, reply) } : {}),
      },
      ...(shape.beta ? { context_management: shape.contextManagement } : {}),
    }),
  );
  events.push(event('message_stop', {}));
  return events;
}
