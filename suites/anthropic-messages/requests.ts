/**
 * Request bodies the Anthropic checks send. Each works against a real endpoint (the prompt makes a
 * real model do the thing under test) and against the mock (which echoes the last user message):
 * the stop-sequence prompt contains its own stop sequence, the max-tokens prompt is longer than
 * its budget, tool checks force the call with `tool_choice`.
 */
export const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  input_schema: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'City name, e.g. Paris' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['city'],
    additionalProperties: false,
  },
} as const;

export const TIME_TOOL = {
  name: 'get_time',
  description: 'Get the current local time in a time zone.',
  input_schema: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
} as const;

/** A 1×1 red PNG. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export const STOP_SEQUENCE = 'four';

/**
 * The plain request most checks read. Its words carry non-ASCII characters so that variations
 * which split writes cut a multi-byte UTF-8 character somewhere.
 */
export function basicBody(model: string) {
  return {
    model,
    max_tokens: 64,
    messages: [{ role: 'user', content: 'Reply with exactly these three words and nothing else: alpha bêta gämma' }],
  };
}

export function stopSequenceBody(model: string) {
  return {
    model,
    max_tokens: 64,
    stop_sequences: [STOP_SEQUENCE],
    messages: [{ role: 'user', content: 'Repeat exactly, in lower case, and nothing else: one two three four five six' }],
  };
}

/**
 * The budget of the max_tokens checks: small enough that a real model's answer to the prompt
 * (fifty words) is always cut. Never 0: `max_tokens: 0` is valid (the official spec's minimum is
 * 0; it pre-warms the prompt cache without generating), so the suite neither sends it as an
 * invalid request nor expects a 400 for it, and the mock accepts it.
 */
export const MAX_TOKENS_LIMIT = 5;

export function maxTokensBody(model: string) {
  return {
    model,
    max_tokens: MAX_TOKENS_LIMIT,
    messages: [{ role: 'user', content: 'Count from one to fifty in words, separated by spaces, with nothing else in your reply.' }],
  };
}

export function forcedToolBody(model: string) {
  return {
    model,
    max_tokens: 256,
    tools: [WEATHER_TOOL, TIME_TOOL],
    tool_choice: { type: 'tool', name: WEATHER_TOOL.name },
    messages: [{ role: 'user', content: 'What is the weather in Paris right now?' }],
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
    messages: [{ role: 'user', content: 'What is 17 times 3? Answer with the number only.' }],
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
      { role: 'user', content: 'What is the weather in Paris right now?' },
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
                  { type: 'text', text: '18 degrees Celsius and sunny.' },
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
      { type: 'text', text: 'You are a terse assistant.' },
      { type: 'text', text: 'Answer in at most five words.', cache_control: { type: 'ephemeral' } },
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
      { role: 'user', content: 'My favourite colour is green. Remember it.' },
      { role: 'assistant', content: 'Noted: green.' },
      { role: 'user', content: 'What is my favourite colour? One word.' },
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
          { type: 'text', text: 'What colour is this image? One word.' },
        ],
      },
    ],
  };
}

/** count_tokens bodies: the same messages alone, and with a system prompt and tools. */
export function countBody(model: string, withContext: boolean) {
  const messages = [{ role: 'user', content: 'What is the weather in Paris right now?' }];
  return withContext ? { model, system: 'You are a meteorologist. Answer with care and cite sources.', tools: [WEATHER_TOOL, TIME_TOOL], messages } : { model, messages };
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
export const CAPITAL_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string' }, country: { type: 'string' } },
  required: ['city', 'country'],
  additionalProperties: false,
} as const;

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
