/**
 * The most requests a run may send (`--max-requests`): a cost guard for paid endpoints. Every
 * request goes through the recording fetch (`recorder.ts`), which takes one unit from the budget
 * before sending, so SDK calls, raw probes, preflight requests and 429 retries all count. Once the
 * budget is spent, requests fail at once with {@link RequestBudgetExhausted} without reaching the
 * target, and the checks (and shared exchanges) that met it are skipped as `not-run` with
 * {@link RequestBudget.reason}: a check that could not send its request was not judged. Checks
 * that only read exchanges already made still get their verdict.
 *
 * One budget is shared by every protocol of a run (the CLI gives each target the same object).
 */
export class RequestBudget {
  readonly limit: number;
  #sent = 0;
  /** The record scopes (checks, shared exchanges, preflights) that were refused a request. */
  readonly #denied = new WeakSet<object>();

  constructor(limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`[llm-conformance] Failed to create a request budget: ${limit} is not a count.`);
    this.limit = limit;
  }

  /** Requests sent so far (refused ones not included). */
  get sent(): number {
    return this.#sent;
  }

  get exhausted(): boolean {
    return this.#sent >= this.limit;
  }

  /** Why a check was not run, in the words of the report. */
  get reason(): string {
    return `not run: the run's request budget is spent (${this.limit} requests, --max-requests)`;
  }

  /**
   * Takes one request from the budget: `true` when it may be sent. When none is left, `scope`
   * (the record scope the request was made in) is remembered as denied and `false` is returned.
   */
  take(scope: object | undefined): boolean {
    if (this.#sent < this.limit) {
      this.#sent++;
      return true;
    }
    if (scope) this.#denied.add(scope);
    return false;
  }

  /** Whether a request made in `scope` was refused (its outcome cannot be a verdict). */
  deniedIn(scope: object): boolean {
    return this.#denied.has(scope);
  }
}

/** Thrown by the recording fetch instead of sending once the run's request budget is spent. */
export class RequestBudgetExhausted extends Error {
  constructor(budget: RequestBudget) {
    super(budget.reason);
    this.name = 'RequestBudgetExhausted';
  }
}

/** The budget error in an error's cause chain (the SDKs wrap fetch failures). */
export function budgetExhaustedOf(error: unknown): RequestBudgetExhausted | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof RequestBudgetExhausted) return current;
  }
  return undefined;
}
