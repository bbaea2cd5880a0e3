import { BASIC_PROMPT, CITY_SCHEMA, CONVERSATION, IMAGE_PROMPT, LENGTH_PROMPT, REASONING_PROMPT, TERSE_INSTRUCTIONS, TIME_DESCRIPTION, TINY_PNG_BASE64, WEATHER_FUNCTION, WEATHER_PROMPT, WEATHER_RESULT_TEXT } from '../harness/prompts.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { profileOf } from './profile.ts';

/**
 * Request bodies the Responses checks send. Each works against a real endpoint (the prompt makes a
 * real model do the thing under test: forced tool choices, a budget smaller than the reply the
 * prompt asks for) and against the mock (which echoes the last user message). Reasoning models
 * are asked for low effort (see `profile.ts`), and every budget leaves room for that reasoning.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */

/** The output budget of requests whose reply must complete: room for low-effort reasoning and a short answer. */
export const OUTPUT_BUDGET = 512;

/** The smallest `max_output_tokens` the API takes (its minimum): the incomplete checks' budget. */
export const MAX_OUTPUT_TOKENS_LIMIT = 16;

/**
 * A function tool with a strict schema (strict mode wants every property required and no other
 * property), as Codex CLI declares its tools.
 */
export const WEATHER_TOOL = {
  type: 'function',
  name: WEATHER_FUNCTION.name,
  description: WEATHER_FUNCTION.description,
  parameters: { ...WEATHER_FUNCTION.parameters, required: ['city', 'unit'] },
  strict: true,
} as const;

export const TIME_TOOL = {
  type: 'function',
  name: 'get_time',
  description: TIME_DESCRIPTION,
  parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'], additionalProperties: false },
  strict: true,
} as const;

/** A 1×1 red PNG as a data URL. */
export const TINY_PNG_URL = `data:image/png;base64,${TINY_PNG_BASE64}`;

/** Low reasoning effort for a reasoning model; nothing for the others (they refuse the parameter). */
function effort(target: ResolvedTarget): { reasoning?: { effort: 'low' } } {
  return profileOf(target).reasons ? { reasoning: { effort: 'low' } } : {};
}

/**
 * The plain request most checks read. Its words carry non-ASCII characters so that variations
 * which split writes cut a multi-byte UTF-8 character somewhere.
 */
export function basicBody(target: ResolvedTarget) {
  return { model: target.model, input: BASIC_PROMPT, max_output_tokens: OUTPUT_BUDGET, ...effort(target) };
}

/** `instructions` plus a system message in the input (Open Responses' system-prompt case). */
export function instructionsBody(target: ResolvedTarget) {
  return {
    model: target.model,
    instructions: TERSE_INSTRUCTIONS[0],
    input: [
      { type: 'message', role: 'system', content: TERSE_INSTRUCTIONS[1] },
      { type: 'message', role: 'user', content: 'Say hello.' },
    ],
    max_output_tokens: OUTPUT_BUDGET,
    ...effort(target),
  };
}

/** A user / assistant / user conversation in `input` (Open Responses' multi-turn case). */
export function multiTurnBody(target: ResolvedTarget) {
  return {
    model: target.model,
    input: [
      { type: 'message', role: 'user', content: CONVERSATION[0] },
      { type: 'message', role: 'assistant', content: CONVERSATION[1] },
      { type: 'message', role: 'user', content: CONVERSATION[2] },
    ],
    max_output_tokens: OUTPUT_BUDGET,
    ...effort(target),
  };
}

/** An input_image part next to text (Open Responses' image-input case). */
export function imageBody(target: ResolvedTarget) {
  return {
    model: target.model,
    input: [
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_text', text: IMAGE_PROMPT },
          { type: 'input_image', image_url: TINY_PNG_URL },
        ],
      },
    ],
    max_output_tokens: OUTPUT_BUDGET,
    ...effort(target),
  };
}

/** A prompt whose answer (fifty words) never fits {@link MAX_OUTPUT_TOKENS_LIMIT} tokens. */
export function maxOutputTokensBody(target: ResolvedTarget) {
  return {
    model: target.model,
    input: LENGTH_PROMPT,
    max_output_tokens: MAX_OUTPUT_TOKENS_LIMIT,
    ...effort(target),
  };
}

/** The weather tool forced by name, next to a second tool. */
export function forcedToolBody(target: ResolvedTarget) {
  return {
    model: target.model,
    input: WEATHER_PROMPT,
    tools: [WEATHER_TOOL, TIME_TOOL],
    tool_choice: { type: 'function', name: WEATHER_TOOL.name },
    max_output_tokens: OUTPUT_BUDGET,
    ...effort(target),
  };
}

/** The forced tool request with another tool_choice. */
export function toolChoiceBody(target: ResolvedTarget, toolChoice: unknown) {
  return { ...forcedToolBody(target), tool_choice: toolChoice };
}

export const CALL_ID = 'call_llmconformance0001';

/**
 * A finished tool round trip sent in full, as stateless clients do (Codex CLI with `store: false`):
 * the question, the model's function call, and its output.
 */
export function toolOutputBody(target: ResolvedTarget) {
  return {
    model: target.model,
    tools: [WEATHER_TOOL],
    input: [
      { type: 'message', role: 'user', content: `${WEATHER_PROMPT} Answer in one short sentence.` },
      { type: 'function_call', call_id: CALL_ID, name: WEATHER_TOOL.name, arguments: '{"city":"Paris","unit":"celsius"}' },
      { type: 'function_call_output', call_id: CALL_ID, output: WEATHER_RESULT_TEXT },
    ],
    max_output_tokens: OUTPUT_BUDGET,
    ...effort(target),
  };
}

/** The schema of the structured-output request. */
export { CITY_SCHEMA };

/** Structured output through `text.format` json_schema (strict). */
export function structuredBody(target: ResolvedTarget) {
  return {
    model: target.model,
    input: 'Name one large city in France and its country.',
    text: { format: { type: 'json_schema', name: 'city_info', strict: true, schema: CITY_SCHEMA } },
    max_output_tokens: OUTPUT_BUDGET,
    ...effort(target),
  };
}

/** Reasoning asked for explicitly, with a summary: what the reasoning checks read. */
export function reasoningBody(target: ResolvedTarget) {
  return {
    model: target.model,
    input: REASONING_PROMPT,
    reasoning: { effort: 'low', summary: 'auto' },
    max_output_tokens: 1024,
  };
}

/**
 * What Codex CLI sends: nothing stored, the reasoning returned encrypted so that the next request
 * can carry it back in `input`.
 *
 * @see https://platform.openai.com/docs/guides/reasoning#encrypted-reasoning-items
 */
export function encryptedReasoningBody(target: ResolvedTarget, input: unknown = reasoningBody(target).input) {
  return { ...reasoningBody(target), input, store: false, include: ['reasoning.encrypted_content'] };
}

/** A follow-up that continues a stored response. */
export function followUpBody(target: ResolvedTarget, previousResponseId: string) {
  return { model: target.model, previous_response_id: previousResponseId, input: 'Now say the same three words in reverse order.', max_output_tokens: OUTPUT_BUDGET, ...effort(target) };
}
