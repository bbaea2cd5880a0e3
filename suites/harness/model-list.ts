import { type RawExchange, jsonObject, rawExchange } from './http.ts';
import { describeReply } from './replies.ts';
import type { ResolvedTarget } from './target.ts';

/**
 * The preflight's one-line message for a model the target rejected, or `undefined` when the
 * target lists the model after all (then the checks judge). Reads `GET /v1/models` with the
 * protocol's `headers`: the Anthropic and OpenAI lists both hold `data: [{id}]`.
 */
export async function unknownModelMessage(target: ResolvedTarget, reply: RawExchange, headers: Readonly<Record<string, string>>): Promise<string | undefined> {
  const list = await rawExchange(target, { path: '/v1/models', headers });
  const data = jsonObject(list.json)?.data;
  const ids = Array.isArray(data) ? data.map((m) => jsonObject(m)?.id).filter((id): id is string => typeof id === 'string') : [];
  if (ids.includes(target.model)) return undefined;
  const answer = describeReply(reply);
  if (ids.length === 0) return `the target does not serve model ${target.model} (${answer}) and lists no models (GET /v1/models: HTTP ${list.status}); choose one with --model`;
  const shown = ids.slice(0, 20).join(', ') + (ids.length > 20 ? `, … (${ids.length} in all)` : '');
  return `the target does not serve model ${target.model} (${answer}); it lists: ${shown}. Choose one with --model`;
}
