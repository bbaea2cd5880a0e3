import { type ExchangeRecord, recordingFetch } from './recorder.ts';
import type { RequestBudget } from './request-budget.ts';
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
  /**
   * Headers sent on every request of the run, SDK and raw alike (gateways route by header:
   * `x-portkey-provider`, `x-llmops-custom-host`). Each replaces a header of the same name the
   * request would have sent.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Responses larger than this are cut off (default 16 MiB). */
  readonly maxResponseBytes?: number;
  /** How 429/529 answers are retried (default: 4 attempts, waits up to 30 s each). */
  readonly retry?: RetryOptions;
  /** Receives every finished exchange (`--trace`); records carry up to 256 KiB of each body. */
  readonly onExchange?: (record: ExchangeRecord) => void;
  /** Aborts every request still in flight when it fires (the CLI's end of run). */
  readonly signal?: AbortSignal;
  /**
   * Shared rate-limit state: targets resolved with the same object give up together, so a server
   * answering 429 forever is given up on once per run, not once per protocol.
   */
  readonly rateLimit?: RateLimitState;
  /**
   * The run's request budget (`--max-requests`), shared by every target of the run: once spent,
   * requests fail without being sent and the checks that needed them are skipped (`not-run`).
   */
  readonly budget?: RequestBudget;
}

/**
 * A target with every default filled in. Its `fetch` adds the custom headers, records every
 * exchange (evidence, trace), cancels each at its timeout and caps it in bytes, and retries
 * 429/529 (see `retry-fetch.ts`): SDK clients must be given this `fetch` so their exchanges are
 * bounded and captured too.
 */
export interface ResolvedTarget {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  /** The custom headers `fetch` adds to every request (already applied: checks need not add them). */
  readonly headers: Readonly<Record<string, string>>;
  readonly maxResponseBytes: number;
  /** The run gave up on a rate-limiting target once this is set. */
  readonly rateLimit: RateLimitState;
  /**
   * The auth scheme the preflight found accepted (protocol-defined names, e.g. `x-api-key` or
   * `bearer` for Anthropic); checks that are not about auth send this one. Unset: the default.
   */
  readonly authScheme?: string;
  /** The run's request budget, when it has one (the runner skips checks it refused a request). */
  readonly budget?: RequestBudget;
}

/** The key used when the user gives none: mocks accept any key; real targets answer 401. */
export const PLACEHOLDER_API_KEY = 'sk-llm-conformance-placeholder';

/** Bodies larger than this are cut off by default. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Fills in the defaults; `fetch` adds the custom headers, records, bounds and retries 429/529. */
export function resolveTarget(target: Target, defaultModel: string): ResolvedTarget {
  const headers = { ...target.headers };
  const timeoutMs = target.timeoutMs ?? 60_000;
  const maxResponseBytes = target.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const rateLimit: RateLimitState = target.rateLimit ?? { gaveUp: undefined };
  const recorded = recordingFetch(target.fetch ?? globalThis.fetch.bind(globalThis), {
    timeoutMs,
    maxResponseBytes,
    ...(target.onExchange ? { onExchange: target.onExchange } : {}),
    ...(target.signal ? { signal: target.signal } : {}),
    ...(target.budget ? { budget: target.budget } : {}),
  });
  // The headers go on before the recorder sees the request, so evidence and traces show them.
  const sent = Object.keys(headers).length > 0 ? withHeaders(recorded, headers) : recorded;
  return {
    baseUrl: target.baseUrl.replace(/\/+$/, ''),
    apiKey: target.apiKey ?? PLACEHOLDER_API_KEY,
    model: target.model ?? defaultModel,
    fetch: retryingFetch(sent, target.retry, rateLimit),
    timeoutMs,
    headers,
    maxResponseBytes,
    rateLimit,
    ...(target.budget ? { budget: target.budget } : {}),
  };
}

/**
 * Wraps `fetch` so that every request carries `headers`, replacing same-named ones. Wrapping the
 * fetch (rather than each check's headers) reaches the official SDKs' requests too: every SDK the
 * suites use takes a `fetch` option.
 */
export function withHeaders(inner: typeof fetch, headers: Readonly<Record<string, string>>): typeof fetch {
  return (input, init) => {
    const merged = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return inner(input, { ...init, headers: merged });
  };
}
