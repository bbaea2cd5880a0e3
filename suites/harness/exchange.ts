import type { ResolvedTarget } from './target.ts';

/**
 * A shared exchange: a request (or a subject derived from one) that several checks look at,
 * made once per run. The definition object itself is the memo key, so keys are typed and cannot
 * collide; `id` names it in messages and traces.
 *
 * `make` sends the request and returns what checks inspect, or ends the exchange with the
 * harness assertions: a failed assertion (non-200, no SSE events, wrong envelope) makes the
 * exchange *failed*: its `owner` check fails with the evidence and every other check that uses
 * it is reported as blocked by the owner, so one bug is one failure. `requireCapability` /
 * `requireObserved` make it *skipped*: every user is skipped with the reason.
 *
 * A derived exchange uses another one (`ctx.use(parent)`), e.g. "the tool_use block of the tool
 * stream" on top of "the tool stream": when the parent failed, the derived one is blocked by the
 * parent's owner.
 *
 * @example
 * export const basicStream = defineExchange({
 *   id: 'anthropic-messages/stream:basic',
 *   owner: 'anthropic-messages/stream/content-type',
 *   description: 'POST /v1/messages (stream: true) with the basic prompt',
 *   make: async (ctx) => okStream(await captureStream(ctx.target, { … }), 'the streaming request'),
 * });
 */
export interface SharedExchange<T> {
  /** `<protocol>/<name>`, unique in the suite (a test checks it). */
  readonly id: string;
  /** The check that reports this exchange's failure (a check of the same suite). */
  readonly owner: string;
  /** What the exchange is, for people: "POST /v1/messages (stream: true) with the basic prompt". */
  readonly description: string;
  make(ctx: ExchangeContext): Promise<T>;
}

/** How a check or a derived exchange gets a shared exchange's value (`ctx.use`). */
export type UseExchange = <T>(exchange: SharedExchange<T>) => Promise<T>;

/** What an exchange's `make` gets: the target, and other shared exchanges it derives from. */
export interface ExchangeContext {
  readonly target: ResolvedTarget;
  use<U>(exchange: SharedExchange<U>): Promise<U>;
}

const ID_PATTERN = /^[a-z0-9-]+\/[a-z0-9:._-]+$/;

/** Declares a shared exchange; validates the id shape at definition time. */
export function defineExchange<T>(exchange: SharedExchange<T>): SharedExchange<T> {
  if (!ID_PATTERN.test(exchange.id) || exchange.owner.split('/')[0] !== exchange.id.split('/')[0]) {
    throw new Error(`[llm-conformance] Failed to define exchange "${exchange.id}": ids are "<protocol>/<name>" and the owner is a check of the same protocol.`);
  }
  return exchange;
}
