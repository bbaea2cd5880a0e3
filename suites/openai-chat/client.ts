import { type RawExchange, rawExchange } from '../harness/http.ts';
import { captureStream, type StreamCapture } from '../harness/stream-capture.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { openaiHeaders } from '../openai-common/client.ts';

export { openaiClient, openaiHeaders } from '../openai-common/client.ts';

/** The route every chat check talks to. */
export const CHAT_PATH = '/v1/chat/completions';

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
