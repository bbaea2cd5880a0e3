import type { HintRule } from '../harness/hints.ts';
import { jsonObject } from '../harness/http.ts';
import { foreignEnvelopeHint } from '../harness/error-envelopes.ts';

/** Whether a stream body (the evidence's response body) carries Chat Completions chunks. */
function hasChatChunks(body: string | undefined): boolean {
  return body !== undefined && /"object"\s*:\s*"chat\.completion\.chunk"/.test(body);
}

/** The usual mix-ups behind a Responses failure, said in the reader's terms. */
export const responsesHints: readonly HintRule[] = [
  foreignEnvelopeHint('openai', 'an OpenAI route', 'OpenAI clients expect {error:{message, type, param, code}}'),
  ({ json, exchange }) =>
    jsonObject(json)?.object === 'chat.completion' || hasChatChunks(exchange?.responseBody)
      ? 'this is a Chat Completions reply (object "chat.completion" / "chat.completion.chunk") on the Responses route: /v1/responses answers {object:"response", output:[…]} and streams typed events (response.created, response.output_text.delta, …, response.completed)'
      : undefined,
  ({ message }) =>
    /no event: line/.test(message)
      ? 'the Responses API names every event in an `event:` line equal to its data.type; a server that writes only `data:` lines (the Chat Completions style) loses clients that dispatch on the SSE event name'
      : undefined,
  ({ message }) =>
    message.includes('[DONE]') ? 'data: [DONE] ends Chat Completions streams; a Responses stream ends with response.completed (or .incomplete / .failed) and nothing after it' : undefined,
  ({ checkId, message }) =>
    checkId.endsWith('/events/sequence-numbers') || /sequence_number: Field required/.test(message)
      ? 'strict clients (Codex CLI, Grok CLI, which decode events with serde) fail on a missing or out-of-order sequence_number; a gateway that synthesises, drops or re-orders events must renumber them from 0'
      : undefined,
  ({ message }) =>
    /does not wrap the Response|is not a Response/.test(message)
      ? 'lifecycle events carry the Response under `response` ({type, sequence_number, response:{id, object:"response", status, output, …}}); emitting the bare Response as the event data breaks openai-node and the AI SDK'
      : undefined,
  ({ message }) =>
    /an Anthropic Messages event/.test(message) ? 'Anthropic Messages events (message_start, content_block_delta…) on a Responses stream: the gateway streams the upstream protocol instead of translating it' : undefined,
  ({ message }) =>
    /Field required/.test(message)
      ? 'a field the protocol requires is missing: gateways that re-serialise replies and events through their own types drop the fields they do not model (OmniRoute#13964: status, output, sequence_number)'
      : undefined,
];
