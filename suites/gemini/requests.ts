import { AFTER_STOP as WORDS_AFTER_STOP, BASIC_PROMPT, BEFORE_STOP, CITY_SCHEMA, CONVERSATION, COUNT_SYSTEM_PROMPT, LENGTH_LIMIT, LENGTH_PROMPT, STOP_PROMPT, STOP_SEQUENCE, TERSE_INSTRUCTIONS, UNKNOWN_MODEL, WEATHER_FUNCTION as NEUTRAL_WEATHER_FUNCTION, WEATHER_PROMPT as WEATHER_QUESTION } from '../harness/prompts.ts';

/**
 * Request bodies the Gemini checks send. Each works against a real model (the prompt makes it do
 * the thing under test: a forced function call, a reply longer than its budget, a reply that
 * contains its own stop sequence) and against the mock, which echoes the last user message.
 *
 * Gemini 2.5 and 3 models think by default and count their thoughts against `maxOutputTokens`, so
 * the plain requests keep a ceiling high enough for a short answer after the thinking (cost stays
 * bounded) and only the max-tokens requests set a small budget.
 *
 * @see https://ai.google.dev/api/generate-content#request-body
 */

type Json = Record<string, unknown>;

/** The output ceiling of plain requests: thoughts plus a short answer. */
export const OUTPUT_CEILING = 1024;

/** One user turn of text. */
export function userTurn(text: string) {
  return { role: 'user', parts: [{ text }] };
}

/**
 * The plain request most checks read. Its words carry non-ASCII characters so that variations
 * which split writes cut a multi-byte UTF-8 character somewhere.
 */
export function basicBody(): Json {
  return { contents: [userTurn(BASIC_PROMPT)], generationConfig: { maxOutputTokens: OUTPUT_CEILING } };
}

/** The basic prompt as the SDK takes it (`contents` and `config`). */
export function sdkBasic(model: string) {
  return { model, contents: BASIC_PROMPT, config: { maxOutputTokens: OUTPUT_CEILING } };
}

/** A system instruction and a user/model/user conversation. */
export function conversationBody(): Json {
  return {
    systemInstruction: { parts: [{ text: TERSE_INSTRUCTIONS.join(' ') }] },
    contents: [userTurn(CONVERSATION[0]), { role: 'model', parts: [{ text: CONVERSATION[1] }] }, userTurn(CONVERSATION[2])],
    generationConfig: { maxOutputTokens: OUTPUT_CEILING },
  };
}

/**
 * The budget of the max-tokens checks: a real model's answer to the prompt (fifty words) never
 * fits, and a thinking model spends it on thoughts alone. Never 0: the API rejects it.
 */
export const MAX_TOKENS_LIMIT = LENGTH_LIMIT;

export function maxTokensBody(): Json {
  return {
    contents: [userTurn(LENGTH_PROMPT)],
    generationConfig: { maxOutputTokens: MAX_TOKENS_LIMIT },
  };
}

/** The stop sequence, and the words of the prompt before and after it. */
export { BEFORE_STOP, STOP_SEQUENCE };
/** The first word after the stop sequence (a reply that has it was not stopped). */
export const AFTER_STOP = WORDS_AFTER_STOP[0];

export function stopSequenceBody(): Json {
  return {
    contents: [userTurn(STOP_PROMPT)],
    generationConfig: { maxOutputTokens: OUTPUT_CEILING, stopSequences: [STOP_SEQUENCE] },
  };
}

export const CANDIDATE_COUNT = 2;

export function candidateCountBody(): Json {
  return { ...basicBody(), generationConfig: { maxOutputTokens: OUTPUT_CEILING, candidateCount: CANDIDATE_COUNT } };
}

// ---- function calling ---------------------------------------------------------------------

/** Declared with `parametersJsonSchema` (a JSON Schema, as the SDK sends from zod). */
export const WEATHER_FUNCTION = {
  name: NEUTRAL_WEATHER_FUNCTION.name,
  description: NEUTRAL_WEATHER_FUNCTION.description,
  parametersJsonSchema: NEUTRAL_WEATHER_FUNCTION.parameters,
} as const;

/** Declared with `parameters` (the OpenAPI subset with upper-case types, the older and still common form). */
export const TIME_FUNCTION = {
  name: 'get_time',
  description: 'Get the current local time in an IANA time zone.',
  parameters: { type: 'OBJECT', properties: { zone: { type: 'STRING', description: 'IANA time zone, e.g. Asia/Tokyo' } }, required: ['zone'] },
} as const;

/** {@link TIME_FUNCTION}'s parameters as the JSON Schema the arguments must satisfy. */
export const TIME_ARGS_SCHEMA = { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] } as const;

export const TOOLS = [{ functionDeclarations: [WEATHER_FUNCTION, TIME_FUNCTION] }];

export { WEATHER_QUESTION };

/** `mode: ANY`: the model must call a declared function (the weather one, by the question). */
export function forcedCallBody(): Json {
  return { contents: [userTurn(WEATHER_QUESTION)], tools: TOOLS, toolConfig: { functionCallingConfig: { mode: 'ANY' } }, generationConfig: { maxOutputTokens: OUTPUT_CEILING } };
}

/** `mode: ANY` with `allowedFunctionNames`: only get_time may be called. */
export function allowedNamesBody(): Json {
  return {
    contents: [userTurn('What is the local time in Tokyo right now?')],
    tools: TOOLS,
    toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [TIME_FUNCTION.name] } },
    generationConfig: { maxOutputTokens: OUTPUT_CEILING },
  };
}

/** `mode: NONE`: no function may be called. */
export function noCallBody(): Json {
  return { ...forcedCallBody(), toolConfig: { functionCallingConfig: { mode: 'NONE' } } };
}

/** What the caller's weather function answered. */
export const WEATHER_RESULT = { temperature: 18, unit: 'celsius', conditions: 'sunny' };

/**
 * The next request of the function-calling loop: the question, the model's turn replayed verbatim
 * (its thought signature included) and one functionResponse per functionCall part.
 */
export function functionResponseBody(modelTurn: Json, calls: readonly Json[]): Json {
  const responses = calls.map((call) => ({ functionResponse: { ...(call.id !== undefined ? { id: call.id } : {}), name: call.name, response: WEATHER_RESULT } }));
  return { contents: [userTurn(WEATHER_QUESTION), modelTurn, { role: 'user', parts: responses }], tools: TOOLS, generationConfig: { maxOutputTokens: OUTPUT_CEILING } };
}

// ---- JSON mode ----------------------------------------------------------------------------

/** `responseJsonSchema`: a JSON Schema (what the SDK sends from zod). */
export const CITY_JSON_SCHEMA = CITY_SCHEMA;

export function jsonSchemaBody(): Json {
  return {
    contents: [userTurn('Name one European capital city and its country.')],
    generationConfig: { maxOutputTokens: OUTPUT_CEILING, responseMimeType: 'application/json', responseJsonSchema: CITY_JSON_SCHEMA },
  };
}

/** `responseSchema`: the OpenAPI subset, upper-case types. */
export const POPULATION_SCHEMA = { type: 'OBJECT', properties: { city: { type: 'STRING' }, population: { type: 'INTEGER' } }, required: ['city', 'population'] } as const;

/** {@link POPULATION_SCHEMA} as the JSON Schema the reply must satisfy. */
export const POPULATION_JSON_SCHEMA = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' } }, required: ['city', 'population'] } as const;

export function responseSchemaBody(): Json {
  return {
    contents: [userTurn('Name one large city and its approximate population.')],
    generationConfig: { maxOutputTokens: OUTPUT_CEILING, responseMimeType: 'application/json', responseSchema: POPULATION_SCHEMA },
  };
}

// ---- countTokens, embeddings, errors ------------------------------------------------------

/** :countTokens of the basic prompt's contents: what its promptTokenCount is. */
export function countBody(): Json {
  return { contents: basicBody().contents };
}

/** :countTokens of a whole request: the system instruction and tools count too. */
export function wholeCountBody(model: string): Json {
  return {
    generateContentRequest: {
      model: `models/${model}`,
      systemInstruction: { parts: [{ text: COUNT_SYSTEM_PROMPT }] },
      tools: TOOLS,
      contents: basicBody().contents,
    },
  };
}

/** The embedding model the embedding checks use (`--model` names the generation model). */
export const EMBEDDING_MODEL = 'gemini-embedding-001';
export const EMBED_DIMENSIONS = 8;
export const EMBED_TEXTS = ['The quick brown fox.', 'Jumps over the lazy dog.', 'Zwölf Boxkämpfer jagen Viktor.'] as const;

export function embedBody(text: string): Json {
  return { content: { parts: [{ text }] }, taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: EMBED_DIMENSIONS };
}

export function batchEmbedBody(): Json {
  return { requests: EMBED_TEXTS.map((text) => ({ model: `models/${EMBEDDING_MODEL}`, ...embedBody(text) })) };
}

/** A request the API rejects: a content without parts (400 INVALID_ARGUMENT). */
export function invalidBody(): Json {
  return { contents: [{ role: 'user', parts: [] }] };
}

export { UNKNOWN_MODEL };
