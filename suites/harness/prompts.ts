/**
 * Prompts, tool schemas and inputs every protocol suite can send. Each makes a real model do the
 * thing under test and the mock (which echoes the last user message) do it too: the basic prompt
 * asks for a fixed short reply (with non-ASCII characters, so split writes cut a UTF-8 character),
 * the stop prompt contains its own stop sequence, the length prompt asks for far more than its
 * budget. Sharing them keeps the protocols' verdicts comparable.
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

/** A 1×1 red PNG. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
