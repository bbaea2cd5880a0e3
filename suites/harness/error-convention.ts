import { defineExchange, type SharedExchange } from './exchange.ts';
import type { RawExchange } from './http.ts';
import type { ResolvedTarget } from './target.ts';

type Use = <T>(exchange: SharedExchange<T>) => Promise<T>;

/** What a protocol tells {@link defineErrorConvention}. */
export interface ErrorConventionOptions {
  /** Exchange ids start with this (`openai-responses/error:invalid-input`). */
  readonly id: string;
  /** The check that reports a wrong envelope (errors/bad-request-envelope). */
  readonly owner: string;
  /** The bad request, for people: "POST /v1/responses with a number as input". */
  readonly description: string;
  /** The bad request in failure messages: "a body whose input is a number". */
  readonly what: string;
  /** Sends the bad request. */
  send(target: ResolvedTarget): Promise<RawExchange>;
  /** The status the bad request must get (400). */
  readonly status: number;
  /** Whether an error body is another protocol's envelope (the usual mix-up). */
  isForeign(body: unknown): boolean;
  /** Fails unless the exchange is `status` in the protocol's own envelope. */
  expectEnvelope(exchange: RawExchange, status: number, what: string): void;
}

/** The bad request, the envelope convention it reveals, and the check for every other error exchange. */
export interface ErrorConvention {
  /** The bad request's answer, once its envelope is right. */
  readonly badRequest: SharedExchange<RawExchange>;
  /** Every exchange, for the suite's list. */
  readonly exchanges: readonly SharedExchange<unknown>[];
  /**
   * The envelope rule for an error exchange other than the bad request: a body in another
   * protocol's envelope is first attributed to the target's convention (the check is then blocked
   * by the owner, which reports it once), else judged here.
   */
  expectErrorReply(use: Use, exchange: RawExchange, status: number, what: string): Promise<void>;
}

/**
 * A target that answers every error in another protocol's envelope has one bug: the owner reports
 * it on the bad request, and every other error check that meets the same envelope is blocked by it
 * (a deviation local to one route still fails its own check).
 */
export function defineErrorConvention(options: ErrorConventionOptions): ErrorConvention {
  const raw = defineExchange({ id: `${options.id}:raw`, owner: options.owner, description: options.description, make: ({ target }) => options.send(target) });
  const badRequest = defineExchange({
    id: options.id,
    owner: options.owner,
    description: `the ${options.status} to ${options.what}`,
    make: async ({ use }) => {
      const exchange = await use(raw);
      options.expectEnvelope(exchange, options.status, options.what);
      return exchange;
    },
  });
  const convention = defineExchange({
    id: `${options.id}:convention`,
    owner: options.owner,
    description: "the envelope of the target's errors",
    make: async ({ use }) => {
      const exchange = await use(raw);
      if (options.isForeign(exchange.json)) options.expectEnvelope(exchange, exchange.status, options.what);
    },
  });
  return {
    badRequest,
    exchanges: [raw, badRequest, convention],
    async expectErrorReply(use, exchange, status, what) {
      if (options.isForeign(exchange.json)) await use(convention);
      options.expectEnvelope(exchange, status, what);
    },
  };
}
