import { AFTER_STOP, BASIC_PROMPT, BEFORE_STOP, CONVERSATION, IMAGE_PROMPT, LENGTH_LIMIT, LENGTH_PROMPT, STOP_PROMPT, STOP_SEQUENCE, TERSE_INSTRUCTIONS, TIME_DESCRIPTION, TINY_PNG_BASE64, WEATHER_FUNCTION, WEATHER_PROMPT, WEATHER_RESULT_TEXT } from '../harness/prompts.ts';

/**
 * Request bodies the Chat Completions checks send. Each works against a real model (the prompt
 * makes it do the thing under test, budgets stay small) and against the mock (which echoes the last
 * user message): the stop-sequence prompt contains its own stop sequence, the length prompt asks
 * for more than its budget, tool checks force the call with `tool_choice`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

export { AFTER_STOP, BEFORE_STOP, LENGTH_LIMIT, STOP_SEQUENCE };

/** The weather tool's parameters (shared by every protocol's suite). */
export const WEATHER_PARAMETERS = WEATHER_FUNCTION.parameters;

export const TIME_PARAMETERS = {
  type: 'object',
  properties: { zone: { type: 'string', description: 'IANA time zone, e.g. Europe/Paris' } },
  required: ['zone'],
  additionalProperties: false,
} as const;

export const WEATHER_TOOL = {
  type: 'function',
  function: WEATHER_FUNCTION,
} as const;

export const TIME_TOOL = {
  type: 'function',
  function: { name: 'get_time', description: TIME_DESCRIPTION, parameters: TIME_PARAMETERS },
} as const;

/** The `parameters` of each tool the suite declares, by name. */
export const TOOL_PARAMETERS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  [WEATHER_TOOL.function.name]: WEATHER_PARAMETERS,
  [TIME_TOOL.function.name]: TIME_PARAMETERS,
};

/** The plain request most checks read. */
export function basicBody(model: string) {
  return { model, max_tokens: 64, messages: [{ role: 'user', content: BASIC_PROMPT }] };
}

/** The basic request, asking for the usage chunk. */
export function usageStreamBody(model: string) {
  return { ...basicBody(model), stream_options: { include_usage: true } };
}

/** Every message role but tool: developer and system instructions, then a user/assistant/user exchange. */
export function messageRolesBody(model: string) {
  return {
    model,
    max_tokens: 16,
    messages: [
      { role: 'developer', content: TERSE_INSTRUCTIONS[0] },
      { role: 'system', content: TERSE_INSTRUCTIONS[1] },
      { role: 'user', content: CONVERSATION[0] },
      { role: 'assistant', content: CONVERSATION[1] },
      { role: 'user', content: CONVERSATION[2] },
    ],
  };
}

export const TOOL_CALL_ID = 'call_Wq1Bk5u3hT7mY2nC8xP0dL4e';

/** A finished tool round trip: the model asked for the weather, the caller answers with a `tool` message. */
export function toolResultBody(model: string) {
  return {
    model,
    max_tokens: 32,
    tools: [WEATHER_TOOL],
    messages: [
      { role: 'user', content: WEATHER_PROMPT },
      { role: 'assistant', content: null, tool_calls: [{ id: TOOL_CALL_ID, type: 'function', function: { name: WEATHER_TOOL.function.name, arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: TOOL_CALL_ID, content: WEATHER_RESULT_TEXT },
    ],
  };
}

/** A text part and an `image_url` part with a data URL. */
export function imageBody(model: string) {
  return {
    model,
    max_tokens: 16,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: IMAGE_PROMPT },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${TINY_PNG_BASE64}` } },
        ],
      },
    ],
  };
}

/** `tool_choice: "required"` with the weather tool: a call must come, and finish with `tool_calls`. */
export function requiredToolBody(model: string) {
  return { model, max_tokens: 128, tools: [WEATHER_TOOL], tool_choice: 'required', messages: [{ role: 'user', content: WEATHER_PROMPT }] };
}

/** A named `tool_choice` forcing get_time out of two tools. */
export function namedToolBody(model: string) {
  return {
    model,
    max_tokens: 128,
    tools: [WEATHER_TOOL, TIME_TOOL],
    tool_choice: { type: 'function', function: { name: TIME_TOOL.function.name } },
    messages: [{ role: 'user', content: 'What time is it in Paris right now?' }],
  };
}

/**
 * Both tools required at once: `allowed_tools` in mode `required` with parallel calls allowed,
 * and a prompt that needs both (a real model then calls both in one turn).
 */
export function parallelToolBody(model: string) {
  const allowed = [WEATHER_TOOL, TIME_TOOL].map((t) => ({ type: 'function', function: { name: t.function.name } }));
  return {
    model,
    max_tokens: 256,
    tools: [WEATHER_TOOL, TIME_TOOL],
    tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: allowed } },
    parallel_tool_calls: true,
    messages: [{ role: 'user', content: 'Call both tools at once: get_weather for Paris and get_time for the zone Europe/Paris.' }],
  };
}

/** Tools declared, but `tool_choice: "none"`. */
export function toolChoiceNoneBody(model: string) {
  return { model, max_tokens: 32, tools: [WEATHER_TOOL], tool_choice: 'none', messages: [{ role: 'user', content: 'Say hello in one short sentence.' }] };
}

export const FORECAST_SCHEMA = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    temperature_celsius: { type: 'number' },
    conditions: { type: 'string', enum: ['sunny', 'cloudy', 'rainy', 'snowy'] },
  },
  required: ['city', 'temperature_celsius', 'conditions'],
  additionalProperties: false,
} as const;

/** Structured Outputs: a strict `json_schema` response format. */
export function jsonSchemaBody(model: string) {
  return {
    model,
    max_tokens: 128,
    response_format: { type: 'json_schema', json_schema: { name: 'forecast', strict: true, schema: FORECAST_SCHEMA } },
    messages: [{ role: 'user', content: 'Invent a weather forecast for Paris: the city, a temperature in Celsius and the conditions.' }],
  };
}

export function stopSequenceBody(model: string) {
  return { model, max_tokens: 64, stop: [STOP_SEQUENCE], messages: [{ role: 'user', content: STOP_PROMPT }] };
}

/** The length prompt with its budget under `max_tokens` or under `max_completion_tokens` (the newer name). */
export function lengthBody(model: string, field: 'max_tokens' | 'max_completion_tokens' = 'max_tokens') {
  return { model, [field]: LENGTH_LIMIT, messages: [{ role: 'user', content: LENGTH_PROMPT }] };
}

export const N_CHOICES = 2;

export function nBody(model: string) {
  return { ...basicBody(model), n: N_CHOICES };
}

export const TOP_LOGPROBS = 2;

export function logprobsBody(model: string) {
  return { ...basicBody(model), logprobs: true, top_logprobs: TOP_LOGPROBS };
}

/** The embedding model the embeddings checks use (OpenAI's cheapest current one). */
export const EMBEDDING_MODEL = 'text-embedding-3-small';
export const EMBEDDING_INPUTS = ['alpha bêta gämma', 'one two three'] as const;
export const EMBEDDING_DIMENSIONS = 256;

export function embeddingBody(extra: Record<string, unknown> = {}) {
  return { model: EMBEDDING_MODEL, input: [...EMBEDDING_INPUTS], ...extra };
}
