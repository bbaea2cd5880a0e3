import type { CanonicalBlock, CanonicalReply, CanonicalStopReason } from '../../core/canonical.ts';

/** Anthropic's word for each canonical stop reason. */
export const STOP_REASONS: Readonly<Record<CanonicalStopReason, string>> = {
  end: 'end_turn',
  'max-tokens': 'max_tokens',
  'stop-sequence': 'stop_sequence',
  'tool-use': 'tool_use',
};

/** Identity of one reply: the message id and the model id exactly as the caller asked for it. */
export interface MessageIdentity {
  readonly id: string;
  readonly model: string;
}

/**
 * `usage` as the API sends it today: cache fields always present (0 without caching), service
 * tier and inference geography as the real responses carry them.
 *
 * @see https://docs.claude.com/en/api/messages#response-usage
 */
export function encodeUsage(inputTokens: number, outputTokens: number, reply: CanonicalReply) {
  return {
    input_tokens: inputTokens,
    cache_creation_input_tokens: reply.usage.cacheWriteTokens,
    cache_read_input_tokens: reply.usage.cacheReadTokens,
    cache_creation: { ephemeral_5m_input_tokens: reply.usage.cacheWriteTokens, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
    inference_geo: 'not_available',
  };
}

/** One content block in its final (non-streaming) form. */
export function encodeBlock(block: CanonicalBlock) {
  switch (block.kind) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'thinking':
      return { type: 'thinking', thinking: block.text, signature: block.signature };
    case 'tool-call':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
  }
}

/**
 * The non-streaming `Message`. Key order follows the live API (`model` first).
 *
 * @see https://docs.claude.com/en/api/messages
 */
export function encodeMessage(identity: MessageIdentity, reply: CanonicalReply) {
  return {
    model: identity.model,
    id: identity.id,
    type: 'message',
    role: 'assistant',
    content: reply.blocks.map(encodeBlock),
    stop_reason: STOP_REASONS[reply.stopReason],
    stop_sequence: reply.stopSequence ?? null,
    stop_details: null,
    usage: encodeUsage(reply.usage.inputTokens, reply.usage.outputTokens, reply),
  };
}
