import type { ParsedEvent } from '../harness/stream-capture.ts';

type Block = Record<string, unknown>;

/** The message a stream adds up to, as a client accumulator rebuilds it. */
export interface AccumulatedMessage {
  readonly content: Block[];
  readonly stopReason: unknown;
  readonly stopSequence: unknown;
  readonly usage: Record<string, unknown>;
  /** The raw `partial_json` of each tool block (client or server tool), by block index. */
  readonly partialJson: string[];
}

/**
 * Rebuilds the final message from stream events the way the SDK's accumulator does: blocks from
 * `content_block_start`, text/JSON/thinking/signature from deltas, stop reason and usage from
 * `message_delta`. Unknown event and delta types are ignored, as the docs tell clients to.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/streaming
 */
export function accumulate(events: readonly ParsedEvent[]): AccumulatedMessage {
  const content: Block[] = [];
  const partialJson: string[] = [];
  let stopReason: unknown;
  let stopSequence: unknown;
  let usage: Record<string, unknown> = {};
  for (const { json } of events) {
    if (!json) continue;
    if (json.type === 'message_start') usage = { ...((json.message as { usage?: object } | undefined)?.usage ?? {}) };
    if (json.type === 'content_block_start' && typeof json.index === 'number') content[json.index] = { ...(json.content_block as object) };
    if (json.type === 'content_block_delta' && typeof json.index === 'number') addDelta(content, partialJson, json.index, (json.delta ?? {}) as Record<string, unknown>);
    if (json.type === 'message_delta') {
      const delta = (json.delta ?? {}) as Record<string, unknown>;
      stopReason = delta.stop_reason;
      stopSequence = delta.stop_sequence;
      usage = { ...usage, ...(json.usage as object) };
    }
  }
  content.forEach((block, index) => {
    // Server tool calls stream their input like client tool calls (the SDK's accumulator treats both alike).
    if ((block?.type !== 'tool_use' && block?.type !== 'server_tool_use') || partialJson[index] === undefined) return;
    try {
      block.input = partialJson[index] === '' ? {} : JSON.parse(partialJson[index]);
    } catch {
      block.input = undefined;
    }
  });
  return { content, stopReason, stopSequence, usage, partialJson };
}

function addDelta(content: Block[], partialJson: string[], index: number, delta: Record<string, unknown>): void {
  const block = content[index] ?? {};
  if (delta.type === 'text_delta') block.text = String(block.text ?? '') + String(delta.text);
  if (delta.type === 'thinking_delta') block.thinking = String(block.thinking ?? '') + String(delta.thinking);
  if (delta.type === 'signature_delta') block.signature = delta.signature;
  if (delta.type === 'input_json_delta') partialJson[index] = (partialJson[index] ?? '') + String(delta.partial_json);
  content[index] = block;
}

/** The text of a message's (or accumulated message's) content: its text blocks joined. */
export function textOf(content: unknown): string {
  return (Array.isArray(content) ? (content as (Block | undefined)[]) : [])
    .filter((b) => b?.type === 'text')
    .map((b) => String(b?.text ?? ''))
    .join('');
}

/** A message body's content blocks (`[]` when absent or not an array). */
export function contentOf(message: Record<string, unknown>): Block[] {
  return Array.isArray(message.content) ? (message.content as Block[]) : [];
}
