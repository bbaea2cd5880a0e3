import OpenAI from 'openai';
import { type RawExchange, rawExchange } from '../harness/http.ts';
import { captureStream, type StreamCapture } from '../harness/stream-capture.ts';
import type { ResolvedTarget } from '../harness/target.ts';

/** The route every chat check talks to. */
export const CHAT_PATH = '/v1/chat/completions';

/**
 * The official `openai` SDK pointed at the target: its base URL ends in `/v1` (the SDK appends
 * `/chat/completions`), no retries (a retry would hide the first answer), the target's timeout and
 * its recording, bounded `fetch`. The key goes as `Authorization: Bearer`, the only scheme the
 * OpenAI API takes.
 *
 * @see https://github.com/openai/openai-node#usage
 */
export function openaiClient(target: ResolvedTarget, options: { readonly defaultHeaders?: Record<string, string | null> } = {}): OpenAI {
  return new OpenAI({
    apiKey: target.apiKey,
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

/** POST a JSON body (raw) to the chat route, or to `path`. */
export function postChat(target: ResolvedTarget, body: unknown, path = CHAT_PATH): Promise<RawExchange> {
  return rawExchange(target, { path, headers: openaiHeaders(target), body });
}

/** POST the chat route with `stream: true`, read as bytes, frames and events. */
export function streamChat(target: ResolvedTarget, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<StreamCapture> {
  return captureStream(target, { path: CHAT_PATH, headers: { ...openaiHeaders(target), ...headers }, body: { ...body, stream: true } });
}

/** GET a path (raw) as an OpenAI caller. */
export function getOpenAi(target: ResolvedTarget, path: string): Promise<RawExchange> {
  return rawExchange(target, { path, headers: openaiHeaders(target) });
}
