/** The mock's own ceilings, whatever the caller's token budget allows. */
export const GENERATION_BOUNDS = {
  /** Largest JSON text generated for one value (characters). */
  maxChars: 1_000_000,
  /** Largest `uniqueItems` array (validating one is quadratic in its length). */
  maxUniqueItems: 1_000,
} as const;

/**
 * Generation stopped at a bound: `max-tokens` when the value would not fit the caller's output
 * budget (the reply stops as the real API's would), `mock` when it exceeds the mock's own
 * {@link GENERATION_BOUNDS} (a 400: the request cannot be answered within them).
 */
export class GenerationLimitError extends Error {
  readonly limitedBy: 'max-tokens' | 'mock';

  constructor(limitedBy: 'max-tokens' | 'mock', message: string) {
    super(message);
    this.name = 'GenerationLimitError';
    this.limitedBy = limitedBy;
  }
}

/** Characters of generated JSON spent so far against the caller's budget and the mock's bound. */
export class Budget {
  #used = 0;
  readonly #max: number;
  readonly #limitedBy: 'max-tokens' | 'mock';

  constructor(maxChars: number | undefined) {
    const requested = maxChars ?? Number.POSITIVE_INFINITY;
    this.#max = Math.min(requested, GENERATION_BOUNDS.maxChars);
    this.#limitedBy = requested < GENERATION_BOUNDS.maxChars ? 'max-tokens' : 'mock';
  }

  /** Spends `chars`, or throws when the value would exceed the budget. */
  spend(chars: number, what: string): void {
    this.ensure(chars, what);
    this.#used += chars;
  }

  /** Characters still available. */
  get remaining(): number {
    return this.#max - this.#used;
  }

  /** Throws when `chars` more would exceed the budget (spends nothing). */
  ensure(chars: number, what: string): void {
    if (this.#used + chars <= this.#max) return;
    const message =
      this.#limitedBy === 'mock'
        ? `${what} exceeds the mock's bound of ${GENERATION_BOUNDS.maxChars} characters of generated JSON`
        : `${what} does not fit the output budget`;
    throw new GenerationLimitError(this.#limitedBy, message);
  }
}
