import Anthropic from '@anthropic-ai/sdk';
import type { ResolvedTarget } from '../harness/target.ts';

/** The API version the raw-wire checks send (the SDK sends its own, newer one). */
export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * The official SDK pointed at the target: no retries (a retry would hide the first answer) and
 * the target's timeout. SDK ≥ 1.x sends the key as `Authorization: Bearer`.
 */
export function anthropicClient(target: ResolvedTarget, apiKey: string = target.apiKey): Anthropic {
  return new Anthropic({ apiKey, authToken: null, baseURL: target.baseUrl, maxRetries: 0, timeout: target.timeoutMs, fetch: target.fetch });
}

export type AuthStyle = 'x-api-key' | 'bearer' | 'none';

/** Headers of a raw Anthropic request with the chosen auth style. */
export function anthropicHeaders(target: ResolvedTarget, auth: AuthStyle = 'x-api-key', version: string | null = ANTHROPIC_VERSION): Record<string, string> {
  const headers: Record<string, string> = {};
  if (version !== null) headers['anthropic-version'] = version;
  if (auth === 'x-api-key') headers['x-api-key'] = target.apiKey;
  if (auth === 'bearer') headers.authorization = `Bearer ${target.apiKey}`;
  return headers;
}
