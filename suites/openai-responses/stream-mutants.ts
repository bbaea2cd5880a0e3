import { streamsServedAsJson, strayLineInFrames } from '../harness/common-mutants.ts';
import { type Mutant, defineMutant, mapEvents, withRequestJson } from '../harness/mutant.ts';
import { streamOnlyWhenAccepted, withDoneSentinel, withoutEventLines } from '../harness/sse-mutations.ts';
import { editEvents, hasTools, id, isCreate, type Json, mapOutput, renumber, typeOf } from './mutant-kit.ts';

const LIFECYCLE = ['response.created', 'response.in_progress', 'response.completed', 'response.incomplete'] as const;
const TERMINAL = ['response.completed', 'response.incomplete'] as const;

/** Deviations of the stream: framing, vocabulary, order, numbering, items and their payloads. */
export const streamMutants: Mutant[] = [
  // ---- framing ----------------------------------------------------------------------------
  streamsServedAsJson([id('stream/content-type'), id('stream/chosen-by-body')]),
  defineMutant({
    id: 'stream-by-accept-header',
    description: 'Streams only when Accept asks for text/event-stream; the official SDK sends Accept: application/json.',
    breaks: [id('stream/chosen-by-body'), id('stream/sdk-final-response'), id('tools/sdk-final-response')],
    request: (r) => streamOnlyWhenAccepted(r),
  }),
  defineMutant({
    id: 'sse-no-event-lines',
    description: 'Frames carry only data: lines, Chat Completions style (stacklok/mockllm).',
    breaks: [id('stream/event-line-matches-type')],
    reply: withoutEventLines,
  }),
  strayLineInFrames([id('stream/frames-well-formed')]),
  defineMutant({
    id: 'sse-done-sentinel',
    description: 'A Chat Completions `data: [DONE]` frame follows response.completed (LiteLLM-style proxies).',
    breaks: [id('stream/no-done-sentinel')],
    reply: withDoneSentinel,
  }),
  defineMutant({
    id: 'chat-chunk-in-stream',
    description: 'A Chat Completions chunk leaks into the text stream after response.created.',
    breaks: [id('stream/known-event-types'), id('stream/sdk-final-response')],
    reply: (reply, request) =>
      hasTools(request)
        ? reply
        : mapEvents(reply, (events) =>
            events.flatMap((e) => (typeOf(e) === 'response.created' ? [e, { event: undefined, data: { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'x' } }] } }] : [e])),
          ),
  }),
  // ---- order and numbering ----------------------------------------------------------------
  defineMutant({
    id: 'sse-truncated',
    description: 'The stream is cut off before its terminal event (Codex: "stream closed before response.completed").',
    breaks: [id('events/event-order')],
    reply: (reply) => mapEvents(reply, (events) => events.filter((e) => typeOf(e) !== 'response.completed' && typeOf(e) !== 'response.incomplete')),
  }),
  defineMutant({
    id: 'sequence-all-zero',
    description: 'Every event has sequence_number 0 (BerriAI/litellm PR #28899).',
    breaks: [id('events/sequence-numbers')],
    reply: (reply) => mapEvents(reply, (events) => events.map((e) => (typeof e.data === 'string' ? e : { ...e, data: { ...e.data, sequence_number: 0 } }))),
  }),
  defineMutant({
    id: 'sequence-missing',
    description: 'Events carry no sequence_number (sub2api#7128: Grok CLI "missing field sequence_number").',
    breaks: [id('events/sequence-numbers'), id('events/events-schema')],
    reply: (reply) =>
      mapEvents(reply, (events) =>
        events.map((e) => {
          if (typeof e.data === 'string') return e;
          const { sequence_number: _dropped, ...rest } = e.data;
          return { ...e, data: rest };
        }),
      ),
  }),
  // ---- items ------------------------------------------------------------------------------
  defineMutant({
    id: 'output-index-from-one',
    description: 'Output items are numbered from 1 (items announced and indexed inconsistently, BerriAI/litellm PR #36375).',
    breaks: [id('events/output-items')],
    reply: (reply) =>
      mapEvents(reply, (events) => events.map((e) => (typeof e.data !== 'string' && typeof e.data.output_index === 'number' ? { ...e, data: { ...e.data, output_index: e.data.output_index + 1 } } : e))),
  }),
  defineMutant({
    id: 'delta-item-id-mismatch',
    description: 'Deltas name an item id output_item.added never announced (BerriAI/litellm#37852: chatcmpl- ids).',
    breaks: [id('events/item-ids')],
    reply: (reply) =>
      editEvents(reply, ['response.output_text.delta', 'response.function_call_arguments.delta'], (d) => {
        d.item_id = 'chatcmpl-mutant';
      }),
  }),
  defineMutant({
    id: 'completed-output-ids-differ',
    description: "response.completed's output items carry other ids than the streamed ones.",
    breaks: [id('events/completed-output')],
    reply: (reply) => editEvents(reply, TERMINAL, (d) => ({ ...d, response: mapOutput(d.response as Json, (item) => ({ ...item, id: `${String(item.id)}_final` })) })),
  }),
  defineMutant({
    id: 'lifecycle-bare-response',
    description: 'Lifecycle events carry the bare Response as their data (pjq/sap-ai-core-llm-proxy#35).',
    breaks: [id('events/lifecycle-response'), id('events/events-schema')],
    reply: (reply) =>
      editEvents(reply, LIFECYCLE, (d) => {
        const { response, ...event } = d;
        return { ...(response as Json), ...event };
      }),
  }),
  defineMutant({
    id: 'item-status-missing',
    description: 'Message items in output_item.added/done lack `status` (OmniRoute#13964: "missing field status").',
    breaks: [id('events/events-schema')],
    reply: (reply) =>
      editEvents(reply, ['response.output_item.added', 'response.output_item.done'], (d) => {
        const item = d.item as Json;
        if (item.type === 'message') delete item.status;
      }),
  }),
  defineMutant({
    id: 'text-delta-dropped',
    description: 'One output_text.delta is lost: the deltas no longer add up to output_text.done (ogx-ai/ogx#5309).',
    breaks: [id('events/text-deltas')],
    reply: (reply) => {
      let seen = 0;
      return mapEvents(reply, (events) => renumber(events.filter((e) => typeOf(e) !== 'response.output_text.delta' || seen++ !== 1)));
    },
  }),
  defineMutant({
    id: 'stream-text-differs',
    description: 'The streamed reply says something else than the non-streamed one for the same prompt.',
    breaks: [id('stream/sdk-text-matches-non-stream')],
    request: (r) => (isCreate(r) && r.json?.stream === true && typeof r.json.input === 'string' ? withRequestJson(r, { ...r.json, input: `${r.json.input} (streamed)` }) : r),
  }),
  defineMutant({
    id: 'stream-usage-null',
    description: 'response.completed carries usage: null (OmniRoute#6906: Codex sees no token counts).',
    breaks: [id('usage/stream-completed')],
    reply: (reply) => editEvents(reply, TERMINAL, (d) => ({ ...d, response: { ...(d.response as Json), usage: null } })),
  }),
];
