import { AsyncLocalStorage } from 'node:async_hooks';
import { type RequestBudget, RequestBudgetExhausted } from './request-budget.ts';

/**
 * One HTTP exchange of a run, as captured at the `fetch` the SDKs and the raw probes share:
 * the request (secret header values masked), the status, the response headers and the first
 * bytes of the body. Evidence for failures and the unit of `--trace`.
 */
export interface ExchangeRecord {
  /** Order in the run (1, 2, …). */
  readonly seq: number;
  /** Who made it: a check id, a shared exchange id, or `preflight`. */
  readonly by: string | undefined;
  readonly method: string;
  /** The URL with key-like query parameters masked. */
  readonly url: string;
  /** Request headers, lower-case names, secret-looking values masked (`Bearer [redacted]`). */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** The request body as text (cut to the capture size), when it had one. */
  readonly requestBody: string | undefined;
  readonly status: number | undefined;
  readonly responseHeaders: Readonly<Record<string, string>> | undefined;
  /** The first bytes of the response body, decoded as UTF-8 (the whole body in a trace, up to its cap). */
  readonly responseBody: string;
  /** Bytes of the response body read in all (the client may have stopped early). */
  readonly responseBytes: number;
  /** Whether `responseBody` is only the beginning of what was read. */
  readonly truncated: boolean;
  readonly durationMs: number;
  /** Why the exchange ended abnormally: a transport error, a timeout, the size cap. */
  readonly error: string | undefined;
}

/** The body of a response exceeded the run's cap: a hostile or broken target cannot exhaust memory. */
export class ResponseTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`response body larger than ${limit} bytes`);
    this.name = 'ResponseTooLargeError';
    this.limit = limit;
  }
}

/**
 * Where the exchanges made in an async context belong: a check, or a shared exchange being
 * made. Its signal aborts every request made in it (a check that times out stops its SDK calls).
 */
export interface RecordScope {
  readonly records: ExchangeRecord[];
  readonly signal?: AbortSignal;
  /** Names the scope in records (a check id, a shared exchange id, `preflight`). */
  readonly label?: string;
}

const scopes = new AsyncLocalStorage<RecordScope>();

/** Runs `fn` with its exchanges recorded in (and cancelled by) `scope`. */
export function inScope<T>(scope: RecordScope, fn: () => Promise<T>): Promise<T> {
  return scopes.run(scope, fn);
}

export interface RecorderOptions {
  /** Cancels a request (connection and body) after this long. */
  readonly timeoutMs: number;
  /** Larger bodies are cut off with {@link ResponseTooLargeError}. */
  readonly maxResponseBytes: number;
  /** Bytes of each body kept for evidence (default 8 KiB). */
  readonly captureBytes?: number;
  /** Receives every finished exchange with up to `traceBytes` of its bodies (`--trace`). */
  readonly onExchange?: (record: ExchangeRecord) => void;
  readonly traceBytes?: number;
  /** Aborts everything still in flight (the end of a run). */
  readonly signal?: AbortSignal;
  /** The run's request budget (`--max-requests`): once spent, requests fail without being sent. */
  readonly budget?: RequestBudget;
}

const RECORD = Symbol('llm-conformance.exchange-record');

/** The record of a response returned by a recording fetch. */
export function recordOf(response: Response): ExchangeRecord | undefined {
  return (response as Response & { [RECORD]?: ExchangeRecord })[RECORD];
}

type MutableRecord = { -readonly [K in keyof ExchangeRecord]: ExchangeRecord[K] };

const SECRET_HEADER = /authorization|api[-_]?key|token|secret|cookie|password|session|signature/i;
const SECRET_PARAM = /key|token|secret|auth|signature|password/i;

/**
 * Wraps `fetch` so that every request (raw probe or SDK call) is recorded, cancelled at its
 * timeout or with its scope, and capped in bytes: the body the caller reads is a counting copy
 * that errors past the cap and cancels the connection.
 */
export function recordingFetch(inner: typeof fetch, options: RecorderOptions): typeof fetch {
  const captureBytes = options.captureBytes ?? 8 * 1024;
  const traceBytes = options.onExchange ? Math.max(options.traceBytes ?? 256 * 1024, captureBytes) : captureBytes;
  let seq = 0;
  return async (input, init) => {
    const scope = scopes.getStore();
    // Refused before anything is sent or recorded: the target never sees it.
    if (options.budget && !options.budget.take(scope)) throw new RequestBudgetExhausted(options.budget);
    const cut = new AbortController();
    const signals = [AbortSignal.timeout(options.timeoutMs), cut.signal, init?.signal, scope?.signal, options.signal].filter((s): s is AbortSignal => s instanceof AbortSignal);
    const started = performance.now();
    const record: MutableRecord = {
      seq: ++seq,
      by: scope?.label,
      ...describeRequest(input, init, traceBytes),
      status: undefined,
      responseHeaders: undefined,
      responseBody: '',
      responseBytes: 0,
      truncated: false,
      durationMs: 0,
      error: undefined,
    };
    scope?.records.push(record);
    const body = new BodyCapture(traceBytes);
    let finished = false;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      record.durationMs = Math.round(performance.now() - started);
      if (error !== undefined) record.error = describeAbort(error, options.timeoutMs);
      const text = body.text();
      record.responseBytes = body.size;
      if (options.onExchange) options.onExchange({ ...record, responseBody: text, truncated: body.size > traceBytes });
      record.responseBody = text.length > captureBytes ? text.slice(0, captureBytes) : text;
      record.truncated = body.size > captureBytes;
      if (record.requestBody !== undefined && record.requestBody.length > captureBytes) record.requestBody = `${record.requestBody.slice(0, captureBytes)}…`;
      body.release();
    };
    let response: Response;
    try {
      response = await inner(input, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      finish(error);
      throw error;
    }
    record.status = response.status;
    record.responseHeaders = Object.fromEntries(response.headers);
    if (!response.body) {
      finish();
      return tag(response, record);
    }
    const reader = response.body.getReader();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          finish(error);
          controller.error(error);
          return;
        }
        if (chunk.done) {
          finish();
          controller.close();
          return;
        }
        body.add(chunk.value);
        if (body.size > options.maxResponseBytes) {
          const error = new ResponseTooLargeError(options.maxResponseBytes);
          finish(error);
          cut.abort(error);
          reader.cancel(error).catch(() => {});
          controller.error(error);
          return;
        }
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        finish(reason ?? new Error('the client stopped reading'));
        return reader.cancel(reason);
      },
    });
    return tag(new Response(stream, { status: response.status, statusText: response.statusText, headers: response.headers }), record);
  };
}

function tag(response: Response, record: ExchangeRecord): Response {
  Object.defineProperty(response, RECORD, { value: record });
  return response;
}

/** Keeps the first `limit` bytes of a body and counts the rest. */
class BodyCapture {
  readonly #limit: number;
  readonly #chunks: Uint8Array[] = [];
  #kept = 0;
  size = 0;
  constructor(limit: number) {
    this.#limit = limit;
  }
  add(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.#kept >= this.#limit) return;
    const piece = chunk.byteLength > this.#limit - this.#kept ? chunk.subarray(0, this.#limit - this.#kept) : chunk;
    this.#chunks.push(piece);
    this.#kept += piece.byteLength;
  }
  text(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }
  /** Drops the kept bytes (the record holds its own copy of the beginning). */
  release(): void {
    this.#chunks.length = 0;
    this.#kept = this.#limit;
  }
}

function describeRequest(input: RequestInfo | URL, init: RequestInit | undefined, limit: number) {
  const request = input instanceof Request ? input : undefined;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const headers: Record<string, string> = {};
  for (const [name, value] of new Headers(init?.headers ?? request?.headers)) headers[name] = maskHeader(name, value);
  return { method: (init?.method ?? request?.method ?? 'GET').toUpperCase(), url: maskUrl(url), requestHeaders: headers, requestBody: bodyText(init?.body, limit) };
}

function bodyText(body: RequestInit['body'], limit: number): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body.length > limit ? `${body.slice(0, limit)}…` : body;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return Buffer.from(body instanceof ArrayBuffer ? new Uint8Array(body) : body).subarray(0, limit).toString('utf8');
  return '[streamed body]';
}

/** A header value safe to show: secret-looking values masked, the auth scheme kept (it is evidence). */
export function maskHeader(name: string, value: string): string {
  if (!SECRET_HEADER.test(name)) return value;
  const scheme = /^(Bearer|Basic|Token)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} [redacted]` : '[redacted]';
}

function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()]) if (SECRET_PARAM.test(name)) url.searchParams.set(name, '[redacted]');
    return url.href;
  } catch {
    return raw;
  }
}

function describeAbort(error: unknown, timeoutMs: number): string {
  if (error instanceof ResponseTooLargeError) return error.message;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  if (name === 'AbortError') return 'cancelled (the check ended or timed out)';
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
