import type { CanonicalBlock, CanonicalReply } from '../../core/canonical.ts';
import { tokenLogprobs, type TokenLogprob } from '../../core/logprobs.ts';
import { tokenize } from '../../core/token-estimator.ts';

/** What every object of one completion shares (the chunks of a stream repeat it). */
export interface CompletionIdentity {
  readonly id: string;
  /** Unix seconds. */
  readonly created: number;
  /** The model id exactly as the caller sent it. */
  readonly model: string;
  readonly serviceTier: string;
  readonly systemFingerprint: string;
}

/** One choice: its index and its reply (tool-call ids already unique to the choice). */
export interface ChoiceReply {
  readonly index: number;
  readonly reply: CanonicalReply;
}

/** Per-request rendering options. */
export interface RenderOptions {
  /** `logprobs: true`: how many alternatives per token (`top_logprobs`, default 0); else undefined. */
  readonly topLogprobs: number | undefined;
  /** The caller named the function in `tool_choice`: the live API then finishes with `stop`. */
  readonly namedTool: boolean;
}

/**
 * The `finish_reason` of a choice. A call forced by naming the function finishes with `stop`,
 * not `tool_calls`: the live API does so (clients must accept either for a named tool_choice).
 */
export function finishReason(reply: CanonicalReply, options: RenderOptions): string {
  switch (reply.stopReason) {
    case 'end':
    case 'stop-sequence':
      return 'stop';
    case 'max-tokens':
      return 'length';
    case 'tool-use':
      return options.namedTool ? 'stop' : 'tool_calls';
  }
}

/**
 * `usage` as the live API sends it: completion tokens count every choice (the API bills all of
 * them) and include the hidden reasoning tokens; the detail objects are always present.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage
 */
export function encodeUsage(reply: CanonicalReply, choices: number) {
  const completion = reply.usage.outputTokens * choices;
  return {
    prompt_tokens: reply.usage.inputTokens,
    completion_tokens: completion,
    total_tokens: reply.usage.inputTokens + completion,
    prompt_tokens_details: { cached_tokens: reply.usage.cacheReadTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: reply.usage.thinkingTokens * choices,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The visible text of a reply, cut into the tokens the stream sends one by one. Thinking stays hidden. */
export function textTokens(reply: CanonicalReply): string[] {
  return reply.blocks.flatMap((b) => (b.kind === 'text' ? [...(b.tokens ?? tokenize(b.text))] : []));
}

/** The tool-call blocks of a reply. */
export function toolCalls(reply: CanonicalReply): Extract<CanonicalBlock, { kind: 'tool-call' }>[] {
  return reply.blocks.filter((b): b is Extract<CanonicalBlock, { kind: 'tool-call' }> => b.kind === 'tool-call');
}

/** The logprob entries of a choice's tokens (from `offset`): keyed by model and choice, never by the request id, so a stream carries the same numbers as the JSON reply. */
export function choiceLogprobs(identity: CompletionIdentity, index: number, tokens: readonly string[], options: RenderOptions, offset = 0): TokenLogprob[] {
  return tokenLogprobs(tokens, options.topLogprobs ?? 0, `${identity.model}|${index}`, offset);
}

/**
 * The non-streaming `chat.completion`, key order as the live API sends it. A reply made only of
 * tool calls has `content: null`; `refusal` is null and `annotations` empty (the mock never
 * refuses or cites).
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object
 */
export function encodeCompletion(identity: CompletionIdentity, choices: readonly ChoiceReply[], options: RenderOptions) {
  const first = choices[0]?.reply;
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: choices.map(({ index, reply }) => {
      const tokens = textTokens(reply);
      const calls = toolCalls(reply);
      return {
        index,
        message: {
          role: 'assistant',
          content: tokens.length === 0 && calls.length > 0 ? null : tokens.join(''),
          ...(calls.length > 0 ? { tool_calls: calls.map(encodeToolCall) } : {}),
          refusal: null,
          annotations: [],
        },
        logprobs: options.topLogprobs === undefined ? null : { content: choiceLogprobs(identity, index, tokens, options), refusal: null },
        finish_reason: finishReason(reply, options),
      };
    }),
    ...(first ? { usage: encodeUsage(first, choices.length) } : {}),
    service_tier: identity.serviceTier,
    system_fingerprint: identity.systemFingerprint,
  };
}

function encodeToolCall(block: Extract<CanonicalBlock, { kind: 'tool-call' }>) {
  return { id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input) } };
}
