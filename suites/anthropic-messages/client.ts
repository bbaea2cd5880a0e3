import Anthropic from '@anthropic-ai/sdk';
import { ANTHROPIC_VERSION } from '../../specs/anthropic-messages/index.ts';
import { type RawExchange, rawExchange } from '../harness/http.ts';
import { captureStream, type StreamCapture } from '../harness/stream-capture.ts';
import type { ResolvedTarget } from '../harness/target.ts';

/**
 * The auth schemes the Anthropic API takes: `x-api-key` (the docs, older SDKs, the AI SDK,
 * LangChain) and `Authorization: Bearer` (the SDK ≥ 1.0, Claude Code). The preflight sets
 * `target.authScheme` to the one the target accepts when it takes only one, so that only the
 * `auth/*` check about the other fails instead of every check.
 */
export type AuthStyle = 'x-api-key' | 'bearer' | 'none';

/**
 * The official SDK pointed at the target: no retries (a retry would hide the first answer), the
 * target's timeout and its recording, bounded `fetch`. The SDK ≥ 1.x sends the key as
 * `Authorization: Bearer`; when the preflight found only `x-api-key` accepted, it sends that.
 */
export function anthropicClient(target: ResolvedTarget, apiKey: string = target.apiKey): Anthropic {
  const common = { baseURL: target.baseUrl, maxRetries: 0, timeout: target.timeoutMs, fetch: target.fetch };
  if (target.authScheme === 'x-api-key') return new Anthropic({ ...common, apiKey: null, authToken: null, defaultHeaders: { 'x-api-key': apiKey } });
  return new Anthropic({ ...common, apiKey, authToken: null });
}

/**
 * Headers of a raw Anthropic request. Without `auth`, the scheme the target accepts (x-api-key
 * unless the preflight found only Bearer accepted).
 */
export function anthropicHeaders(target: ResolvedTarget, auth?: AuthStyle, version: string | null = ANTHROPIC_VERSION): Record<string, string> {
  const style = auth ?? (target.authScheme === 'bearer' ? 'bearer' : 'x-api-key');
  const headers: Record<string, string> = {};
  if (version !== null) headers['anthropic-version'] = version;
  if (style === 'x-api-key') headers['x-api-key'] = target.apiKey;
  if (style === 'bearer') headers.authorization = `Bearer ${target.apiKey}`;
  return headers;
}

/** POST /v1/messages (raw) with the scheme the target accepts. */
export function postMessages(target: ResolvedTarget, body: unknown, path = '/v1/messages'): Promise<RawExchange> {
  return rawExchange(target, { path, headers: anthropicHeaders(target), body });
}

/** POST /v1/messages with `stream: true`, read as bytes, frames and events. */
export function streamMessages(target: ResolvedTarget, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<StreamCapture> {
  return captureStream(target, { path: '/v1/messages', headers: { ...anthropicHeaders(target), ...headers }, body: { ...body, stream: true } });
}
