import type { ProtocolId } from '../../specs/types.ts';

/**
 * The real clients whose readiness a report states. Each check names the clients that break when
 * it fails (`Check.clients`); a report ends with one line per client: ready, ready with
 * limitations (only `should` checks it names failed), or not ready (a `must` check it names failed).
 *
 * @see ../../../shared/research/conformance-anchors.md (breakage catalogue, where each link comes from)
 */
export const KNOWN_CLIENTS = {
  'openai-sdk': { name: 'OpenAI SDKs (openai-node, openai-python)', protocols: ['openai-chat', 'openai-responses'] },
  'anthropic-sdk': { name: 'Anthropic SDKs (@anthropic-ai/sdk, anthropic-python)', protocols: ['anthropic-messages'] },
  'google-genai': { name: 'Google Gen AI SDK (@google/genai)', protocols: ['gemini'] },
  'claude-code': { name: 'Claude Code', protocols: ['anthropic-messages'] },
  'codex-cli': { name: 'Codex CLI', protocols: ['openai-responses'] },
  'vercel-ai-sdk': { name: 'Vercel AI SDK', protocols: ['openai-chat', 'openai-responses', 'anthropic-messages', 'gemini'] },
  langchain: { name: 'LangChain', protocols: ['openai-chat', 'openai-responses', 'anthropic-messages', 'gemini'] },
} as const satisfies Record<string, { readonly name: string; readonly protocols: readonly ProtocolId[] }>;

/** A known client's id (`Check.clients`, readiness lines). */
export type ClientId = keyof typeof KNOWN_CLIENTS;

/** Every known client id, in report order. */
export const CLIENT_IDS = Object.keys(KNOWN_CLIENTS) as ClientId[];
