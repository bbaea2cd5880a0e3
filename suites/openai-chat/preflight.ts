import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { bearerKeyAndModel } from '../openai-common/preflight.ts';
import { postChat } from './client.ts';

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
    return (await bearerKeyAndModel(target, await postChat(target, probeBody(target.model)))) ?? { ok: true, target, notes: [] };
  } catch (error) {
    return preflightError(error, target);
  }
}
