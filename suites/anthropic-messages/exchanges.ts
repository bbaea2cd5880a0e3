import { expect, fail, preview } from '../harness/assert.ts';
import type { CheckContext } from '../harness/check.ts';
import { type RawExchange, rawExchange } from '../harness/http.ts';
import { parseRawFrames, parseSseEvents, type RawFraming } from '../harness/sse-frames.ts';
import type { AnthropicStreamEventType } from '../../specs/anthropic-messages/index.ts';
import { type AuthStyle, anthropicHeaders } from './client.ts';

/** One stream event as a check sees it: the lenient parse plus the JSON of its data. */
export interface ParsedEvent {
  /** The `event:` field, if any. */
  readonly event: string | undefined;
  readonly data: string;
  /** `data` parsed as JSON (`undefined` when it is not JSON). */
  readonly json: Record<string, unknown> | undefined;
  /** `json.type`, the event's real type. */
  readonly type: string | undefined;
}

/** A streamed exchange, read three ways: raw bytes, strict framing, lenient events. */
export interface StreamCapture {
  readonly exchange: RawExchange;
  readonly framing: RawFraming;
  readonly events: readonly ParsedEvent[];
}

/** Options for a raw POST /v1/messages. */
export interface CreateOptions {
  readonly auth?: AuthStyle;
  readonly path?: string;
  readonly headers?: Record<string, string>;
}

/**
 * POST /v1/messages on the raw wire, memoized per run under `key`: every check that inspects the
 * same exchange shares one request (cheaper and kinder against real, paid endpoints).
 */
export function postMessages(ctx: CheckContext, key: string, body: unknown, options: CreateOptions = {}): Promise<RawExchange> {
  return ctx.memo(`anthropic:${key}`, () =>
    rawExchange(ctx.target, {
      path: options.path ?? '/v1/messages',
      headers: { ...anthropicHeaders(ctx.target, options.auth), ...options.headers },
      body,
    }),
  );
}

/** Like {@link postMessages} for a streaming body, with the SSE read into frames and events. */
export function streamMessages(ctx: CheckContext, key: string, body: Record<string, unknown>): Promise<StreamCapture> {
  return ctx.memo(`anthropic:stream:${key}`, async () => {
    const exchange = await rawExchange(ctx.target, { path: '/v1/messages', headers: anthropicHeaders(ctx.target), body: { ...body, stream: true } });
    return { exchange, framing: parseRawFrames(exchange.text), events: parseSseEvents(exchange.text).map(toParsedEvent) };
  });
}

function toParsedEvent(message: { event?: string | undefined; data: string }): ParsedEvent {
  let json: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(message.data);
    json = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { event: message.event, data: message.data, json, type: typeof json?.type === 'string' ? json.type : undefined };
}

/** The error message an Anthropic-shaped error body carries, for failure messages. */
export function errorSummary(exchange: RawExchange): string {
  const error = (exchange.json as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  if (error && typeof error.message === 'string') return `HTTP ${exchange.status} ${String(error.type)}: ${error.message}`;
  return `HTTP ${exchange.status}: ${preview(exchange.text, 200)}`;
}

/** `error.type` of an Anthropic-shaped error body, if any. */
export function errorType(exchange: RawExchange): unknown {
  return (exchange.json as { error?: { type?: unknown } } | undefined)?.error?.type;
}

/**
 * A clean Anthropic 400 (`{type: "error"}`) to a request that uses an optional capability
 * (images, extended thinking) means the target lacks it: skip a `should` check, fail a `must`.
 */
export function requireCapabilityAccepted(ctx: CheckContext, exchange: RawExchange, capability: string): void {
  if (exchange.status === 400 && (exchange.json as { type?: unknown } | undefined)?.type === 'error') {
    ctx.requireCapability(false, `the target does not ${capability}: ${errorSummary(exchange)}`);
  }
}

/** Fails unless the exchange succeeded with HTTP 200. */
export function expectOk(exchange: RawExchange, what: string): void {
  expect(exchange.status === 200, `${what} failed: ${errorSummary(exchange)}`);
}

/** The JSON body of a successful exchange as an object. */
export function okJson(exchange: RawExchange, what: string): Record<string, unknown> {
  expectOk(exchange, what);
  const json = exchange.json;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail(`${what}: the body is not a JSON object: ${preview(exchange.text)}`);
  return json as Record<string, unknown>;
}

/** The stream's events with a JSON type, after checking the stream request succeeded. */
export function okEvents(capture: StreamCapture, what: string): readonly ParsedEvent[] {
  expectOk(capture.exchange, what);
  expect(capture.events.length > 0, `${what}: the stream carried no events`);
  return capture.events;
}

/** Events of one type. */
export function eventsOf(events: readonly ParsedEvent[], type: AnthropicStreamEventType): ParsedEvent[] {
  return events.filter((e) => e.type === type);
}

/** The one event of a type (fails when absent). */
export function firstEvent(events: readonly ParsedEvent[], type: AnthropicStreamEventType, what: string): Record<string, unknown> {
  const found = events.find((e) => e.type === type)?.json;
  if (!found) fail(`${what}: no '${type}' event in the stream`);
  return found;
}

/**
 * Rebuilds the final message from stream events the way a client accumulator does: blocks from
 * `content_block_start`, text/JSON/thinking/signature from deltas, stop reason and usage from
 * `message_delta`.
 */
export function accumulate(events: readonly ParsedEvent[]): {
  content: Record<string, unknown>[];
  stopReason: unknown;
  stopSequence: unknown;
  usage: Record<string, unknown>;
  partialJson: string[];
} {
  const content: Record<string, unknown>[] = [];
  const partialJson: string[] = [];
  let stopReason: unknown;
  let stopSequence: unknown;
  let usage: Record<string, unknown> = {};
  for (const { json } of events) {
    if (!json) continue;
    if (json.type === 'message_start') usage = { ...((json.message as { usage?: object } | undefined)?.usage ?? {}) };
    if (json.type === 'content_block_start') content[json.index as number] = { ...(json.content_block as object) };
    if (json.type === 'content_block_delta') {
      const index = json.index as number;
      const block = content[index] ?? {};
      const delta = json.delta as Record<string, string>;
      if (delta.type === 'text_delta') block.text = String(block.text ?? '') + delta.text;
      if (delta.type === 'thinking_delta') block.thinking = String(block.thinking ?? '') + delta.thinking;
      if (delta.type === 'signature_delta') block.signature = delta.signature;
      if (delta.type === 'input_json_delta') partialJson[index] = (partialJson[index] ?? '') + delta.partial_json;
      content[index] = block;
    }
    if (json.type === 'message_delta') {
      const delta = json.delta as Record<string, unknown>;
      stopReason = delta.stop_reason;
      stopSequence = delta.stop_sequence;
      usage = { ...usage, ...(json.usage as object) };
    }
  }
  content.forEach((block, index) => {
    if (block.type === 'tool_use' && partialJson[index] !== undefined) {
      try {
        block.input = partialJson[index] === '' ? {} : JSON.parse(partialJson[index]!);
      } catch {
        block.input = undefined;
      }
    }
  });
  return { content, stopReason, stopSequence, usage, partialJson };
}
