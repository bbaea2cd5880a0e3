import type { RawExchange } from '../harness/http.ts';
import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import { aboutTheModel, chooseAuthScheme, keyAdvice, rejectsKey, unknownModelMessage } from '../harness/preflight-steps.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { geminiPath, postMethod } from './client.ts';
import { googleError } from './envelope.ts';
import { modelIdOf, type Json } from './read.ts';
import { userTurn } from './requests.ts';

/** The smallest real request: one output token, so a run against a paid API costs next to nothing. */
const PROBE = { contents: [userTurn('Hi')], generationConfig: { maxOutputTokens: 1 } };

/**
 * Whether an answer rejects the key: 401/403, or Google's 400 for a key that is not valid
 * (`API_KEY_INVALID`, "API key not valid").
 */
function rejectsGeminiKey(reply: RawExchange): boolean {
  if (rejectsKey(reply)) return true;
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
      return { scheme: auth, label, reply, accepted: !rejectsGeminiKey(reply) };
    };
    const probes = [await probe('header-key', 'x-goog-api-key'), await probe('query-key', '?key=')];
    const choice = chooseAuthScheme(target, probes, keyAdvice(target));
    if (!choice.ok) return { ok: false, problem: 'auth', message: choice.message };
    // Google's errors carry a numeric code: only a message about the model counts.
    if (aboutTheModel(choice.reply, { message: googleError(choice.reply)?.message })) {
      const unknown = await unknownModelMessage(choice.target, choice.reply, geminiPath(choice.target, 'models', { query: { pageSize: '1000' } }), modelIds);
      if (unknown) return { ok: false, problem: 'model', message: unknown };
    }
    return { ok: true, target: choice.target, notes: choice.notes };
  } catch (error) {
    return preflightError(error, target);
  }
}

/** The ids of a Gemini model list (`models[].name` without `models/`). */
function modelIds(body: unknown): string[] {
  const models = (body as { models?: unknown } | undefined)?.models;
  return Array.isArray(models) ? models.map((m) => modelIdOf((m as Json | null)?.name)).filter((id): id is string => id !== undefined) : [];
}
