/**
 * Helpers shared by the Chat Completions adapter's colocated tests. Not a test file and not part
 * of the public surface.
 */
import { expect } from 'vitest';
import { chatStreamEvent, OPENAI_CHAT_SCHEMA_IDS, type OpenAIChatSchemaName, openaiChatStreamGrammar } from '../../../specs/openai-chat/index.ts';
import { checkStreamGrammar, specRegistry, type GrammarEvent } from '../../../specs/index.ts';
import { parseSse, WEATHER_SCHEMA } from '../../test-support.ts';
import { type OpenAIHeaderOverrides, openaiRequest } from '../openai-common/test-helpers.ts';

export const CHAT_MODEL = 'gpt-4o-mini';

/** A function tool with a strict-shaped schema (city + unit, both required). */
export const WEATHER_TOOL = { type: 'function', function: { name: 'get_weather', description: 'Get the weather', parameters: WEATHER_SCHEMA } } as const;

/** A minimal valid Create Chat Completion body asking the mock to echo `text`. */
export function chatBody(text = 'Hello there, mock.', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: CHAT_MODEL, messages: [{ role: 'user', content: text }], ...extra };
}

/** A POST /v1/chat/completions with a Bearer key. */
export function chatRequest(body: unknown, headers: OpenAIHeaderOverrides = {}): Request {
  return openaiRequest('/v1/chat/completions', body, headers);
}

/** Validates a value against one OpenAI Chat schema; `[]` when valid. */
export function validateChat(schema: OpenAIChatSchemaName, value: unknown) {
  return specRegistry().validate(OPENAI_CHAT_SCHEMA_IDS[schema], value);
}

/** The frames of a chat stream as grammar events; asserts the framing (data lines only, no event lines). */
export function chatEvents(text: string): GrammarEvent[] {
  return parseSse(text).map((frame) => {
    expect(frame.event, 'chat frames have no event: line').toBeUndefined();
    return chatStreamEvent(frame.data);
  });
}

/** The JSON chunks of a chat stream (everything but `[DONE]`). */
export function chatChunks(text: string): Record<string, unknown>[] {
  return chatEvents(text)
    .filter((e) => e.type !== 'done')
    .map((e) => e.data as Record<string, unknown>);
}

/** Every schema or grammar violation of a chat SSE body, as messages; `[]` when conformant. */
export function chatStreamProblems(text: string): string[] {
  const events = chatEvents(text);
  return [
    ...events.flatMap((e, i) => validateChat('streamEvent', e.data).map((d) => `event ${i} (${e.type}): ${d.message}`)),
    ...checkStreamGrammar(openaiChatStreamGrammar, events).map((d) => d.message),
  ];
}

/** The content deltas of one choice of a chat stream, joined. */
export function joinContent(text: string, choice = 0): string {
  return chatChunks(text)
    .flatMap((c) => c.choices as { index: number; delta: { content?: string | null } }[])
    .filter((c) => c.index === choice)
    .map((c) => c.delta.content ?? '')
    .join('');
}
