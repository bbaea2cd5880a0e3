import type { ProtocolAdapter } from '../core/protocol-adapter.ts';
import { anthropicMessages } from './anthropic-messages/index.ts';
import { gemini } from './gemini/index.ts';
import { openaiResponses } from './openai-responses/index.ts';
import { openaiChat } from './openai-chat/index.ts';

/**
 * Every protocol the mock serves. The only registry: adding a protocol means adding its folder
 * and one line here.
 */
// Order matters: a shared or unknown route goes to the first adapter that claims it, so the
// narrowest claims come first and OpenAI Chat (which claims any Bearer caller) comes last.
export const PROTOCOL_ADAPTERS: readonly ProtocolAdapter[] = [anthropicMessages, openaiResponses, gemini, openaiChat];

export { anthropicMessages, gemini, openaiChat, openaiResponses };
