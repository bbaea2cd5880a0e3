import { jsonObject } from '../harness/http.ts';
import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import { aboutTheModel, chooseAuthScheme, keyAdvice, rejectsKey, unknownModelMessage } from '../harness/preflight-steps.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { openaiHeaders, postChat } from './client.ts';

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
    const choice = chooseAuthScheme(target, [{ scheme: 'bearer', label: 'Authorization: Bearer', reply, accepted: !rejectsKey(reply) }], keyAdvice(target));
    if (!choice.ok) return { ok: false, problem: 'auth', message: choice.message };
    if (aboutTheModel(reply, jsonObject(jsonObject(reply.json)?.error))) {
      const unknown = await unknownModelMessage(target, reply, { path: '/v1/models', headers: openaiHeaders(target) });
      if (unknown) return { ok: false, problem: 'model', message: unknown };
    }
    return { ok: true, target, notes: [] };
  } catch (error) {
    return preflightError(error, target);
  }
}
