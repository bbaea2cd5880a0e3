import { type RawExchange, jsonObject, rawExchange } from '../harness/http.ts';
import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import { describeReply } from '../harness/replies.ts';
import { PLACEHOLDER_API_KEY, type ResolvedTarget } from '../harness/target.ts';
import { anthropicHeaders } from './client.ts';

const AUTH_REJECTED = new Set([401, 403]);

/** The smallest real request: one token out, so a run against a paid API costs next to nothing. */
function probeBody(model: string) {
  return { model, max_tokens: 1, messages: [{ role: 'user', content: 'Hi' }] };
}

/**
 * Before the checks: one tiny request per auth scheme the API takes (`x-api-key`, Bearer).
 * Both rejected → the key is wrong (exit 2, one message). One rejected → the run goes on with the
 * other (only `auth/*` then reports the rejected one). A 404 about the model → the target does not
 * serve it: the message names the models `GET /v1/models` lists (exit 2).
 *
 * @see https://docs.claude.com/en/api/overview#authentication
 */
export async function anthropicPreflight(target: ResolvedTarget): Promise<PreflightOutcome> {
  try {
    const probe = (auth: 'x-api-key' | 'bearer') => rawExchange(target, { path: '/v1/messages', headers: anthropicHeaders(target, auth), body: probeBody(target.model) });
    const viaKey = await probe('x-api-key');
    const viaBearer = await probe('bearer');
    const keyOk = !AUTH_REJECTED.has(viaKey.status);
    const bearerOk = !AUTH_REJECTED.has(viaBearer.status);
    if (!keyOk && !bearerOk) {
      const given = target.apiKey === PLACEHOLDER_API_KEY ? 'no API key was given (pass --api-key, or set $LLM_CONFORMANCE_API_KEY or $ANTHROPIC_API_KEY)' : 'check --api-key';
      return { ok: false, problem: 'auth', message: `the target rejected the API key under both x-api-key and Authorization: Bearer (${describeReply(viaKey)}); ${given}` };
    }
    const scheme = keyOk && bearerOk ? undefined : keyOk ? 'x-api-key' : 'bearer';
    const chosen: ResolvedTarget = scheme ? { ...target, authScheme: scheme } : target;
    const notes = scheme ? [`only ${scheme === 'x-api-key' ? 'x-api-key' : 'Authorization: Bearer'} is accepted; the run uses it (auth/* reports the other)`] : [];
    const reply = keyOk ? viaKey : viaBearer;
    if (aboutTheModel(reply)) {
      const unknown = await unknownModelMessage(chosen, reply);
      if (unknown) return { ok: false, problem: 'model', message: unknown };
    }
    return { ok: true, target: chosen, notes };
  } catch (error) {
    return preflightError(error, target);
  }
}

/** A 404 or 400 whose error is about the model (not a missing route): the model may be unknown to the target. */
function aboutTheModel(reply: RawExchange): boolean {
  if (reply.status !== 404 && reply.status !== 400) return false;
  const message = jsonObject(jsonObject(reply.json)?.error)?.message;
  return typeof message === 'string' && /model/i.test(message);
}

/** The one-line message for an unknown model, or `undefined` when the target lists it (then the checks judge). */
async function unknownModelMessage(target: ResolvedTarget, reply: RawExchange): Promise<string | undefined> {
  const list = await rawExchange(target, { path: '/v1/models?limit=1000', headers: anthropicHeaders(target) });
  const data = jsonObject(list.json)?.data;
  const ids = Array.isArray(data) ? data.map((m) => jsonObject(m)?.id).filter((id): id is string => typeof id === 'string') : [];
  if (ids.includes(target.model)) return undefined;
  const answer = describeReply(reply);
  if (ids.length === 0) return `the target does not serve model ${target.model} (${answer}) and lists no models (GET /v1/models: HTTP ${list.status}); choose one with --model`;
  const shown = ids.slice(0, 20).join(', ') + (ids.length > 20 ? `, … (${ids.length} in all)` : '');
  return `the target does not serve model ${target.model} (${answer}); it lists: ${shown}. Choose one with --model`;
}
