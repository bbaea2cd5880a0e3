import { parseRawFrames } from '../../wire/sse-parse.ts';
import { ERROR_ENVELOPE_SHAPES, foreignEnvelopeHint } from '../harness/error-envelopes.ts';
import type { HintInput, HintRule } from '../harness/hints.ts';
import { jsonObject } from '../harness/http.ts';

const FOREIGN_FINISH_REASONS = new Set(['stop', 'length', 'tool_calls', 'content_filter', 'function_call', 'end_turn', 'max_tokens']);

function urlOf(input: HintInput): URL | undefined {
  try {
    return input.exchange ? new URL(input.exchange.url) : undefined;
  } catch {
    return undefined;
  }
}

const isSse = (input: HintInput) => urlOf(input)?.searchParams.get('alt') === 'sse';
const isStreamRoute = (input: HintInput) => urlOf(input)?.pathname.endsWith(':streamGenerateContent') === true;
const body = (input: HintInput) => input.exchange?.responseBody.trimStart() ?? '';

/** Whether every event of an SSE body is one `data:` line: the only frame @google/genai reads. */
function sdkReadable(text: string): boolean {
  return parseRawFrames(text).frames.every((frame) => frame.data === undefined || (frame.lines.length === 1 && frame.lines[0]!.startsWith('data:')));
}

/** The usual mix-ups behind a Gemini failure, said in the reader's terms. */
export const geminiHints: readonly HintRule[] = [
  foreignEnvelopeHint('google', 'a Gemini route', `Gemini clients expect ${ERROR_ENVELOPE_SHAPES.google}`),
  ({ json }) => {
    const reply = jsonObject(json);
    return reply?.object === 'chat.completion' || Array.isArray(reply?.choices)
      ? 'this is an OpenAI Chat Completions body ({choices:[{message}]}) on a Gemini route; Gemini clients expect {candidates:[{content:{parts:[{text}]}, finishReason}], usageMetadata} (the OpenAI-compatible endpoint /v1beta/openai/chat/completions is a different API)'
      : undefined;
  },
  ({ json }) => {
    const list = jsonObject(json);
    return list?.object === 'list' && Array.isArray(list.data)
      ? 'this is an OpenAI-shaped model list ({object:"list", data:[…]}); a caller sending x-goog-api-key (or ?key=) expects {models:[{name:"models/…", supportedGenerationMethods}], nextPageToken}'
      : undefined;
  },
  (input) =>
    input.message.includes('[DONE]') || /^data: ?\[DONE\]/m.test(body(input))
      ? 'data: [DONE] ends OpenAI Chat streams; a Gemini stream ends with the chunk that carries finishReason, and @google/genai fails to parse [DONE] as a chunk'
      : undefined,
  (input) =>
    isSse(input) && body(input).startsWith('[')
      ? 'the target answered a JSON array to alt=sse: it dropped or ignored the alt=sse parameter, and SSE readers (@google/genai, the AI SDK) get no events from it'
      : undefined,
  (input) =>
    isStreamRoute(input) && !isSse(input) && body(input).startsWith('data:')
      ? 'without alt=sse the API streams one JSON array ([{…}\\n,\\r\\n{…}]); clients that omit alt=sse (gateways, older SDKs) parse an array, not SSE'
      : undefined,
  ({ message }) =>
    /Count|totalTokens/.test(message) && /(received|is) "\d+"/.test(message)
      ? 'a token count is a JSON string: proto3 JSON writes int64 as strings, but usageMetadata counts and totalTokens are int32, written as numbers'
      : undefined,
  ({ message }) => {
    const reason = /finishReason[^"]*?(?:is|received) "([a-z_]+)"/i.exec(message)?.[1];
    return reason && FOREIGN_FINISH_REASONS.has(reason) ? `"${reason}" is another protocol's stop reason; Gemini's finishReason values are upper case: STOP, MAX_TOKENS, SAFETY, RECITATION, …` : undefined;
  },
  ({ json }) => {
    const reply = jsonObject(json);
    return reply && ('usage_metadata' in reply || 'prompt_feedback' in reply || 'model_version' in reply)
      ? 'snake_case field names in the reply: the API writes proto3 JSON in lowerCamelCase (usageMetadata, finishReason) and clients read only that spelling'
      : undefined;
  },
  ({ checkId, exchange }) =>
    checkId === 'gemini/stream/sdk-stream' && exchange !== undefined && !sdkReadable(exchange.responseBody)
      ? '@google/genai reads only SSE frames whose first line is data: and whose data fits on one line: it silently drops frames that start with a comment, id: or event: line, and fails on multi-line data'
      : undefined,
];
