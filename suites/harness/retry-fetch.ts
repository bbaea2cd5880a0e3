/** Statuses that mean "not now" rather than "not conformant": rate limited, overloaded. */
const RETRY_STATUSES = new Set([429, 529]);

export interface RetryOptions {
  /** Attempts in all (default 4). */
  readonly attempts?: number;
  /** Longest single wait in ms (default 30 s); a longer `retry-after` is cut to it. */
  readonly maxDelayMs?: number;
  /** Waits between attempts (injected by tests). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Wraps `fetch` so that a 429 or 529 is retried after the delay the target asks for
 * (`retry-after-ms`, `retry-after`), or 1 s, 2 s, 4 s. Conformance runs against real, rate-limited
 * endpoints must not report "not conformant" for a busy minute; every other status, including
 * 5xx, comes back at once, since those are what checks are about.
 */
export function retryingFetch(inner: typeof fetch, options: RetryOptions = {}): typeof fetch {
  const attempts = options.attempts ?? 4;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (input, init) => {
    // Only bodies that can be sent twice are retried (the SDKs and checks send strings).
    const replayable = init?.body === undefined || init.body === null || typeof init.body === 'string';
    for (let attempt = 1; ; attempt++) {
      const response = await inner(input, init);
      if (!RETRY_STATUSES.has(response.status) || attempt >= attempts || !replayable || init?.signal?.aborted) return response;
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
