import { type RawExchange, type RawRequest, rawExchange } from './http.ts';
import { describeReply } from './replies.ts';
import { PLACEHOLDER_API_KEY, type ResolvedTarget } from './target.ts';

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

/** Whether an answer rejects the key: 401 or 403 (Gemini adds its own 400, see its preflight). */
export function rejectsKey(reply: RawExchange): boolean {
  return reply.status === 401 || reply.status === 403;
}

/**
 * What to do about a rejected key: give one when none was given (naming the environment
 * variables the run reads besides `$LLM_CONFORMANCE_API_KEY`), else check it.
 */
export function keyAdvice(target: ResolvedTarget, variables: readonly string[] = []): string {
  return target.apiKey === PLACEHOLDER_API_KEY ? `no API key was given (pass --api-key, or set ${['$LLM_CONFORMANCE_API_KEY', ...variables].join(' or ')})` : 'check --api-key';
}

/** How the auth message names the schemes tried: "sent as X" for one, "under both X and Y" for two. */
function schemesTried(labels: readonly string[]): string {
  if (labels.length === 1) return `sent as ${labels[0]}`;
  if (labels.length === 2) return `under both ${labels[0]} and ${labels[1]}`;
  return `under ${labels.join(', ')}`;
}

/**
 * The auth verdict of the probes (the first is the protocol's default scheme). All rejected → a
 * message naming every scheme and `advice`. Some rejected → the target with `authScheme` set to
 * the first accepted one, and a note (only `auth/*` then reports the others). All accepted → the
 * target unchanged. `reply` is the accepted probe's answer, for the model check.
 */
export function chooseAuthScheme(target: ResolvedTarget, probes: readonly AuthProbe[], advice: string): AuthChoice {
  const accepted = probes.filter((p) => p.accepted);
  const first = accepted[0];
  if (!first) return { ok: false, message: `the target rejected the API key ${schemesTried(probes.map((p) => p.label))} (${describeReply(probes[0]!.reply)}); ${advice}` };
  if (accepted.length === probes.length) return { ok: true, target, notes: [], reply: first.reply };
  return { ok: true, target: { ...target, authScheme: first.scheme }, notes: [`only ${first.label} is accepted; the run uses it (auth/* reports the other)`], reply: first.reply };
}

/**
 * Whether a refusal may be about the model rather than a missing route: a 404 or 400 whose error
 * says `model_not_found` (OpenAI's code; pass `code` only for protocols that have it) or whose
 * message names a model.
 */
export function aboutTheModel(reply: RawExchange, error: { readonly code?: unknown; readonly message?: unknown } | undefined): boolean {
  if (reply.status !== 404 && reply.status !== 400) return false;
  return error?.code === 'model_not_found' || (typeof error?.message === 'string' && /model/i.test(error.message));
}

/** The `data[].id` of a model list body (OpenAI's and Anthropic's shapes); `[]` when there is none. */
export function listedModelIds(body: unknown): string[] {
  const data = body !== null && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return [];
  return data.map((m) => (m !== null && typeof m === 'object' ? (m as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string');
}

/**
 * The preflight's one-line message when the target does not serve the model under test, naming
 * the models it lists instead (at most 20), or `undefined` when it lists the model after all (the
 * error was about something else: the checks then judge). `listing` says where the list came from.
 */
export function modelNotServedMessage(model: string, answer: string, listed: readonly string[], listing: string): string | undefined {
  if (listed.includes(model)) return undefined;
  if (listed.length === 0) return `the target does not serve model ${model} (${answer}) and lists no models (${listing}); choose one with --model`;
  const shown = listed.slice(0, 20).join(', ') + (listed.length > 20 ? `, … (${listed.length} in all)` : '');
  return `the target does not serve model ${model} (${answer}); it lists: ${shown}. Choose one with --model`;
}

/**
 * {@link modelNotServedMessage} for the model `reply` refused, after asking the target's model
 * list (`listing`, a GET; `ids` reads its body, by default the `data[].id` of OpenAI and Anthropic).
 */
export async function unknownModelMessage(target: ResolvedTarget, reply: RawExchange, listing: RawRequest, ids: (body: unknown) => string[] = listedModelIds): Promise<string | undefined> {
  const list = await rawExchange(target, listing);
  return modelNotServedMessage(target.model, describeReply(reply), ids(list.json), `GET ${listing.path.split('?')[0]}: HTTP ${list.status}`);
}
