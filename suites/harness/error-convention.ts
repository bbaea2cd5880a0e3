import { defineExchange, type SharedExchange, type UseExchange } from './exchange.ts';
import type { RawExchange } from './http.ts';
import type { ResolvedTarget } from './target.ts';


/** What a protocol tells {@link defineErrorConvention} about its error envelope. */
export interface ErrorConventionSpec<D> {
  /** `<protocol>/error:<name>`: the id of the bad request's exchanges (suffixed `:raw`, `:convention`). */
  readonly id: string;
  /** The check that reports a wrong envelope (e.g. `<protocol>/errors/bad-request-envelope`). */
  readonly owner: string;
  /** The bad request, for people: "POST /v1/chat/completions without messages". */
  readonly description: string;
  /** The bad request as failure messages name it ("a body without max_tokens"; default: `description`). */
  readonly subject?: string;
  /** The status the bad request must get, and the detail its envelope must carry (an error type, a code). */
  readonly status: number;
  readonly detail?: D;
  /** Sends the bad request. */
  send(target: ResolvedTarget): Promise<RawExchange>;
  /** Fails unless `exchange` is `status` in the protocol's envelope (with `detail`, when given). */
  expectEnvelope(exchange: RawExchange, status: number, what: string, detail?: D): void;
  /** Whether a body is another protocol's error envelope (the usual mix-up). */
  isForeign(body: unknown): boolean;
}

/** The shared exchanges of a protocol's error convention, and the assertion the other error checks use. */
export interface ErrorConvention<D> {
  /** The bad request's answer held to the envelope: its owner reports a wrong one. */
  readonly badRequest: SharedExchange<RawExchange>;
  /** Every exchange to list in the suite's `exchanges`. */
  readonly exchanges: readonly SharedExchange<unknown>[];
  /**
   * The envelope assertion for an error exchange other than the bad request: a foreign envelope is
   * first attributed to the target's convention (blocked by the owner when the bad request shows the
   * same), so a target answering every error in another vendor's envelope has one failure.
   */
  expectErrorReply(use: UseExchange, exchange: RawExchange, status: number, what: string, detail?: D): Promise<void>;
  /**
   * The first half of {@link expectErrorReply}, for a protocol whose error expectations are richer
   * than one status (several allowed): a foreign envelope is attributed to the convention first.
   */
  attribute(use: UseExchange, exchange: RawExchange): Promise<void>;
}

/**
 * A deviation every error repeats (another vendor's envelope on every route) reported once: the
 * bad request is the convention root; other error checks meeting the same foreign envelope are
 * blocked by its owner, while a deviation local to one route still fails its own check.
 *
 * @see ../README.md (section 3, convention roots)
 */
export function defineErrorConvention<D>(spec: ErrorConventionSpec<D>): ErrorConvention<D> {
  const what = spec.subject ?? spec.description;
  const raw = defineExchange({ id: `${spec.id}:raw`, owner: spec.owner, description: spec.description, make: ({ target }) => spec.send(target) });
  const badRequest = defineExchange({
    id: spec.id,
    owner: spec.owner,
    description: `the ${spec.status} to ${what}`,
    make: async ({ use }) => {
      const exchange = await use(raw);
      spec.expectEnvelope(exchange, spec.status, what, spec.detail);
      return exchange;
    },
  });
  const convention = defineExchange({
    id: `${spec.id}:convention`,
    owner: spec.owner,
    description: "the envelope of the target's errors",
    make: async ({ use }) => {
      const exchange = await use(raw);
      if (spec.isForeign(exchange.json)) spec.expectEnvelope(exchange, exchange.status, what, spec.detail);
    },
  });
  const attribute = async (use: UseExchange, exchange: RawExchange): Promise<void> => {
    if (spec.isForeign(exchange.json)) await use(convention);
  };
  return {
    badRequest,
    exchanges: [raw, badRequest, convention],
    attribute,
    async expectErrorReply(use, exchange, status, name, detail) {
      await attribute(use, exchange);
      spec.expectEnvelope(exchange, status, name, detail);
    },
  };
}
