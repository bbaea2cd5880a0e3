import type { ExchangeRecord } from './recorder.ts';

/** The exchange behind a failure, as the JSON report holds it (`checks[].evidence.exchange`). */
export interface ExchangeEvidence {
  readonly method: string;
  readonly url: string;
  /** Secret-looking values masked; the CLI redacts keys again in every output. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** The request body, cut to 2 KiB. */
  readonly requestBody?: string;
  readonly status?: number;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /** The first 4 KiB of the raw response body or stream. */
  readonly responseBody: string;
  /** Bytes read in all; `truncated` when `responseBody` is only their beginning. */
  readonly responseBytes: number;
  readonly truncated: boolean;
  readonly durationMs: number;
  /** A transport error, timeout or size cap that ended the exchange. */
  readonly error?: string;
}

/** Everything a failure carries (`checks[].evidence` in the JSON report). */
export interface Evidence {
  readonly exchange?: ExchangeEvidence;
  readonly expected?: string;
  readonly actual?: string;
  /** Likely causes of the usual mix-ups, e.g. "this is OpenAI's error envelope". */
  readonly hints: readonly string[];
}

const REQUEST_BYTES = 2 * 1024;
const RESPONSE_BYTES = 4 * 1024;

/** A record cut to report size. */
export function exchangeEvidence(record: ExchangeRecord): ExchangeEvidence {
  const body = record.responseBody.length > RESPONSE_BYTES ? record.responseBody.slice(0, RESPONSE_BYTES) : record.responseBody;
  return {
    method: record.method,
    url: record.url,
    requestHeaders: record.requestHeaders,
    ...(record.requestBody !== undefined ? { requestBody: record.requestBody.length > REQUEST_BYTES ? `${record.requestBody.slice(0, REQUEST_BYTES)}…` : record.requestBody } : {}),
    ...(record.status !== undefined ? { status: record.status } : {}),
    ...(record.responseHeaders ? { responseHeaders: record.responseHeaders } : {}),
    responseBody: body,
    responseBytes: record.responseBytes,
    truncated: record.truncated || body.length < record.responseBody.length,
    durationMs: record.durationMs,
    ...(record.error !== undefined ? { error: record.error } : {}),
  };
}
