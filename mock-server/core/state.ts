/**
 * The little state a mock server keeps between requests: stored OpenAI responses
 * (`store`, `previous_response_id`, background polling), Anthropic message threads (the tool
 * runner's `thread: {type: "continue"}`), and whatever a later protocol needs. Everything else in
 * the mock is a pure function of the request.
 *
 * Bounded: past `limit` entries the least recently used one is forgotten, so a long load test
 * cannot grow the server without end. A forgotten id answers as an unknown one would (the
 * protocol's 404), which is what the real APIs do once a stored object expires.
 */
export class MockState {
  readonly #entries = new Map<string, unknown>();
  readonly #limit: number;

  constructor(limit = 10_000) {
    if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`[llm-conformance] state limit must be a positive integer, got ${limit}`);
    this.#limit = limit;
  }

  /** Stores `value` under `key` + `id`, replacing an earlier value. */
  put<T>(key: StateKey<T>, id: string, value: T): void {
    const k = `${key.name}\u0000${id}`;
    this.#entries.delete(k);
    this.#entries.set(k, value);
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  /** The value under `key` + `id` (and marks it recently used), or `undefined`. */
  get<T>(key: StateKey<T>, id: string): T | undefined {
    const k = `${key.name}\u0000${id}`;
    if (!this.#entries.has(k)) return undefined;
    const value = this.#entries.get(k) as T;
    this.#entries.delete(k);
    this.#entries.set(k, value);
    return value;
  }

  /** Forgets `key` + `id`; returns whether it was there. */
  delete<T>(key: StateKey<T>, id: string): boolean {
    return this.#entries.delete(`${key.name}\u0000${id}`);
  }

  /** How many entries are held (all keys). */
  get size(): number {
    return this.#entries.size;
  }
}

/** A typed name for one kind of stored value: `stateKey<StoredResponse>('openai-responses/response')`. */
export interface StateKey<T> {
  readonly name: string;
  /** Phantom: carries `T` for type inference only. */
  readonly __type?: T;
}

/** Declares a state key; by convention `<protocol>/<kind>`. */
export function stateKey<T>(name: string): StateKey<T> {
  return { name };
}
