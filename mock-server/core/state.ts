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
  readonly #weights = new Map<string, number>();
  readonly #limit: number;
  readonly #maxWeight: number;
  #weight = 0;

  /**
   * `limit` bounds the number of entries; `maxWeight` bounds the sum of the weights callers give
   * their entries (an estimate of their size in bytes): a few huge stored responses are forgotten
   * as many small ones are. The newest entry is always kept.
   */
  constructor(limit = 10_000, maxWeight = Number.POSITIVE_INFINITY) {
    if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`[llm-conformance] state limit must be a positive integer, got ${limit}`);
    if (!(maxWeight > 0)) throw new RangeError(`[llm-conformance] state weight limit must be positive, got ${maxWeight}`);
    this.#limit = limit;
    this.#maxWeight = maxWeight;
  }

  /** Stores `value` under `key` + `id`, replacing an earlier value; `weight` is its estimated size. */
  put<T>(key: StateKey<T>, id: string, value: T, weight = 0): void {
    const k = `${key.name}\u0000${id}`;
    this.#forget(k);
    this.#entries.set(k, value);
    this.#weights.set(k, weight);
    this.#weight += weight;
    while (this.#entries.size > 1 && (this.#entries.size > this.#limit || this.#weight > this.#maxWeight)) {
      this.#forget(this.#entries.keys().next().value as string);
    }
  }

  #forget(k: string): boolean {
    this.#weight -= this.#weights.get(k) ?? 0;
    this.#weights.delete(k);
    return this.#entries.delete(k);
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
    return this.#forget(`${key.name}\u0000${id}`);
  }

  /** How many entries are held (all keys). */
  get size(): number {
    return this.#entries.size;
  }

  /** The sum of the weights of the entries held. */
  get weight(): number {
    return this.#weight;
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
