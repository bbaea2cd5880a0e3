import { type RawExchange, jsonObject } from '../harness/http.ts';
import { listedModelIds, preflightError, type PreflightOutcome, unknownModelMessage } from '../harness/preflight.ts';
import { describeReply } from '../harness/replies.ts';
import { PLACEHOLDER_API_KEY, type ResolvedTarget } from '../harness/target.ts';
import { getOpenAi, postChat } from './client.ts';

const AUTH_REJECTED = new Set([401, 403]);

/** The smallest real request: one token out, so a run against a paid API costs next to nothing. */
function probeBody(model: string) {
  return { model, max_tokens: 1, messages: [{ role: 'user', content: 'Hi' }] };
}

/**
 * Before the checks: one tiny request with the key as `Authorization: Bearer`, the only scheme the
 * OpenAI API takes. Rejected (401/403) → the key is wrong (exit 2, one message). A 404 or 400
 * about the model → the target may not serve it: the message names the models `GET /v1/models`
 * lists (exit 2), unless the model is among them (then the checks judge).
 *
 * @see https://platform.openai.com/docs/api-reference/authentication
 */
export async function openaiChatPreflight(target: ResolvedTarget): Promise<PreflightOutcome> {
  try {
    const reply = await postChat(target, probeBody(target.model));
    if (AUTH_REJECTED.has(reply.status)) {
      const given = target.apiKey === PLACEHOLDER_API_KEY ? 'no API key was given (pass --api-key, or set $LLM_CONFORMANCE_API_KEY)' : 'check --api-key';
      return { ok: false, problem: 'auth', message: `the target rejected the API key sent as Authorization: Bearer (${describeReply(reply)}); ${given}` };
    }
    if (aboutTheModel(reply)) {
      const unknown = await modelProblem(target, reply);
      if (unknown) return { ok: false, problem: 'model', message: unknown };
    }
    return { ok: true, target, notes: [] };
  } catch (error) {
    return preflightError(error, target);
  }
}

/** A 404 or 400 whose error is about the model (`model_not_found`, or a message naming it). */
function aboutTheModel(reply: RawExchange): boolean {
  if (reply.status !== 404 && reply.status !== 400) return false;
  const error = jsonObject(jsonObject(reply.json)?.error);
  return error?.code === 'model_not_found' || (typeof error?.message === 'string' && /model/i.test(error.message));
}

/** The one-line message for an unknown model, or `undefined` when the target lists it. */
async function modelProblem(target: ResolvedTarget, reply: RawExchange): Promise<string | undefined> {
  const list = await getOpenAi(target, '/v1/models');
  return unknownModelMessage(target.model, describeReply(reply), listedModelIds(list.json), list.status);
}
