import { defineMutant, isStream, type Mutant, withoutHeaders } from '../harness/mutant.ts';
import { streamServedAs } from '../harness/sse-mutations.ts';
import { candidatesIn, mapChunks } from './chunks.ts';
import { featureMutants } from './mutants-features.ts';
import { configOf, editResponses, googleErrorReply, isSdk, type Json, methodOf, versionOf, wantsSse, withoutConfig } from './mutant-kit.ts';

const id = (name: string) => `gemini/${name}`;

const isBasicPrompt = (body: string) => body.includes('alpha b');

/**
 * Broken variants of the reference mock for the wire checks (replies, auth, streams, usage, how
 * replies end), each imitating a deviation seen in gateways and vendors. The mutant guard holds
 * them to failing exactly the checks they name.
 */
const wireMutants: Mutant[] = [
  // ---- replies ------------------------------------------------------------------------------
  defineMutant({
    id: 'v1-not-served',
    description: 'Only /v1beta is routed: /v1 (the default of @google/genai 3) answers 404 "Method not found".',
    breaks: [id('basic/sdk-generate'), id('models/v1-gemini-shape')],
    request: (r) => (versionOf(r) === 'v1' ? googleErrorReply(404, 'NOT_FOUND', 'Method not found.') : r),
  }),
  defineMutant({
    id: 'v1beta-header-allowlist',
    description: "The /v1beta route allows only the headers it knows and rejects the SDK's x-goog-api-client with a 400.",
    breaks: [id('basic/sdk-v1beta')],
    request: (r) => (versionOf(r) === 'v1beta' && isSdk(r) ? googleErrorReply(400, 'INVALID_ARGUMENT', 'Request header field x-goog-api-client is not allowed.') : r),
  }),
  defineMutant({
    id: 'answer-text-dropped',
    description: 'The text parts of the plain reply are dropped while usage still counts them (a gateway that keeps only the parts it models).',
    breaks: [id('basic/response-schema')],
    reply: (reply, r) => (!isSdk(r) && methodOf(r) === 'generateContent' && isBasicPrompt(r.bodyText) && !configOf(r)?.candidateCount ? editResponses(reply, (res) => candidatesIn(res).forEach((c) => ((c.content as Json).parts = []))) : reply),
  }),
  defineMutant({
    id: 'counts-as-strings',
    description: 'Token counts are written as JSON strings ("28"), as proto3 JSON does for int64 (they are int32).',
    breaks: [id('basic/response-schema'), id('usage/non-stream'), id('usage/stream-matches-non-stream')],
    reply: (reply, r) =>
      methodOf(r) === 'generateContent'
        ? editResponses(reply, (res) => {
            const usage = res.usageMetadata as Json;
            for (const [key, value] of Object.entries(usage)) if (typeof value === 'number') usage[key] = String(value);
          })
        : reply,
  }),
  defineMutant({
    id: 'json-as-text-plain',
    description: 'generateContent replies are served as text/plain.',
    breaks: [id('basic/json-content-type')],
    reply: (reply, r) => (methodOf(r) === 'generateContent' && reply.status === 200 ? { ...reply, headers: { ...reply.headers, 'content-type': 'text/plain; charset=utf-8' } } : reply),
  }),
  defineMutant({
    id: 'no-response-identity',
    description: 'Replies carry neither modelVersion nor responseId.',
    breaks: [id('basic/response-identity')],
    reply: (reply) =>
      editResponses(reply, (res) => {
        delete res.modelVersion;
        delete res.responseId;
      }),
  }),
  defineMutant({
    id: 'system-instruction-rejected',
    description: 'systemInstruction is an unknown field to the target (as to the early v1 API).',
    breaks: [id('basic/conversation')],
    request: (r) => (methodOf(r) === 'generateContent' && r.json?.systemInstruction !== undefined ? googleErrorReply(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unknown name "systemInstruction": Cannot find field.') : r),
  }),
  // ---- auth ---------------------------------------------------------------------------------
  defineMutant({
    id: 'header-key-ignored',
    description: 'Only ?key= authenticates; x-goog-api-key is ignored (QuantumNous/new-api#1147).',
    breaks: [id('auth/header-key')],
    request: (r) => withoutHeaders(r, 'x-goog-api-key'),
  }),
  defineMutant({
    id: 'query-key-ignored',
    description: 'Only x-goog-api-key authenticates; ?key= is ignored.',
    breaks: [id('auth/query-key')],
    request: (r) => {
      if (!r.url.searchParams.has('key')) return r;
      const url = new URL(r.url);
      url.searchParams.delete('key');
      return { ...r, url };
    },
  }),
  defineMutant({
    id: 'no-key-accepted',
    description: 'A request without any key is served (the gateway uses its own upstream key for anyone).',
    breaks: [id('auth/missing-key')],
    request: (r) => (r.headers['x-goog-api-key'] === undefined && !r.url.searchParams.has('key') ? { ...r, headers: { ...r.headers, 'x-goog-api-key': 'gateway-key' } } : r),
  }),
  // ---- streams ------------------------------------------------------------------------------
  defineMutant({
    id: 'sse-as-json-content-type',
    description: 'alt=sse streams are served as application/json.',
    breaks: [id('stream/content-type')],
    reply: (reply) => streamServedAs(reply, 'application/json'),
  }),
  defineMutant({
    id: 'sse-stray-line',
    description: 'Every frame starts with a line that is not an SSE field (the SDK then drops the frame).',
    breaks: [id('stream/frames'), id('stream/sdk-stream')],
    reply: (reply) => (isStream(reply) ? { ...reply, body: reply.body.replace(/^data:/gm, 'x-chunk\ndata:') } : reply),
  }),
  defineMutant({
    id: 'stream-index-as-string',
    description: 'Streamed candidates carry index as a string ("0").',
    breaks: [id('stream/chunk-schema')],
    reply: (reply) => editResponses(reply, (res) => candidatesIn(res).forEach((c) => (c.index = String(c.index ?? 0))), { array: false, plain: false }),
  }),
  defineMutant({
    id: 'sse-done-sentinel',
    description: 'An OpenAI `data: [DONE]` frame ends the Gemini stream (OpenAI-first proxies); the SDK fails to parse it.',
    breaks: [id('stream/no-done-sentinel'), id('stream/sdk-stream')],
    reply: (reply) => (isStream(reply) ? mapChunks(reply, (chunks) => [...chunks, '[DONE]']) : reply),
  }),
  defineMutant({
    id: 'sse-truncated',
    description: 'The stream is cut before the chunk that carries finishReason.',
    breaks: [id('stream/chunk-order')],
    reply: (reply) => (isStream(reply) ? mapChunks(reply, (chunks) => chunks.slice(0, -1)) : reply),
  }),
  defineMutant({
    id: 'always-sse',
    description: 'The stream is SSE even without alt=sse (nyo16/nous#26 the other way round: clients that omit alt=sse parse an array).',
    breaks: [id('stream/json-array')],
    request: (r) => {
      if (methodOf(r) !== 'streamGenerateContent' || wantsSse(r)) return r;
      const url = new URL(r.url);
      url.searchParams.set('alt', 'sse');
      return { ...r, url };
    },
  }),
  defineMutant({
    id: 'v1-stream-not-served',
    description: ':streamGenerateContent is routed under /v1beta only; the SDK streams under /v1.',
    breaks: [id('stream/sdk-stream'), id('errors/stream-bad-request')],
    request: (r) => (versionOf(r) === 'v1' && methodOf(r) === 'streamGenerateContent' ? googleErrorReply(404, 'NOT_FOUND', 'Method not found.') : r),
  }),
  // ---- usage --------------------------------------------------------------------------------
  defineMutant({
    id: 'usage-no-candidates-count',
    description: 'Plain replies report no candidatesTokenCount.',
    breaks: [id('usage/non-stream')],
    reply: (reply) => editResponses(reply, (res) => delete (res.usageMetadata as Json).candidatesTokenCount, { sse: false, array: false }),
  }),
  defineMutant({
    id: 'usage-deltas',
    description: 'Each streamed chunk reports only its own tokens (deltas), so the last chunk under-reports (ankit373/hydra#855).',
    breaks: [id('usage/stream-final'), id('usage/stream-cumulative')],
    reply: (reply) =>
      isStream(reply)
        ? mapChunks(reply, (chunks) => {
            let before = 0;
            return chunks.map((chunk) => {
              const usage = { ...(chunk.usageMetadata as Json) };
              const total = usage.totalTokenCount as number;
              usage.totalTokenCount = Math.max(1, total - before);
              before = total;
              return { ...chunk, usageMetadata: usage };
            });
          })
        : reply,
  }),
  defineMutant({
    id: 'usage-out-of-order',
    description: 'The usage of the first two streamed chunks is swapped: a count goes down, the last chunk still has the final one.',
    breaks: [id('usage/stream-cumulative')],
    reply: (reply) =>
      isStream(reply)
        ? mapChunks(reply, (chunks) => (chunks.length < 3 ? chunks : [{ ...chunks[0], usageMetadata: chunks[1]!.usageMetadata }, { ...chunks[1], usageMetadata: chunks[0]!.usageMetadata }, ...chunks.slice(2)]))
        : reply,
  }),
  defineMutant({
    id: 'stream-prompt-count-off',
    description: 'Streams count 3 more prompt tokens than plain replies of the same prompt.',
    breaks: [id('usage/stream-matches-non-stream')],
    reply: (reply) =>
      editResponses(
        reply,
        (res) => {
          const usage = res.usageMetadata as Json;
          usage.promptTokenCount = (usage.promptTokenCount as number) + 3;
          usage.totalTokenCount = (usage.totalTokenCount as number) + 3;
        },
        { plain: false, array: false },
      ),
  }),
  // ---- how replies end ----------------------------------------------------------------------
  defineMutant({
    id: 'finish-end-turn',
    description: 'finishReason "STOP" is translated to "END_TURN" (an Anthropic stop reason in Gemini case).',
    breaks: [id('stop/finish-stop'), id('stop/stop-sequence')],
    reply: (reply) => editResponses(reply, (res) => candidatesIn(res).forEach((c) => c.finishReason === 'STOP' && (c.finishReason = 'END_TURN'))),
  }),
  defineMutant({
    id: 'max-tokens-ignored',
    description: 'maxOutputTokens is not forwarded on :generateContent: the reply runs past the budget.',
    breaks: [id('stop/max-tokens')],
    request: (r) => (methodOf(r) === 'generateContent' ? withoutConfig(r, 'maxOutputTokens') : r),
  }),
  defineMutant({
    id: 'stream-max-tokens-ignored',
    description: 'maxOutputTokens is not forwarded on :streamGenerateContent.',
    breaks: [id('stop/max-tokens-stream')],
    request: (r) => (methodOf(r) === 'streamGenerateContent' ? withoutConfig(r, 'maxOutputTokens') : r),
  }),
  defineMutant({
    id: 'stop-sequences-ignored',
    description: 'stopSequences are not forwarded: the text runs through the sequence.',
    breaks: [id('stop/stop-sequence')],
    request: (r) => withoutConfig(r, 'stopSequences'),
  }),
  defineMutant({
    id: 'candidate-count-ignored',
    description: 'candidateCount is not forwarded: one candidate comes back.',
    breaks: [id('stop/candidate-count')],
    request: (r) => withoutConfig(r, 'candidateCount'),
  }),
];

/** Every Gemini mutant; together they fail every check (the mutant guard). */
export const geminiMutants: Mutant[] = [...wireMutants, ...featureMutants];

