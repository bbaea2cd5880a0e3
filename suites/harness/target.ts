import { type ExchangeRecord, recordingFetch } from './recorder.ts';
import { type RateLimitState, type RetryOptions, retryingFetch } from './retry-fetch.ts';

/** Where checks send their traffic, as given by the user (CLI flags or the embedded mock). */
export interface Target {
  /** Server root under which `/v1/...` lives (no `/v1` suffix), e.g. `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** Model id to use (default: the suite's default model for the protocol). */
  readonly model?: string;
  /** Custom fetch (msw interception, tests); default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Per-request timeout in ms, connection and body (default 60 s). */
  readonly timeoutMs?: number;
  /** Responses larger than this are cut off (default 16 MiB). */
  readonly maxResponseBytes?: number;
  /** How 429/529 answers are retried (default: 4 attempts, waits up to 30 s each). */
  readonly retry?: RetryOptions;
  /** Receives every finished exchange (`--trace`); records carry up to 256 KiB of each body. */
  readonly onExchange?: (record: ExchangeRecord) => void;
  /** Aborts every request still in flight when it fires (the CLI's end of run). */
  readonly signal?: AbortSignal;
}

/**
 * A target with every default filled in. Its `fetch` records every exchange (evidence, trace),
 * cancels each at its timeout and caps it in bytes, and retries 429/529 (see `retry-fetch.ts`):
 * SDK clients must be given this `fetch` so their exchanges are bounded and captured too.
 */
export interface ResolvedTarget {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  /** The run gave up on a rate-limiting target once this is set. */
  readonly rateLimit: RateLimitState;
  /**
   * The auth scheme the preflight found accepted (protocol-defined names, e.g. `x-api-key` or
   * `bearer` for Anthropic); checks that are not about auth send this one. Unset: the default.
   */
  readonly authScheme?: string;
}

/** The key used when the user gives none: mocks accept any key; real targets answer 401. */
export const PLACEHOLDER_API_KEY = 'sk-llm-conformance-placeholder';

/** Bodies larger than this are cut off by default. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export function resolveTarget(target: Target, defaultModel: string): ResolvedTarget {
  const timeoutMs = target.timeoutMs ?? 60_000;
  const maxResponseBytes = target.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const rateLimit: RateLimitState = { gaveUp: undefined };
  const recorded = recordingFetch(target.fetch ?? globalThis.fetch.bind(globalThis), {
    timeoutMs,
    maxResponseBytes,
    ...(target.onExchange ? { onExchange: target.onExchange } : {}),
    ...(target.signal ? { signal: target.signal } : {}),
  });
  return {
    baseUrl: target.baseUrl.replace(/\/+$/, ''),
    apiKey: target.apiKey ?? PLACEHOLDER_API_KEY,
    model: target.model ?? defaultModel,
    fetch: retryingFetch(recorded, target.retry, rateLimit),
    timeoutMs,
    maxResponseBytes,
    rateLimit,
  };
}
