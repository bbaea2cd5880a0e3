import OpenAI from 'openai';
import { type RawExchange, rawExchange } from '../harness/http.ts';
import { captureStream, type StreamCapture } from '../harness/stream-capture.ts';
import type { SdkErrorClass } from '../harness/sdk-error.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { openaiClient, openaiHeaders } from '../openai-common/client.ts';

export { openaiClient, openaiHeaders };

/** The Create Response route, under the target's root. */
export const RESPONSES_PATH = '/v1/responses';

/**
 * The SDK sending no credentials at all: a key is needed to build the client, and the explicit
 * `authorization: null` default header makes the SDK leave the header out.
 */
export function unauthenticatedClient(target: ResolvedTarget): OpenAI {
  return openaiClient(target, { apiKey: 'unused', defaultHeaders: { authorization: null } });
}

/** POST (raw) to a Responses route with the Bearer key. */
export function postResponses(target: ResolvedTarget, body: unknown, path = RESPONSES_PATH): Promise<RawExchange> {
  return rawExchange(target, { path, headers: openaiHeaders(target), body });
}

/** GET (raw) a stored response by id. */
export function getStored(target: ResolvedTarget, id: string): Promise<RawExchange> {
  return rawExchange(target, { path: `${RESPONSES_PATH}/${encodeURIComponent(id)}`, headers: openaiHeaders(target) });
}

/** POST /v1/responses/{id}/cancel (raw, no body). */
export function cancelStored(target: ResolvedTarget, id: string): Promise<RawExchange> {
  return rawExchange(target, { method: 'POST', path: `${RESPONSES_PATH}/${encodeURIComponent(id)}/cancel`, headers: openaiHeaders(target) });
}

/** POST /v1/responses with `stream: true`, read as bytes, frames and events. */
export function streamResponses(target: ResolvedTarget, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<StreamCapture> {
  return captureStream(target, { path: RESPONSES_PATH, headers: { ...openaiHeaders(target), ...headers }, body: { ...body, stream: true } });
}

/** The SDK's error class for a not-found answer with `status` (404: NotFoundError, 400: BadRequestError). */
export function notFoundErrorClass(status: 400 | 404): SdkErrorClass {
  return status === 404 ? OpenAI.NotFoundError : OpenAI.BadRequestError;
}
