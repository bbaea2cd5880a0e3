import type { ProtocolAdapter } from '../core/protocol-adapter.ts';
import { anthropicMessages } from './anthropic-messages/index.ts';
import { gemini } from './gemini/index.ts';
import { openaiResponses } from './openai-responses/index.ts';

/**
 * Every protocol the mock serves. The only registry: adding a protocol means adding its folder
 * and one line here.
 */
export const PROTOCOL_ADAPTERS: readonly ProtocolAdapter[] = [anthropicMessages, gemini, openaiResponses];

export { anthropicMessages, gemini, openaiResponses };
