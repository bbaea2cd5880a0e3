/**
 * Prompts, tool schemas and inputs every protocol suite sends. Each makes a real model do the
 * thing under test and the mock (which echoes the last user message) do it too: the basic prompt
 * asks for a fixed short reply (with non-ASCII characters, so split writes cut a UTF-8 character),
 * the stop prompt contains its own stop sequence, the length prompt asks for far more than its
 * budget, the weather question makes a real model call the weather function. Each protocol wraps
 * them in its own shape (`input_schema`, `parameters`, `parametersJsonSchema`, `contents`).
 * Sharing them keeps the protocols' verdicts comparable.
 */

/** A short, fixed reply a real model gives word for word. */
export const BASIC_PROMPT = 'Reply with exactly these three words and nothing else: alpha bêta gämma';

/** A reply that reaches {@link STOP_SEQUENCE}: the words before it end with {@link BEFORE_STOP}, {@link AFTER_STOP} only come after it. */
export const STOP_PROMPT = 'Repeat exactly, in lower case, and nothing else: one two three four five six';
export const STOP_SEQUENCE = 'four';
export const BEFORE_STOP = 'three';
export const AFTER_STOP = ['five', 'six'] as const;

/** A reply far longer than {@link LENGTH_LIMIT} output tokens, so a real model is always cut. */
export const LENGTH_PROMPT = 'Count from one to fifty in words, separated by spaces, with nothing else in your reply.';
export const LENGTH_LIMIT = 5;

/** Instructions (system, developer) that keep a real model's answers short, in two parts. */
export const TERSE_INSTRUCTIONS = ['You are a terse assistant.', 'Answer in at most five words.'] as const;

/** A user / assistant / user conversation whose last turn needs the first. */
export const CONVERSATION = ['My favourite colour is green. Remember it.', 'Noted: green.', 'What is my favourite colour? One word.'] as const;

/** The question that goes with {@link TINY_PNG_BASE64}. */
export const IMAGE_PROMPT = 'What colour is this image? One word.';

/** A question a reasoning model thinks about briefly. */
export const REASONING_PROMPT = 'What is 17 times 3? Answer with the number only.';

/** A system prompt for requests whose token count must include it. */
export const COUNT_SYSTEM_PROMPT = 'You are a meteorologist. Answer with care and cite sources.';

/** A question the weather tool answers. */
export const WEATHER_PROMPT = 'What is the weather in Paris right now?';

/** The weather tool's parameters: a required city, an optional unit, nothing else. */
export const WEATHER_SCHEMA = {
  type: 'object',
  properties: {
    city: { type: 'string', description: 'City name, e.g. Paris' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
  },
  required: ['city'],
  additionalProperties: false,
} as const;

/** The weather function, protocol-neutral: its name, description and {@link WEATHER_SCHEMA}. */
export const WEATHER_FUNCTION = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: WEATHER_SCHEMA,
} as const;

/** What the caller's weather function answered, as text. */
export const WEATHER_RESULT_TEXT = '18 degrees Celsius and sunny.';

/** The description of the second tool (get_time), next to the weather one. */
export const TIME_DESCRIPTION = 'Get the current local time in a time zone.';

/** The structured-output schema: two required strings, nothing else (as strict modes require of objects). */
export const CITY_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string' }, country: { type: 'string' } },
  required: ['city', 'country'],
  additionalProperties: false,
} as const;

/** A model no target serves (the unknown-model checks). */
export const UNKNOWN_MODEL = 'llm-conformance-no-such-model';

/** A 1×1 red PNG. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
