import { CheckBlocked, CheckFailure, CheckSkip } from './check.ts';
import { describeError, isInternalError } from './describe-error.ts';
import type { SharedExchange } from './exchange.ts';
import { type ExchangeRecord, inScope } from './recorder.ts';
import { budgetExhaustedOf } from './request-budget.ts';
import { rateLimitOf } from './retry-fetch.ts';
import type { ResolvedTarget } from './target.ts';

/** How a shared exchange ended, once per run. */
type Outcome =
  | { readonly kind: 'ok'; readonly value: unknown; readonly records: readonly ExchangeRecord[] }
  /** Failed: `root` is the check that reports it (the owner, or the owner of the exchange it derives from). */
  | { readonly kind: 'failed'; readonly root: string; readonly failure: CheckFailure; readonly records: readonly ExchangeRecord[] }
  /** Skipped (capability absent, subject not observed), rate-limited, or a bug of ours: rethrown to every user. */
  | { readonly kind: 'thrown'; readonly error: unknown; readonly records: readonly ExchangeRecord[] };

/** Thrown inside a derived exchange whose parent failed: carries the parent's root. */
class ParentFailed extends Error {
  readonly root: string;
  readonly failure: CheckFailure;
  constructor(root: string, failure: CheckFailure) {
    super(failure.message);
    this.root = root;
    this.failure = failure;
  }
}

/**
 * The shared exchanges of one run: each made once (the definition object is the key), its
 * outcome turned into a verdict for each check that uses it.
 */
export class ExchangeStore {
  readonly #target: ResolvedTarget;
  readonly #selected: ReadonlySet<string>;
  readonly #outcomes = new Map<SharedExchange<unknown>, Promise<Outcome>>();

  /** `selected`: the ids of the checks in this run (a root outside it cannot report a failure). */
  constructor(target: ResolvedTarget, selected: ReadonlySet<string>) {
    this.#target = target;
    this.#selected = selected;
  }

  /**
   * The exchange's value for check `checkId`: its records join the check's `trail`; a failure
   * fails the check when it is the root (or the root is not in the run) and blocks it otherwise.
   */
  async useFromCheck<T>(exchange: SharedExchange<T>, checkId: string, trail: ExchangeRecord[]): Promise<T> {
    const outcome = await this.#outcome(exchange);
    trail.push(...outcome.records);
    if (outcome.kind === 'ok') return outcome.value as T;
    if (outcome.kind === 'thrown') throw outcome.error;
    const { root, failure } = outcome;
    if (root !== checkId && this.#selected.has(root)) throw new CheckBlocked(root, `blocked by ${root} (${exchangeName(exchange, failure)})`);
    const exchangeRecord = failure.details.exchange ?? outcome.records[outcome.records.length - 1];
    throw new CheckFailure(failure.message, { ...failure.details, ...(exchangeRecord ? { exchange: exchangeRecord } : {}) });
  }

  #outcome(exchange: SharedExchange<unknown>): Promise<Outcome> {
    let outcome = this.#outcomes.get(exchange);
    if (!outcome) {
      outcome = this.#make(exchange);
      this.#outcomes.set(exchange, outcome);
    }
    return outcome;
  }

  async #make(exchange: SharedExchange<unknown>): Promise<Outcome> {
    // Its own scope: the exchange outlives the check that happened to ask first, so it is bounded
    // by the request timeout, not by that check's timeout.
    const records: ExchangeRecord[] = [];
    const use = async <U>(parent: SharedExchange<U>): Promise<U> => {
      const outcome = await this.#outcome(parent);
      records.push(...outcome.records);
      if (outcome.kind === 'ok') return outcome.value as U;
      if (outcome.kind === 'thrown') throw outcome.error;
      throw new ParentFailed(outcome.root, outcome.failure);
    };
    const scope = { records, label: exchange.id };
    try {
      const value = await inScope(scope, () => exchange.make({ target: this.#target, use }));
      return { kind: 'ok', value, records };
    } catch (error) {
      // Refused a request by the run's budget: not made, so every user is not run (not blocked).
      const budget = this.#target.budget;
      if (budget && (budget.deniedIn(scope) || budgetExhaustedOf(error))) return { kind: 'thrown', error: new CheckSkip(budget.reason, 'not-run'), records };
      if (error instanceof ParentFailed) return { kind: 'failed', root: error.root, failure: error.failure, records };
      if (error instanceof CheckSkip || rateLimitOf(error) || (!(error instanceof CheckFailure) && isInternalError(error))) return { kind: 'thrown', error, records };
      const failure = error instanceof CheckFailure ? error : new CheckFailure(`${exchange.description}: ${describeError(error, this.#target.baseUrl)}`);
      return { kind: 'failed', root: exchange.owner, failure, records };
    }
  }
}

function exchangeName(exchange: SharedExchange<unknown>, failure: CheckFailure): string {
  const reason = failure.message.length > 160 ? `${failure.message.slice(0, 159)}…` : failure.message;
  return `${exchange.description}: ${reason}`;
}
