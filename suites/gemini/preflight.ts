import type { RawExchange } from '../harness/http.ts';
import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import { chooseAuthScheme, modelNotServedMessage } from '../harness/preflight-steps.ts';
import { describeReply } from '../harness/replies.ts';
import { PLACEHOLDER_API_KEY, type ResolvedTarget } from '../harness/target.ts';
import { getResource, postMethod } from './client.ts';
import { googleError } from './envelope.ts';
import { modelIdOf, type Json } from './read.ts';
import { userTurn } from './requests.ts';

/** The smallest real request: one output token, so a run against a paid API costs next to nothing. */
const PROBE = { contents: [userTurn('Hi')], generationConfig: { maxOutputTokens: 1 } };

/**
 * Whether an answer rejects the key: 401/403, or Google's 400 for a key that is not valid
 * (`API_KEY_INVALID`, "API key not valid").
 */
function rejectsKey(reply: RawExchange): boolean {
  if (reply.status === 401 || reply.status === 403) return true;
  if (reply.status !== 400) return false;
  return /API_KEY_INVALID|API key not valid|API key expired/i.test(reply.text);
}

/**
 * Before the checks: the tiny request once per way Gemini takes a key (`x-goog-api-key`, `?key=`).
 * Both rejected → the key is wrong (exit 2, one message). One rejected → the run goes on with the
 * other (only `auth/*` then reports the rejected one). A 404 about the model → the target does not
 * serve it: the message names the models `GET /v1beta/models` lists (exit 2).
 *
 * @see https://ai.google.dev/api#authentication
 */
export async function geminiPreflight(target: ResolvedTarget): Promise<PreflightOutcome> {
  try {
    const probe = async (auth: 'header-key' | 'query-key', label: string) => {
      const reply = await postMethod(target, 'generateContent', PROBE, { auth });
      return { scheme: auth, label, reply, accepted: !rejectsKey(reply) };
    };
    const probes = [await probe('header-key', 'x-goog-api-key'), await probe('query-key', '?key=')];
    const advice = target.apiKey === PLACEHOLDER_API_KEY ? 'no API key was given (pass --api-key, or set $LLM_CONFORMANCE_API_KEY)' : 'check --api-key';
    const choice = chooseAuthScheme(target, probes, describeReply, advice);
    if (!choice.ok) return { ok: false, problem: 'auth', message: choice.message };
    if (aboutTheModel(choice.reply)) {
      const unknown = await unknownModelMessage(choice.target, choice.reply);
      if (unknown) return { ok: false, problem: 'model', message: unknown };
    }
    return { ok: true, target: choice.target, notes: choice.notes };
  } catch (error) {
    return preflightError(error, target);
  }
}

/** A 404 (or 400) whose message is about the model, not a missing route. */
function aboutTheModel(reply: RawExchange): boolean {
  if (reply.status !== 404 && reply.status !== 400) return false;
  const message = googleError(reply)?.message;
  return typeof message === 'string' && /model/i.test(message);
}

/** The one-line message for an unknown model, or `undefined` when the target lists it (then the checks judge). */
async function unknownModelMessage(target: ResolvedTarget, reply: RawExchange): Promise<string | undefined> {
  const list = await getResource(target, 'models', { query: { pageSize: '1000' } });
  const models = (list.json as { models?: unknown } | undefined)?.models;
  const ids = Array.isArray(models) ? models.map((m) => modelIdOf((m as Json | null)?.name)).filter((id): id is string => id !== undefined) : [];
  return modelNotServedMessage(target.model, describeReply(reply), ids, `GET /v1beta/models: HTTP ${list.status}`);
}
