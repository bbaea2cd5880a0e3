/** Statuses that mean "not now" rather than "not conformant": rate limited, overloaded. */
const RETRY_STATUSES = new Set([429, 529]);

export interface RetryOptions {
  /** Attempts in all for one request (default 4). */
  readonly attempts?: number;
  /** Longest single wait in ms (default 30 s); a longer `retry-after` is cut to it. */
  readonly maxDelayMs?: number;
  /** Waits between attempts (injected by tests). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What the target said when the run gave up on it: the status and its retry hints, as sent. */
export interface RateLimitInfo {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly retryAfterMs: string | undefined;
  readonly attempts: number;
}

/**
 * The target kept answering 429/529: the run gives up on it (every later request fails at once
 * with this error, so the wait stays bounded). Checks that meet it are skipped as rate-limited,
 * not failed: a busy target is not a conformance verdict.
 */
export class RateLimitedError extends Error {
  readonly info: RateLimitInfo;
  constructor(info: RateLimitInfo) {
    super(`the target is rate-limiting: HTTP ${info.status} after ${info.attempts} attempt(s)${retryHint(info)}; the run gave up on it`);
    this.name = 'RateLimitedError';
    this.info = info;
  }
}

function retryHint(info: RateLimitInfo): string {
  const hints = [info.retryAfter !== undefined ? `retry-after: ${info.retryAfter}` : '', info.retryAfterMs !== undefined ? `retry-after-ms: ${info.retryAfterMs}` : ''].filter(Boolean);
  return hints.length > 0 ? ` (${hints.join(', ')})` : ' (no retry-after header)';
}

/** The rate-limit error in an error's cause chain (the SDKs wrap fetch failures). */
export function rateLimitOf(error: unknown): RateLimitedError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof RateLimitedError) return current;
  }
  return undefined;
}

/** Shared by every request of a target: once one request exhausted its attempts, the run gives up. */
export interface RateLimitState {
  gaveUp: RateLimitedError | undefined;
}

/**
 * Wraps `fetch` so that a 429 or 529 is retried after the delay the target asks for
 * (`retry-after-ms`, `retry-after`), or 1 s, 2 s, 4 s. Conformance runs against real, rate-limited
 * endpoints must not report "not conformant" for a busy minute; every other status, including
 * 5xx, comes back at once, since those are what checks are about. When the last attempt is still
 * 429/529, {@link RateLimitedError} is thrown and `state` remembers it: later requests fail at
 * once instead of waiting again.
 */
export function retryingFetch(inner: typeof fetch, options: RetryOptions = {}, state: RateLimitState = { gaveUp: undefined }): typeof fetch {
  const attempts = options.attempts ?? 4;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (input, init) => {
    if (state.gaveUp) throw state.gaveUp;
    // Only bodies that can be sent twice are retried (the SDKs and checks send strings).
    const replayable = init?.body === undefined || init.body === null || typeof init.body === 'string';
    for (let attempt = 1; ; attempt++) {
      const response = await inner(input, init);
      if (!RETRY_STATUSES.has(response.status) || init?.signal?.aborted) return response;
      if (attempt >= attempts || !replayable || state.gaveUp) {
        await response.body?.cancel();
        const headers = response.headers;
        const error = new RateLimitedError({
          status: response.status,
          retryAfter: headers.get('retry-after') ?? undefined,
          retryAfterMs: headers.get('retry-after-ms') ?? undefined,
          attempts: attempt,
        });
        state.gaveUp ??= error;
        throw error;
      }
      await response.body?.cancel();
      await sleep(Math.min(maxDelay, retryDelay(response.headers, attempt)));
    }
  };
}

function retryDelay(headers: Headers, attempt: number): number {
  const ms = Number(headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(headers.get('retry-after'));
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  return 1000 * 2 ** (attempt - 1);
}
