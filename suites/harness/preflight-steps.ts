import type { RawExchange } from './http.ts';
import type { ResolvedTarget } from './target.ts';

/**
 * Steps every protocol's preflight takes (see `suites/README.md` §4): pick the auth scheme from
 * one probe per scheme the protocol allows, and name the models a target lists when it does not
 * serve the one under test.
 */

/** The answer to the preflight's probe under one auth scheme. */
export interface AuthProbe {
  /** The protocol's name for the scheme (`ResolvedTarget.authScheme`). */
  readonly scheme: string;
  /** How a reader knows it (`x-goog-api-key`, `Authorization: Bearer`). */
  readonly label: string;
  readonly reply: RawExchange;
  readonly accepted: boolean;
}

/** Which scheme the run uses: every one rejected is an auth problem; one rejected, the run goes on with the others. */
export type AuthChoice =
  | { readonly ok: false; readonly message: string }
  | { readonly ok: true; readonly target: ResolvedTarget; readonly notes: readonly string[]; readonly reply: RawExchange };

/**
 * The auth verdict of the probes (the first is the protocol's default scheme). All rejected → a
 * message naming every scheme and `advice`. Some rejected → the target with `authScheme` set to
 * the first accepted one, and a note (only `auth/*` then reports the others). All accepted → the
 * target unchanged. `reply` is the accepted probe's answer, for the model check.
 */
export function chooseAuthScheme(target: ResolvedTarget, probes: readonly AuthProbe[], describe: (reply: RawExchange) => string, advice: string): AuthChoice {
  const accepted = probes.filter((p) => p.accepted);
  const first = accepted[0];
  if (!first) return { ok: false, message: `the target rejected the API key under ${probes.map((p) => p.label).join(' and ')} (${describe(probes[0]!.reply)}); ${advice}` };
  if (accepted.length === probes.length) return { ok: true, target, notes: [], reply: first.reply };
  return { ok: true, target: { ...target, authScheme: first.scheme }, notes: [`only ${first.label} is accepted; the run uses it (auth/* reports the other)`], reply: first.reply };
}

/**
 * The preflight's one-line message when the target does not serve the model under test, naming
 * the models it lists instead (at most 20), or `undefined` when it lists the model after all (the
 * error was about something else: the checks then judge).
 */
export function modelNotServedMessage(model: string, answer: string, listed: readonly string[], listing: string): string | undefined {
  if (listed.includes(model)) return undefined;
  if (listed.length === 0) return `the target does not serve model ${model} (${answer}) and lists no models (${listing}); choose one with --model`;
  const shown = listed.slice(0, 20).join(', ') + (listed.length > 20 ? `, … (${listed.length} in all)` : '');
  return `the target does not serve model ${model} (${answer}); it lists: ${shown}. Choose one with --model`;
}
