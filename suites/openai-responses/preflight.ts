import { jsonObject, rawExchange } from '../harness/http.ts';
import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { bearerKeyAndModel } from '../openai-common/preflight.ts';
import { RESPONSES_PATH, openaiHeaders } from './client.ts';
import { rememberProfile } from './profile.ts';
import { MAX_OUTPUT_TOKENS_LIMIT } from './requests.ts';

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
    const probe = await rawExchange(target, { path: RESPONSES_PATH, headers: openaiHeaders(target), body: probeBody(target.model) });
    const problem = await bearerKeyAndModel(target, probe);
    if (problem) return problem;
    const effort = jsonObject(jsonObject(probe.json)?.reasoning)?.effort;
    const reasons = probe.status === 200 && typeof effort === 'string' && effort !== 'none';
    rememberProfile(target, { reasons });
    return { ok: true, target, notes: reasons ? [`${target.model} reasons (effort ${effort} by default): requests ask for low effort`] : [] };
  } catch (error) {
    return preflightError(error, target);
  }
}
