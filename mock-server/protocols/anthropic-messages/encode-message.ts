import type { CanonicalReply, CanonicalStopReason } from '../../core/canonical.ts';
import { encodeBlock } from './encode-blocks.ts';

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

/** A code-execution container, as `container` reports it. */
export interface ContainerInfo {
  readonly id: string;
  readonly expires_at: string;
}

/**
 * The variable parts of a reply's envelope. `beta` (a `?beta=true` request) adds what the beta
 * schemas require: `usage.iterations`, `context_management`.
 */
export interface MessageShape {
  readonly beta: boolean;
  /** Beta `context_management`: `{applied_edits: []}` when the request configured it, else null. */
  readonly contextManagement: { readonly applied_edits: readonly unknown[] } | null;
  /** The container code execution ran in, else null. */
  readonly container: ContainerInfo | null;
}

export const PLAIN_SHAPE: MessageShape = { beta: false, contextManagement: null, container: null };

/** `usage.server_tool_use`: null when no server tool ran (as the API sends it), else both counters. */
export function serverToolUsage(reply: CanonicalReply) {
  const used = reply.usage.serverToolRequests;
  if (!used) return null;
  return { web_search_requests: used['web-search'] ?? 0, web_fetch_requests: used['web-fetch'] ?? 0 };
}

/** `usage.iterations` of the beta shape: the one sampling iteration the mock makes. */
export function encodeIterations(model: string, inputTokens: number, outputTokens: number, reply: CanonicalReply) {
  return [
    {
      type: 'message',
      model,
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      cache_creation_input_tokens: reply.usage.cacheWriteTokens,
      cache_read_input_tokens: reply.usage.cacheReadTokens,
      cache_creation: { ephemeral_5m_input_tokens: reply.usage.cacheWriteTokens, ephemeral_1h_input_tokens: 0 },
    },
  ];
}

/**
 * `usage` with every field the API sends: cache fields (0 without caching), `server_tool_use`
 * (null without server tools), service tier, inference geography and speed; beta adds
 * `iterations`.
 *
 * @see https://docs.claude.com/en/api/messages#response-usage
 */
export function encodeUsage(identity: MessageIdentity, inputTokens: number, outputTokens: number, reply: CanonicalReply, shape: MessageShape) {
  return {
    input_tokens: inputTokens,
    cache_creation_input_tokens: reply.usage.cacheWriteTokens,
    cache_read_input_tokens: reply.usage.cacheReadTokens,
    cache_creation: { ephemeral_5m_input_tokens: reply.usage.cacheWriteTokens, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    server_tool_use: serverToolUsage(reply),
    service_tier: 'standard',
    inference_geo: 'not_available',
    speed: 'standard',
    ...(shape.beta ? { iterations: encodeIterations(identity.model, inputTokens, outputTokens, reply) } : {}),
  };
}

/**
 * The non-streaming `Message`. Key order follows the live API (`model` first); `stop_details`,
 * `container` and `diagnostics` are always present, null when there is nothing to report.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export function encodeMessage(identity: MessageIdentity, reply: CanonicalReply, shape: MessageShape = PLAIN_SHAPE) {
  return {
    model: identity.model,
    id: identity.id,
    type: 'message',
    role: 'assistant',
    content: reply.blocks.map(encodeBlock),
    stop_reason: STOP_REASONS[reply.stopReason],
    stop_sequence: reply.stopSequence ?? null,
    stop_details: null,
    usage: encodeUsage(identity, reply.usage.inputTokens, reply.usage.outputTokens, reply, shape),
    ...(shape.beta ? { context_management: shape.contextManagement } : {}),
    container: shape.container,
    diagnostics: null,
  };
}
