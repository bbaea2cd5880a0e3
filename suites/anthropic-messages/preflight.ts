import { jsonObject, rawExchange } from '../harness/http.ts';
import { preflightError, type PreflightOutcome } from '../harness/preflight.ts';
import { aboutTheModel, type AuthProbe, chooseAuthScheme, keyAdvice, rejectsKey, unknownModelMessage } from '../harness/preflight-steps.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { anthropicHeaders } from './client.ts';

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
    const probe = async (scheme: 'x-api-key' | 'bearer', label: string): Promise<AuthProbe> => {
      const reply = await rawExchange(target, { path: '/v1/messages', headers: anthropicHeaders(target, scheme), body: probeBody(target.model) });
      return { scheme, label, reply, accepted: !rejectsKey(reply) };
    };
    const probes = [await probe('x-api-key', 'x-api-key'), await probe('bearer', 'Authorization: Bearer')];
    const choice = chooseAuthScheme(target, probes, keyAdvice(target, ['$ANTHROPIC_API_KEY']));
    if (!choice.ok) return { ok: false, problem: 'auth', message: choice.message };
    // Anthropic's errors have no code: only a message about the model counts.
    if (aboutTheModel(choice.reply, { message: jsonObject(jsonObject(choice.reply.json)?.error)?.message })) {
      const unknown = await unknownModelMessage(choice.target, choice.reply, { path: '/v1/models?limit=1000', headers: anthropicHeaders(choice.target) });
      if (unknown) return { ok: false, problem: 'model', message: unknown };
    }
    return { ok: true, target: choice.target, notes: choice.notes };
  } catch (error) {
    return preflightError(error, target);
  }
}
