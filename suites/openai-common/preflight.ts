import type { RawExchange } from '../harness/http.ts';
import type { PreflightOutcome } from '../harness/preflight.ts';
import { aboutTheModel, chooseAuthScheme, keyAdvice, rejectsKey, unknownModelMessage } from '../harness/preflight-steps.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { openaiHeaders } from './client.ts';
import { openaiErrorOf } from './envelope.ts';

/**
 * What the OpenAI suites' preflight learns from its probe (the cheapest request of the route,
 * sent with the Bearer key, the only scheme the OpenAI API takes): rejected (401/403) → the key is
 * wrong (exit 2, one message); a 404 or 400 about the model (`model_not_found`, or a message naming
 * it) → the target may not serve it: the message names the models `GET /v1/models` lists (exit 2),
 * unless the model is among them. `undefined` when the run may go on.
 *
 * @see https://platform.openai.com/docs/api-reference/authentication
 */
export async function bearerKeyAndModel(target: ResolvedTarget, probe: RawExchange): Promise<PreflightOutcome | undefined> {
  const choice = chooseAuthScheme(target, [{ scheme: 'bearer', label: 'Authorization: Bearer', reply: probe, accepted: !rejectsKey(probe) }], keyAdvice(target));
  if (!choice.ok) return { ok: false, problem: 'auth', message: choice.message };
  if (aboutTheModel(probe, openaiErrorOf(probe))) {
    const unknown = await unknownModelMessage(target, probe, { path: '/v1/models', headers: openaiHeaders(target) });
    if (unknown) return { ok: false, problem: 'model', message: unknown };
  }
  return undefined;
}
