import OpenAI from 'openai';
import type { ResolvedTarget } from '../harness/target.ts';

/**
 * The official `openai` SDK pointed at the target, for both OpenAI suites (Chat Completions and
 * Responses): its base URL ends in `/v1` (the SDK appends the route), no retries (a retry would
 * hide the first answer), the target's timeout and its recording, bounded `fetch`. The key goes as
 * `Authorization: Bearer`, the only scheme the OpenAI API takes; `defaultHeaders` may drop it
 * (`{ authorization: null }`).
 *
 * @see https://github.com/openai/openai-node#usage
 */
export function openaiClient(target: ResolvedTarget, options: { readonly apiKey?: string; readonly defaultHeaders?: Record<string, string | null> } = {}): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey ?? target.apiKey,
    baseURL: `${target.baseUrl}/v1`,
    maxRetries: 0,
    timeout: target.timeoutMs,
    fetch: target.fetch,
    ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
  });
}

/** Headers of a raw OpenAI request: the Bearer key, or none (`auth: false`). */
export function openaiHeaders(target: ResolvedTarget, auth = true): Record<string, string> {
  return auth ? { authorization: `Bearer ${target.apiKey}` } : {};
}
