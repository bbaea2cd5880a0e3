import type { RequestHandlerLike } from '../../wire/wire-request.ts';
import { type RewriteHooks, wrapHandler } from './rewrite-hooks.ts';

/**
 * A deliberately broken variant of the reference mock, imitating a deviation seen in the wild.
 * The mutant guard (`suites/mutants.test.ts`) holds every suite to this contract: each mutant
 * fails exactly the checks it lists in `breaks` (plus at most a small, reported collateral), and
 * every check is listed by at least one mutant that fails it, which proves the check can fail.
 */
export interface Mutant {
  readonly id: string;
  /** The deviation, in the words of the real-world bug it imitates. */
  readonly description: string;
  /** The checks this deviation must fail (status `fail`, not blocked). */
  readonly breaks: readonly string[];
  wrap(inner: RequestHandlerLike): RequestHandlerLike;
}

/** Defines a mutant from request/reply rewriting hooks around the reference handler. */
export function defineMutant(definition: { id: string; description: string; breaks: readonly string[] } & RewriteHooks): Mutant {
  const { request, reply, ...info } = definition;
  const hooks: RewriteHooks = { ...(request ? { request } : {}), ...(reply ? { reply } : {}) };
  return { ...info, wrap: (inner) => wrapHandler(inner, hooks) };
}

export * from './rewrite-hooks.ts';
