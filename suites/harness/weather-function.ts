/**
 * Function declarations every suite's tool checks use, protocol-neutral: the name, description
 * and JSON Schema of the arguments. Each protocol wraps them in its own shape (`input_schema`,
 * `parameters`, `parametersJsonSchema`). The weather question makes a real model call it.
 */
export const WEATHER_FUNCTION_SPEC = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'City name, e.g. Paris' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['city'],
    additionalProperties: false,
  },
} as const;

export const WEATHER_QUESTION = 'What is the weather in Paris right now?';
