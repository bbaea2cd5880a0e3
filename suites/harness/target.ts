import { retryingFetch } from './retry-fetch.ts';

/** Where checks send their traffic, as given by the user (CLI flags or the embedded mock). */
export interface Target {
  /** Server root under which `/v1/...` lives (no `/v1` suffix), e.g. `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** Model id to use (default: the suite's default model for the protocol). */
  readonly model?: string;
  /** Custom fetch (msw interception, tests); default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Per-request timeout in ms (default 60 s). */
  readonly timeoutMs?: number;
  /**
   * Headers sent on every request of the run, SDK and raw alike (gateways route by header:
   * `x-portkey-provider`, `x-llmops-custom-host`). Each replaces a header of the same name the
   * request would have sent.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A target with every default filled in; its `fetch` retries 429/529 (see `retry-fetch.ts`). */
export interface ResolvedTarget {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  /** The custom headers `fetch` adds to every request (already applied: checks need not add them). */
  readonly headers: Readonly<Record<string, string>>;
}

/** The key used when the user gives none: mocks accept any key; real targets answer 401. */
export const PLACEHOLDER_API_KEY = 'sk-llm-conformance-placeholder';

/** Fills in the defaults; `fetch` adds the custom headers and retries 429/529. */
export function resolveTarget(target: Target, defaultModel: string): ResolvedTarget {
  const headers = { ...target.headers };
  const inner = target.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    baseUrl: target.baseUrl.replace(/\/+$/, ''),
    apiKey: target.apiKey ?? PLACEHOLDER_API_KEY,
    model: target.model ?? defaultModel,
    fetch: retryingFetch(Object.keys(headers).length > 0 ? withHeaders(inner, headers) : inner),
    timeoutMs: target.timeoutMs ?? 60_000,
    headers,
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
