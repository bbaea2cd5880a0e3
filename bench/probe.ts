/**
 * Checks that a server's reply is what a real client expects before any load is measured: on the
 * raw wire (status, content type, event order) and through the official SDK. A broken server
 * fails the bench here instead of producing a flattering number.
 */
import Anthropic from '@anthropic-ai/sdk';
import { JSON_REQUEST_BODY, MODEL, REQUEST_HEADERS, SHORT_PROMPT, STREAM_PROMPT, STREAM_REQUEST_BODY } from './payload.ts';
import { parseRawFrames } from '../wire/sse-parse.ts';

/** The checked reply: its exact body (every loaded response must equal it) and its shape. */
export interface Probe {
  readonly body: string;
  readonly bodyBytes: number;
  /** SSE events per stream (streams only). */
  readonly events?: number;
  /** `content_block_delta` events per stream (streams only). */
  readonly deltas?: number;
}

class ProbeError extends Error {
  constructor(label: string, message: string) {
    super(`${label}: the reply is not what a client expects: ${message}`);
    this.name = 'ProbeError';
  }
}

function check(condition: unknown, label: string, message: string): asserts condition {
  if (!condition) throw new ProbeError(label, message);
}

function client(baseUrl: string): Anthropic {
  return new Anthropic({ apiKey: REQUEST_HEADERS['x-api-key'], authToken: null, baseURL: baseUrl, maxRetries: 0, timeout: 10_000 });
}

async function post(baseUrl: string, body: string): Promise<Response> {
  return fetch(`${baseUrl}/v1/messages`, { method: 'POST', headers: REQUEST_HEADERS, body });
}

/** Probes non-streaming POST /v1/messages: a `message` that echoes the prompt, twice the same bytes. */
export async function probeJson(baseUrl: string, label: string): Promise<Probe> {
  const res = await post(baseUrl, JSON_REQUEST_BODY);
  const body = await res.text();
  check(res.status === 200, label, `status ${res.status}: ${body.slice(0, 300)}`);
  check(res.headers.get('content-type')?.startsWith('application/json'), label, `content-type ${res.headers.get('content-type')}`);
  const message = JSON.parse(body) as { type?: unknown; role?: unknown; content?: { type?: unknown; text?: unknown }[]; stop_reason?: unknown };
  check(message.type === 'message' && message.role === 'assistant', label, `type ${String(message.type)}, role ${String(message.role)}`);
  check(message.content?.[0]?.type === 'text' && message.content[0].text === SHORT_PROMPT, label, 'content[0] is not the echoed text');
  check(message.stop_reason === 'end_turn', label, `stop_reason ${String(message.stop_reason)}`);
  const again = await (await post(baseUrl, JSON_REQUEST_BODY)).text();
  check(again === body, label, 'two identical requests got different bodies (the load checks every body against the first)');

  const sdk = await client(baseUrl).messages.create({
    model: MODEL,
    max_tokens: 1024,
    system: 'You are terse.',
    messages: [{ role: 'user', content: SHORT_PROMPT }],
  });
  const first = sdk.content[0];
  check(sdk.type === 'message' && first?.type === 'text' && first.text === SHORT_PROMPT, label, 'the SDK did not read back the echoed text');
  return { body, bodyBytes: Buffer.byteLength(body) };
}

/** Probes streaming POST /v1/messages: event order, one delta per token, `message_stop` last; and the SDK's final message. */
export async function probeStream(baseUrl: string, label: string): Promise<Probe> {
  const res = await post(baseUrl, STREAM_REQUEST_BODY);
  const body = await res.text();
  check(res.status === 200, label, `status ${res.status}: ${body.slice(0, 300)}`);
  check(res.headers.get('content-type')?.startsWith('text/event-stream'), label, `content-type ${res.headers.get('content-type')}`);
  const events = parseSse(body, label);
  check(events[0]?.event === 'message_start', label, `first event ${events[0]?.event}`);
  check(events.at(-1)?.event === 'message_stop', label, `the stream ends with ${events.at(-1)?.event}, not message_stop`);
  const deltas = events.filter((e) => e.event === 'content_block_delta');
  const text = deltas.map((e) => (e.data as { delta?: { text?: string } }).delta?.text ?? '').join('');
  check(text === STREAM_PROMPT, label, 'the text deltas do not join to the echoed prompt');
  const again = await (await post(baseUrl, STREAM_REQUEST_BODY)).text();
  check(again === body, label, 'two identical requests got different streams (the load checks every body against the first)');

  const final = await client(baseUrl)
    .messages.stream({ model: MODEL, max_tokens: 1024, system: 'You are terse.', messages: [{ role: 'user', content: STREAM_PROMPT }] })
    .finalMessage();
  const first = final.content[0];
  check(first?.type === 'text' && first.text === STREAM_PROMPT && final.stop_reason === 'end_turn', label, 'the SDK did not assemble the echoed text');
  return { body, bodyBytes: Buffer.byteLength(body), events: events.length, deltas: deltas.length };
}

interface SseEvent {
  readonly event: string | undefined;
  readonly data: unknown;
}

/** A strict little SSE reader on the project's one parser: every frame has an `event:` line and JSON `data` whose `type` matches it. */
function parseSse(body: string, label: string): SseEvent[] {
  check(body.endsWith('\n\n'), label, 'the stream does not end with a blank line');
  return parseRawFrames(body).frames.map((frame) => {
    const { event, data } = frame;
    check(event !== undefined && data !== undefined, label, `frame without event or data: ${frame.raw.slice(0, 120)}`);
    const parsed = JSON.parse(data) as { type?: unknown };
    check(parsed.type === event, label, `event ${event} carries data of type ${String(parsed.type)}`);
    return { event, data: parsed };
  });
}
