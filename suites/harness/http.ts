import { BodyTooLargeError, readBounded } from '../../wire/bytes.ts';
import { type ExchangeRecord, recordOf, ResponseTooLargeError } from './recorder.ts';
import type { ResolvedTarget } from './target.ts';

/** A request the checks send on the raw wire (no SDK in between). */
export interface RawRequest {
  readonly method?: string;
  /** Path under the target's base URL, with query, e.g. `/v1/messages?beta=true`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON value (serialised here) or a string sent as is (malformed-body checks). */
  readonly body?: unknown;
}

/** A completed raw exchange: status, headers and the exact bytes of the body. */
export interface RawExchange {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
  /** The body decoded as UTF-8 (U+FFFD for invalid bytes; `utf8Valid` says whether any were). */
  readonly text: string;
  readonly utf8Valid: boolean;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
  /** What the run recorded of this exchange (evidence); absent when the target's fetch does not record. */
  readonly record: ExchangeRecord | undefined;
}

/**
 * Sends one request and reads the whole response body. The target's `fetch` bounds it in time
 * and size; the read is capped again here for targets built without it.
 */
export async function rawExchange(target: ResolvedTarget, request: RawRequest): Promise<RawExchange> {
  const hasBody = request.body !== undefined;
  const response = await target.fetch(`${target.baseUrl}${request.path}`, {
    method: request.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...request.headers },
    body: hasBody ? (typeof request.body === 'string' ? request.body : JSON.stringify(request.body)) : undefined,
  });
  const bytes = await readResponse(response, target.maxResponseBytes);
  let text: string;
  let utf8Valid = true;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8Valid = false;
    text = new TextDecoder().decode(bytes);
  }
  return { status: response.status, headers: response.headers, bytes, text, utf8Valid, json: tryJson(text), record: recordOf(response) };
}

async function readResponse(response: Response, limit: number): Promise<Uint8Array> {
  try {
    return await readBounded(response.body, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ResponseTooLargeError(limit);
    throw error;
  }
}

function tryJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The media type of a response without parameters (`text/event-stream; charset=utf-8` → `text/event-stream`). */
export function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The body as a JSON object, or `undefined` (arrays, scalars and non-JSON are not objects). */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
