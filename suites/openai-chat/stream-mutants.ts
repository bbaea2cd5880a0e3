import { streamByAcceptHeader, streamsServedAsJson, strayLineInFrames } from '../harness/common-mutants.ts';
import { defineMutant, isStream, mapEvents, type Mutant, withRequestJson } from '../harness/mutant.ts';
import { editChunks, editStreamChoices, editToolDeltas, editUsageChunks, id, isBasicPrompt, isChat, type Json, without } from './mutant-helpers.ts';

/** Whether a stream chunk is the include_usage one. */
const isUsageChunk = (chunk: Json) => Array.isArray(chunk.choices) && chunk.choices.length === 0 && chunk.usage !== null && typeof chunk.usage === 'object';

/**
 * Broken variants of the mock's streams: framing, chunk invariants, the include_usage contract
 * and streamed tool calls, each imitating a deviation seen in gateways and compatible servers.
 */
export const streamMutants: Mutant[] = [
  // ---- framing ----------------------------------------------------------------------------
  streamsServedAsJson([id('stream/content-type'), id('stream/chosen-by-body')]),
  defineMutant({
    id: 'done-sentinel-missing',
    description: 'Streams end without data: [DONE] (a relay that drops the sentinel).',
    breaks: [id('stream/done-sentinel')],
    reply: (reply) => mapEvents(reply, (events) => events.filter((e) => e.data !== '[DONE]')),
  }),
  defineMutant({
    id: 'chunk-after-done',
    description: 'A chunk follows data: [DONE].',
    breaks: [id('stream/done-sentinel')],
    reply: (reply) => mapEvents(reply, (events) => [...events, events.find((e) => typeof e.data !== 'string') ?? { event: undefined, data: '{}' }]),
  }),
  defineMutant({
    id: 'sse-event-lines',
    description: 'Every frame is named with an event: line (event: message), unlike the API’s data-only frames.',
    breaks: [id('stream/data-only-frames')],
    reply: (reply) => mapEvents(reply, (events) => events.map((e) => ({ ...e, event: 'message' }))),
  }),
  strayLineInFrames([id('stream/frames-well-formed')]),
  // stream_options is only allowed with stream: the non-streaming request drops both.
  streamByAcceptHeader([id('stream/chosen-by-body'), id('stream/sdk-final-completion'), id('tools/sdk-final-completion')], (json) => without(json, 'stream', 'stream_options')),
  // ---- chunk invariants -------------------------------------------------------------------
  defineMutant({
    id: 'chunk-object-wrong',
    description: 'Chunks say object "chat.completion" instead of "chat.completion.chunk".',
    breaks: [id('stream/chunks-schema')],
    reply: (reply) => editChunks(reply, (chunk) => ({ ...chunk, object: 'chat.completion' })),
  }),
  defineMutant({
    id: 'chunk-ids-vary',
    description: 'Every chunk carries its own id (a relay that mints one per upstream event).',
    breaks: [id('stream/one-id')],
    reply: (reply) => {
      let n = 0;
      return editChunks(reply, (chunk) => ({ ...chunk, id: `${String(chunk.id)}-${n++}` }));
    },
  }),
  defineMutant({
    id: 'no-role-in-first-delta',
    description: 'The first delta of a choice has no role (openai-node then throws "missing role for choice").',
    breaks: [id('stream/role-first'), id('stream/sdk-final-completion'), id('tools/sdk-final-completion'), id('n/stream')],
    reply: (reply) =>
      editStreamChoices(reply, (choice) => {
        const { role: _role, ...delta } = (choice.delta ?? {}) as Json;
        return { ...choice, delta };
      }),
  }),
  defineMutant({
    id: 'usage-chunk-without-choices',
    description: 'The include_usage chunk has no choices field (ROCm/ATOM#1711).',
    breaks: [id('stream/choices-array'), id('usage/include-usage-chunk')],
    reply: (reply) => editChunks(reply, (chunk) => (isUsageChunk(chunk) ? without(chunk, 'choices') : chunk)),
  }),
  defineMutant({
    id: 'finish-reason-every-chunk',
    description: 'Every content chunk of a text stream already says finish_reason "stop".',
    breaks: [id('stream/finish-reason-last')],
    reply: (reply, r) =>
      isBasicPrompt(r) ? editStreamChoices(reply, (choice) => (typeof (choice.delta as Json | undefined)?.content === 'string' ? { ...choice, finish_reason: 'stop' } : choice)) : reply,
  }),
  defineMutant({
    id: 'finish-reason-missing',
    description: 'A text stream never sends a finish_reason (the last chunk says null).',
    breaks: [id('stream/finish-reason-last'), id('stream/sdk-final-completion')],
    reply: (reply, r) => (isBasicPrompt(r) ? editStreamChoices(reply, (choice) => ({ ...choice, finish_reason: null })) : reply),
  }),
  defineMutant({
    id: 'stream-text-altered',
    description: 'The streamed text differs from the non-streamed text for the same prompt.',
    breaks: [id('stream/sdk-text-matches-non-stream')],
    reply: (reply, r) =>
      isBasicPrompt(r)
        ? editStreamChoices(reply, (choice) => {
            const delta = (choice.delta ?? {}) as Json;
            return typeof delta.content === 'string' ? { ...choice, delta: { ...delta, content: delta.content.toUpperCase() } } : choice;
          })
        : reply,
  }),
  // ---- usage ------------------------------------------------------------------------------
  defineMutant({
    id: 'usage-chunk-unasked',
    description: 'A usage chunk with choices: [] ends every stream, asked or not (Arthur-Ficial/apfel#100).',
    breaks: [id('usage/no-usage-chunk-unasked')],
    reply: (reply, r) =>
      r.json?.stream_options === undefined
        ? mapEvents(reply, (events) => {
            const first = events.find((e) => typeof e.data !== 'string')?.data as Json | undefined;
            if (!first) return events;
            const usage = { ...first, choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
            return [...events.slice(0, -1), { event: undefined, data: usage }, ...events.slice(-1)];
          })
        : reply,
  }),
  defineMutant({
    id: 'include-usage-ignored',
    description: 'stream_options.include_usage is dropped: no usage chunk comes (nguyenphutrong/quotio#460).',
    breaks: [id('usage/include-usage-chunk')],
    request: (r) => (isChat(r) && r.json?.stream_options ? withRequestJson(r, without(r.json, 'stream_options')) : r),
  }),
  defineMutant({
    id: 'usage-chunk-first',
    description: 'The usage chunk comes first, before the choice chunks.',
    breaks: [id('usage/include-usage-chunk')],
    reply: (reply) =>
      mapEvents(reply, (events) => {
        const usage = events.filter((e) => typeof e.data !== 'string' && isUsageChunk(e.data));
        return usage.length === 0 ? events : [...usage, ...events.filter((e) => !usage.includes(e))];
      }),
  }),
  defineMutant({
    id: 'usage-stream-prompt-off',
    description: 'The streamed usage counts one more prompt token than the non-streamed reply for the same prompt.',
    breaks: [id('usage/stream-matches-non-stream')],
    reply: (reply) => editUsageChunks(reply, (u) => ({ ...u, prompt_tokens: (u.prompt_tokens as number) + 1, total_tokens: (u.total_tokens as number) + 1 })),
  }),
  // ---- streamed tool calls ----------------------------------------------------------------
  defineMutant({
    id: 'tool-index-missing',
    description: 'tool_calls deltas carry no index (openai/openai-python#2806: Gemini’s OpenAI layer).',
    breaks: [id('tools/stream-tool-call-deltas'), id('stream/chunks-schema'), id('tools/parallel-calls')],
    reply: (reply) => editToolDeltas(reply, (delta) => without(delta, 'index')),
  }),
  defineMutant({
    id: 'parallel-calls-same-index',
    description: 'Parallel tool calls all stream with index 0 (ai-dynamo/dynamo#4723).',
    breaks: [id('tools/parallel-calls')],
    reply: (reply) => (reply.body.includes('"index":1,"id"') ? editToolDeltas(reply, (delta) => ({ ...delta, index: 0 })) : reply),
  }),
  defineMutant({
    id: 'tool-header-without-name',
    description: 'The first delta of a tool call has no function.name, and none follows.',
    breaks: [id('tools/stream-tool-call-deltas')],
    reply: (reply) => editToolDeltas(reply, (delta) => ({ ...delta, function: without((delta.function ?? {}) as Json, 'name') })),
  }),
  defineMutant({
    id: 'tool-id-changes',
    description: 'Later deltas of a tool call carry another id than its first delta.',
    breaks: [id('tools/stream-tool-call-deltas')],
    reply: (reply, r) => (r.json?.tool_choice === 'required' ? editToolDeltas(reply, (delta) => (delta.id === undefined ? { ...delta, id: 'call_changed' } : delta)) : reply),
  }),
  defineMutant({
    id: 'tool-arguments-truncated',
    description: 'The last argument fragment of a streamed tool call is lost.',
    breaks: [id('tools/stream-arguments-json'), id('tools/sdk-final-completion')],
    reply: (reply) => {
      if (!isStream(reply)) return reply;
      const pieces = (reply.body.match(/"arguments":"(?:[^"\\]|\\.)+"/g) ?? []).length;
      let seen = 0;
      return editToolDeltas(reply, (delta) => {
        const fn = (delta.function ?? {}) as Json;
        if (typeof fn.arguments !== 'string' || fn.arguments === '' || ++seen !== pieces) return delta;
        return { ...delta, function: { ...fn, arguments: '' } };
      });
    },
  }),
];
