import type { OpenAIChatStreamEventType } from '../../../specs/openai-chat/stream-grammar.ts';
import { DONE_SENTINEL } from '../../../specs/openai-chat/stream-grammar.ts';
import type { CanonicalBlock } from '../../core/canonical.ts';
import { deterministicString } from '../../core/hash.ts';
import type { StreamEvent } from '../../core/protocol-adapter.ts';
import { tokenize } from '../../core/token-estimator.ts';
import {
  type ChoiceReply,
  choiceLogprobs,
  type CompletionIdentity,
  encodeUsage,
  finishReason,
  type RenderOptions,
  textTokens,
  toolCalls,
} from './encode-completion.ts';

/** Stream-only options: the usage chunk and the obfuscation padding. */
export interface StreamOptions extends RenderOptions {
  readonly includeUsage: boolean;
  readonly obfuscation: boolean;
}

/** The choice-level part of one chunk: `{index, delta, logprobs, finish_reason}`. */
interface ChoiceDelta {
  readonly delta: Record<string, unknown>;
  readonly logprobs: unknown;
  readonly finishReason: string | null;
}

const event = (type: OpenAIChatStreamEventType, data: unknown): StreamEvent => ({ type, data });

/**
 * The chunks of one completion, as the live API streams them:
 * - each choice opens with `{role: "assistant", content: "", refusal: null}` (`content: null` and
 *   the first tool call's header instead when the reply starts with a call);
 * - one chunk per text token, with that token's logprobs when asked;
 * - per tool call, a header `{index, id, type, function: {name, arguments: ""}}`, then the
 *   arguments in pieces `{index, function: {arguments}}`;
 * - a last chunk `delta: {}` with the `finish_reason`;
 * - with `n` > 1 the choices interleave, chunk by chunk;
 * - with `include_usage`, every chunk has `usage: null` and a final chunk `choices: []` carries the
 *   totals; then `[DONE]`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 */
export function encodeStream(identity: CompletionIdentity, choices: readonly ChoiceReply[], options: StreamOptions): StreamEvent[] {
  const perChoice = choices.map((choice) => ({ index: choice.index, deltas: choiceDeltas(identity, choice, options) }));
  const events: StreamEvent[] = [];
  const longest = Math.max(0, ...perChoice.map((c) => c.deltas.length));
  for (let step = 0; step < longest; step++) {
    for (const { index, deltas } of perChoice) {
      const d = deltas[step];
      if (!d) continue;
      const choice = { index, delta: d.delta, logprobs: d.logprobs, finish_reason: d.finishReason };
      events.push(event('chunk', chunk(identity, [choice], options, events.length)));
    }
  }
  const first = choices[0];
  if (options.includeUsage && first) {
    events.push(event('usage', chunk(identity, [], options, events.length, encodeUsage(first.reply, choices.length))));
  }
  events.push(event('done', DONE_SENTINEL));
  return events;
}

/** One `chat.completion.chunk`, key order as the live API sends it. */
function chunk(identity: CompletionIdentity, choices: unknown[], options: StreamOptions, sequence: number, usage?: unknown): Record<string, unknown> {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    service_tier: identity.serviceTier,
    system_fingerprint: identity.systemFingerprint,
    choices,
    ...(options.includeUsage ? { usage: usage ?? null } : {}),
    // Random-length padding against size side channels; here derived from the chunk, so the bytes
    // stay reproducible.
    ...(options.obfuscation ? { obfuscation: deterministicString(`${identity.id}|${sequence}`, sequence % 13) } : {}),
  };
}

function choiceDeltas(identity: CompletionIdentity, { index, reply }: ChoiceReply, options: StreamOptions): ChoiceDelta[] {
  const withLogprobs = options.topLogprobs !== undefined;
  const tokens = textTokens(reply);
  const calls = toolCalls(reply);
  const out: ChoiceDelta[] = [];
  const startsWithCall = tokens.length === 0 && calls.length > 0;
  out.push({
    delta: startsWithCall
      ? { role: 'assistant', content: null, tool_calls: [callHeader(calls[0]!, 0)], refusal: null }
      : { role: 'assistant', content: '', refusal: null },
    logprobs: withLogprobs && !startsWithCall ? { content: [], refusal: null } : null,
    finishReason: null,
  });
  const logprobs = withLogprobs ? choiceLogprobs(identity, index, tokens, options) : [];
  tokens.forEach((token, i) => {
    out.push({ delta: { content: token }, logprobs: withLogprobs ? { content: [logprobs[i]], refusal: null } : null, finishReason: null });
  });
  calls.forEach((call, i) => {
    if (!(startsWithCall && i === 0)) out.push({ delta: { tool_calls: [callHeader(call, i)] }, logprobs: null, finishReason: null });
    for (const piece of tokenize(JSON.stringify(call.input))) {
      out.push({ delta: { tool_calls: [{ index: i, function: { arguments: piece } }] }, logprobs: null, finishReason: null });
    }
  });
  out.push({ delta: {}, logprobs: null, finishReason: finishReason(reply, options) });
  return out;
}

/** The first delta of a tool call: everything but the arguments, which follow in pieces. */
function callHeader(call: Extract<CanonicalBlock, { kind: 'tool-call' }>, index: number) {
  return { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } };
}
