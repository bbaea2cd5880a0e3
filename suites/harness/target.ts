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
}

/** A target with every default filled in; its `fetch` retries 429/529 (see `retry-fetch.ts`). */
export interface ResolvedTarget {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

/** The key used when the user gives none: mocks accept any key; real targets answer 401. */
export const PLACEHOLDER_API_KEY = 'sk-llm-conformance-placeholder';

export function resolveTarget(target: Target, defaultModel: string): ResolvedTarget {
  return {
    baseUrl: target.baseUrl.replace(/\/+$/, ''),
    apiKey: target.apiKey ?? PLACEHOLDER_API_KEY,
    model: target.model ?? defaultModel,
    fetch: retryingFetch(target.fetch ?? globalThis.fetch.bind(globalThis)),
    timeoutMs: target.timeoutMs ?? 60_000,
  };
}
