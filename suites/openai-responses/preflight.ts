import { type RawExchange, jsonObject, rawExchange } from '../harness/http.ts';
import { unknownModelMessage } from '../harness/model-list.ts';
import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import { describeReply } from '../harness/replies.ts';
import { PLACEHOLDER_API_KEY, type ResolvedTarget } from '../harness/target.ts';
import { RESPONSES_PATH, responsesHeaders } from './client.ts';
import { errorOf } from './envelope.ts';
import { rememberProfile } from './profile.ts';
import { MAX_OUTPUT_TOKENS_LIMIT } from './requests.ts';

const AUTH_REJECTED = new Set([401, 403]);

/** The smallest real request: the API's minimum output budget, so a run against a paid API costs next to nothing. */
function probeBody(model: string) {
  return { model, input: 'Hi', max_output_tokens: MAX_OUTPUT_TOKENS_LIMIT };
}

/**
 * Before the checks: one tiny request with the Bearer key (the only scheme the OpenAI API takes).
 * Rejected → the key is wrong (exit 2, one message). An error about the model → the target does
 * not serve it: the message names the models `GET /v1/models` lists (exit 2). Otherwise the
 * Response tells whether the model reasons (`reasoning.effort` is echoed non-null), which the
 * request bodies use.
 *
 * @see https://platform.openai.com/docs/api-reference/authentication
 */
export async function responsesPreflight(target: ResolvedTarget): Promise<PreflightOutcome> {
  try {
    const probe = await rawExchange(target, { path: RESPONSES_PATH, headers: responsesHeaders(target), body: probeBody(target.model) });
    if (AUTH_REJECTED.has(probe.status)) {
      const given = target.apiKey === PLACEHOLDER_API_KEY ? 'no API key was given (pass --api-key, or set $LLM_CONFORMANCE_API_KEY)' : 'check --api-key';
      return { ok: false, problem: 'auth', message: `the target rejected the API key sent as Authorization: Bearer (${describeReply(probe)}); ${given}` };
    }
    if (aboutTheModel(probe)) {
      const unknown = await unknownModelMessage(target, probe, responsesHeaders(target));
      if (unknown) return { ok: false, problem: 'model', message: unknown };
    }
    const effort = jsonObject(jsonObject(probe.json)?.reasoning)?.effort;
    const reasons = probe.status === 200 && typeof effort === 'string' && effort !== 'none';
    rememberProfile(target, { reasons });
    return { ok: true, target, notes: reasons ? [`${target.model} reasons (effort ${effort} by default): requests ask for low effort`] : [] };
  } catch (error) {
    return preflightError(error, target);
  }
}

/** A 404 or 400 whose error is about the model (not a missing route): the model may be unknown to the target. */
function aboutTheModel(reply: RawExchange): boolean {
  if (reply.status !== 404 && reply.status !== 400) return false;
  const error = errorOf(reply);
  return error?.code === 'model_not_found' || /model/i.test(String(error?.message ?? ''));
}
