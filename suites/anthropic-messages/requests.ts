import { BASIC_PROMPT, CITY_SCHEMA, CONVERSATION, COUNT_SYSTEM_PROMPT, IMAGE_PROMPT, LENGTH_LIMIT, LENGTH_PROMPT, REASONING_PROMPT, STOP_PROMPT, STOP_SEQUENCE, TERSE_INSTRUCTIONS, TIME_DESCRIPTION, TINY_PNG_BASE64, WEATHER_FUNCTION, WEATHER_PROMPT, WEATHER_RESULT_TEXT } from '../harness/prompts.ts';

/**
 * Request bodies the Anthropic checks send. Each works against a real endpoint (the prompt makes a
 * real model do the thing under test) and against the mock (which echoes the last user message):
 * the stop-sequence prompt contains its own stop sequence, the max-tokens prompt is longer than
 * its budget, tool checks force the call with `tool_choice`.
 */
export const WEATHER_TOOL = { name: WEATHER_FUNCTION.name, description: WEATHER_FUNCTION.description, input_schema: WEATHER_FUNCTION.parameters } as const;

export const TIME_TOOL = {
  name: 'get_time',
  description: TIME_DESCRIPTION,
  input_schema: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
} as const;

export { STOP_SEQUENCE, TINY_PNG_BASE64 };

/**
 * The plain request most checks read. Its words carry non-ASCII characters so that variations
 * which split writes cut a multi-byte UTF-8 character somewhere.
 */
export function basicBody(model: string) {
  return {
    model,
    max_tokens: 64,
    messages: [{ role: 'user', content: BASIC_PROMPT }],
  };
}

export function stopSequenceBody(model: string) {
  return {
    model,
    max_tokens: 64,
    stop_sequences: [STOP_SEQUENCE],
    messages: [{ role: 'user', content: STOP_PROMPT }],
  };
}

/**
 * The budget of the max_tokens checks: small enough that a real model's answer to the prompt
 * (fifty words) is always cut. Never 0: `max_tokens: 0` is valid (the official spec's minimum is
 * 0; it pre-warms the prompt cache without generating), so the suite neither sends it as an
 * invalid request nor expects a 400 for it, and the mock accepts it.
 */
export const MAX_TOKENS_LIMIT = LENGTH_LIMIT;

export function maxTokensBody(model: string) {
  return {
    model,
    max_tokens: MAX_TOKENS_LIMIT,
    messages: [{ role: 'user', content: LENGTH_PROMPT }],
  };
}

export function forcedToolBody(model: string) {
  return {
    model,
    max_tokens: 256,
    tools: [WEATHER_TOOL, TIME_TOOL],
    tool_choice: { type: 'tool', name: WEATHER_TOOL.name },
    messages: [{ role: 'user', content: WEATHER_PROMPT }],
  };
}

export function anyToolBody(model: string) {
  return { ...forcedToolBody(model), tools: [WEATHER_TOOL], tool_choice: { type: 'any' } };
}

export function toolChoiceBody(model: string, toolChoice: Record<string, unknown>) {
  return { ...forcedToolBody(model), tool_choice: toolChoice };
}

export const THINKING_BUDGET = 1024;

export function thinkingBody(model: string) {
  return {
    model,
    max_tokens: 2048,
    thinking: { type: 'enabled', budget_tokens: THINKING_BUDGET },
    messages: [{ role: 'user', content: REASONING_PROMPT }],
  };
}

export const TOOL_USE_ID = 'toolu_01A09q90qw90lq917835lq9';

/** A finished tool round trip: the model asked for the weather, the caller answers. */
export function toolResultBody(model: string, isError: boolean) {
  return {
    model,
    max_tokens: 64,
    tools: [WEATHER_TOOL],
    messages: [
      { role: 'user', content: WEATHER_PROMPT },
      { role: 'assistant', content: [{ type: 'tool_use', id: TOOL_USE_ID, name: WEATHER_TOOL.name, input: { city: 'Paris' } }] },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: TOOL_USE_ID,
            is_error: isError,
            content: isError
              ? 'The weather service is unavailable.'
              : [
                  { type: 'text', text: WEATHER_RESULT_TEXT },
                  { type: 'image', source: { type: 'base64', media_type: 'image/png', data: TINY_PNG_BASE64 } },
                ],
          },
          { type: 'text', text: 'Summarise the weather in one short sentence.' },
        ],
      },
    ],
  };
}

export function systemBlocksBody(model: string) {
  return {
    model,
    max_tokens: 64,
    system: [
      { type: 'text', text: TERSE_INSTRUCTIONS[0] },
      { type: 'text', text: TERSE_INSTRUCTIONS[1], cache_control: { type: 'ephemeral' } },
    ],
    tools: [{ ...WEATHER_TOOL, cache_control: { type: 'ephemeral' } }],
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'Say hello.', cache_control: { type: 'ephemeral' } }] },
    ],
  };
}

export function multiTurnBody(model: string) {
  return {
    model,
    max_tokens: 64,
    messages: [
      { role: 'user', content: CONVERSATION[0] },
      { role: 'assistant', content: CONVERSATION[1] },
      { role: 'user', content: CONVERSATION[2] },
    ],
  };
}

export function imageBody(model: string) {
  return {
    model,
    max_tokens: 32,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: TINY_PNG_BASE64 } },
          { type: 'text', text: IMAGE_PROMPT },
        ],
      },
    ],
  };
}

/** count_tokens bodies: the same messages alone, and with a system prompt and tools. */
export function countBody(model: string, withContext: boolean) {
  const messages = [{ role: 'user', content: WEATHER_PROMPT }];
  return withContext ? { model, system: COUNT_SYSTEM_PROMPT, tools: [WEATHER_TOOL, TIME_TOOL], messages } : { model, messages };
}

/**
 * Anthropic's web search server tool, in the version every current model takes (the SDK also
 * lists `web_search_20260209`, for newer models only). One search at most: a real run pays for
 * one search per request.
 *
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/web-search-tool
 */
export const WEB_SEARCH_TOOL = { type: 'web_search_20250305', name: 'web_search', max_uses: 1 } as const;

/** A turn that must search the web (forced), then answer from the results in a sentence. */
export function webSearchBody(model: string) {
  return {
    model,
    max_tokens: 256,
    tools: [WEB_SEARCH_TOOL],
    tool_choice: { type: 'tool', name: WEB_SEARCH_TOOL.name },
    messages: [{ role: 'user', content: 'Search the web for the population of Paris, then answer in one short sentence.' }],
  };
}

/** The schema of the structured-output checks: two required strings, nothing else (as the API requires of objects). */
export const CAPITAL_SCHEMA = CITY_SCHEMA;

/**
 * Structured output: the reply text must be JSON valid against {@link CAPITAL_SCHEMA}. A real
 * model answers `{"city":"Paris","country":"France"}`, far within the budget.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/structured-outputs
 */
export function structuredBody(model: string) {
  return {
    model,
    max_tokens: 128,
    output_config: { format: { type: 'json_schema', schema: CAPITAL_SCHEMA } },
    messages: [{ role: 'user', content: 'What is the capital city of France? Give the city and its country.' }],
  };
}
