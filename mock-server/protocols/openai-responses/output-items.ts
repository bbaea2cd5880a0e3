import type { CanonicalBlock, CanonicalReply } from '../../core/canonical.ts';
import { tokenize } from '../../core/token-estimator.ts';
import { responsesId } from './ids.ts';
import { encryptReasoning } from './reasoning-content.ts';
import type { StoredItem } from './wire-types.ts';

/** An output item in its final form, with the pieces its stream sends as deltas. */
export interface PlannedItem {
  readonly item: StoredItem;
  /** Text tokens (message), argument pieces (function call) or summary tokens (reasoning). */
  readonly pieces: readonly string[];
}

/** What shapes the output items beyond the reply itself. */
export interface OutputOptions {
  /** Derives the item ids: the response's key. */
  readonly key: string;
  /** Show the reasoning as a summary (`reasoning.summary` set). */
  readonly summary: boolean;
  /** `include: ["reasoning.encrypted_content"]`. */
  readonly encryptedReasoning: boolean;
  /** `include: ["message.output_text.logprobs"]`, with `top_logprobs` alternatives per token. */
  readonly logprobs: boolean;
  readonly topLogprobs: number;
}

/**
 * The output items of a reply, in the shapes the API sends: a reasoning item per thinking block
 * (summary only when asked for, `encrypted_content` only when included), a message per text block
 * (`annotations` and `logprobs` always present), a function call per tool call. When the reply was
 * cut by `max_output_tokens`, its last message is `incomplete`.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object#responses/object-output
 */
export function planOutput(reply: CanonicalReply, options: OutputOptions): PlannedItem[] {
  const cut = reply.stopReason === 'max-tokens';
  return reply.blocks.map((block, i) => planBlock(block, responsesId(blockPrefix(block), `${options.key}|output|${i}`), options, cut && i === reply.blocks.length - 1));
}

function blockPrefix(block: CanonicalBlock): 'rs_' | 'msg_' | 'fc_' {
  return block.kind === 'thinking' ? 'rs_' : block.kind === 'text' ? 'msg_' : 'fc_';
}

function planBlock(block: CanonicalBlock, id: string, options: OutputOptions, incomplete: boolean): PlannedItem {
  switch (block.kind) {
    case 'thinking': {
      const pieces = options.summary ? (block.tokens ?? tokenize(block.text)) : [];
      const summary = options.summary && block.text !== '' ? [{ type: 'summary_text', text: block.text }] : [];
      const encrypted = options.encryptedReasoning ? { encrypted_content: encryptReasoning(block.text) } : {};
      return { item: { id, type: 'reasoning', ...encrypted, summary }, pieces: summary.length > 0 ? pieces : [] };
    }
    case 'text': {
      const pieces = block.tokens ?? tokenize(block.text);
      const logprobs = options.logprobs ? pieces.map((token) => logprob(token, options.topLogprobs)) : [];
      const content = [{ type: 'output_text', annotations: [], logprobs, text: block.text }];
      return { item: { id, type: 'message', status: incomplete ? 'incomplete' : 'completed', content, role: 'assistant' }, pieces };
    }
    case 'tool-call': {
      const args = JSON.stringify(block.input);
      return { item: { id, type: 'function_call', status: 'completed', arguments: args, call_id: block.id, name: block.name }, pieces: tokenize(args) };
    }
  }
}

/** The plan of stored output items (to stream a stored response again): the same pieces as the first time. */
export function planStored(output: readonly StoredItem[]): PlannedItem[] {
  return output.map((item) => ({ item, pieces: tokenize(streamedText(item)) }));
}

/** The text an item's deltas add up to. */
export function streamedText(item: StoredItem): string {
  if (item.type === 'message') return ((item.content ?? []) as readonly { text?: string }[]).map((part) => part.text ?? '').join('');
  if (item.type === 'function_call') return String(item.arguments);
  if (item.type === 'reasoning') return ((item.summary ?? []) as readonly { text: string }[]).map((part) => part.text).join('');
  return '';
}

/**
 * One token's log probability. The mock is certain of every token it writes (logprob 0); its
 * alternatives are the token itself, `topLogprobs` permitting.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object#responses/object-output
 */
function logprob(token: string, top: number) {
  const bytes = [...new TextEncoder().encode(token)];
  return { token, logprob: 0, bytes, top_logprobs: top > 0 ? [{ token, logprob: 0, bytes }] : [] };
}
