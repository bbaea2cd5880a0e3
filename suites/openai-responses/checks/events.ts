import { responsesEventSchemaId, type ResponsesStreamEventType } from '../../../specs/openai-responses/index.ts';
import { specRegistry } from '../../../specs/index.ts';
import { describeDiagnostics, excerpt, expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { basicFinal, basicStreamComplete, type FinalStream, basicStructure, bothStreams, toolFinal, toolStreamComplete, toolStructure } from '../exchanges.ts';
import { expectGrammar, ORDER_RULES } from '../stream-rules.ts';
import { joinedByPart, KNOWN_EVENTS, messageText } from '../stream-read.ts';
import { isDoneSentinel } from '../../harness/sse-framing.ts';

const STREAMING_DOCS = 'https://platform.openai.com/docs/api-reference/responses-streaming';
const protocol = 'openai-responses';

/** Part keys (`output_index/content_index`) in stream order. */
function byPosition(keys: Iterable<string>): string[] {
  const rank = (key: string) => key.split('/').map((n) => Number(n));
  return [...keys].sort((a, b) => {
    const [ao = 0, ac = 0] = rank(a);
    const [bo = 0, bc = 0] = rank(b);
    return ao - bo || ac - bc;
  });
}

/** The event texts of one stream and its final Response must agree, part by part. */
function expectTextsAgree(name: string, final: FinalStream): void {
  const { events } = final.capture;
  const on = { exchange: final.capture.exchange.record };
  const deltas = joinedByPart(events, 'response.output_text.delta', 'delta');
  const dones = joinedByPart(events, 'response.output_text.done', 'text');
  expect(dones.size > 0, `the ${name} stream has no response.output_text.done event`, { ...on, expected: 'response.output_text.done after the deltas of each text part' });
  for (const key of byPosition(dones.keys())) {
    const joined = deltas.get(key) ?? '';
    expect(joined === dones.get(key), `${name} stream, text part ${key}: the deltas add up to ${preview(joined, 80)}, but output_text.done says ${preview(dones.get(key), 80)}`, {
      ...on,
      expected: preview(dones.get(key)),
      actual: preview(joined),
    });
  }
  for (const e of events) {
    const part = e.json?.part as { type?: unknown; text?: unknown } | undefined;
    if (e.type !== 'response.content_part.done' || part?.type !== 'output_text') continue;
    const key = `${String(e.json?.output_index)}/${String(e.json?.content_index)}`;
    expect(part.text === dones.get(key), `${name} stream, text part ${key}: content_part.done has ${preview(part.text, 80)}, output_text.done ${preview(dones.get(key), 80)}`, {
      ...on,
      expected: preview(dones.get(key)),
      actual: preview(part.text),
    });
  }
  const streamed = byPosition(dones.keys())
    .map((key) => dones.get(key))
    .join('');
  const final_ = messageText(final.response);
  expect(streamed === final_, `the ${name} stream's text ${preview(streamed, 80)} differs from its final Response's ${preview(final_, 80)}`, { ...on, expected: preview(final_), actual: preview(streamed) });
}

/**
 * The event sequence of a stream: lifecycle order, sequence numbers, output items and their ids,
 * lifecycle payloads, the final Response against the streamed items, and each event's schema.
 */
export const eventsChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/events/event-order',
    protocol,
    level: 'must',
    description:
      'response.created → response.in_progress → (output_item.added → parts and deltas → output_item.done)* → exactly one of response.completed / .incomplete / .failed, nothing after it (Open Responses: streaming-response).',
    spec: 'https://github.com/BerriAI/litellm/pull/32310',
    clients: ['openai-sdk', 'codex-cli'],
    tags: ['streaming'],
    async run(ctx) {
      for (const [name, exchange] of [['text', basicStreamComplete], ['tool', toolStreamComplete]] as const) expectGrammar(await ctx.use(exchange), name, ORDER_RULES);
    },
  }),
  defineCheck({
    id: 'openai-responses/events/sequence-numbers',
    protocol,
    level: 'must',
    description: 'Every event carries sequence_number: 0 on the first, then one more on each (strict clients decode it as a required field).',
    spec: 'https://github.com/Wei-Shaw/sub2api/pull/7129',
    clients: ['codex-cli'],
    tags: ['streaming'],
    async run(ctx) {
      for (const { name, capture } of await bothStreams(ctx.use)) {
        // Events of another vocabulary are stream/known-event-types' finding; `[DONE]` is no event here.
        const numbered = capture.events.filter((e) => e.json !== undefined && e.type !== undefined && (KNOWN_EVENTS.has(e.type) || e.type.startsWith('response.')));
        const actual = { actual: `sequence numbers: ${numbered.slice(0, 12).map((e) => preview(e.json?.sequence_number)).join(', ')}${numbered.length > 12 ? ', …' : ''}`, exchange: capture.exchange.record };
        let expected = 0;
        numbered.forEach((e, i) => {
          const n = e.json?.sequence_number;
          expect(typeof n === 'number' && Number.isInteger(n), `${name} stream, event ${i} (${e.type}) has no integer sequence_number`, { ...actual, expected: `sequence_number ${expected}` });
          expect(n === expected, `${name} stream, event ${i} (${e.type}) has sequence_number ${n}, expected ${expected}`, { ...actual, expected: `0, 1, 2, … (${expected} here)` });
          expected = n + 1;
        });
      }
    },
  }),
  defineCheck({
    id: 'openai-responses/events/output-items',
    protocol,
    level: 'must',
    description: 'Output items open at output_index 0, 1, 2… (content parts at content_index 0, 1…); events target only open items, match the item type, and every item closes before response.completed.',
    spec: 'https://github.com/vllm-project/vllm/issues/48274',
    clients: ['openai-sdk', 'codex-cli'],
    tags: ['streaming'],
    async run(ctx) {
      await ctx.use(basicStructure.items);
      await ctx.use(toolStructure.items);
    },
  }),
  defineCheck({
    id: 'openai-responses/events/item-ids',
    protocol,
    level: 'must',
    description: 'Every item announced by output_item.added has an id of its own, and every later event of the item (item_id, output_item.done) repeats it.',
    spec: 'https://github.com/BerriAI/litellm/issues/37852',
    clients: ['openai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      await ctx.use(basicStructure.ids);
      await ctx.use(toolStructure.ids);
    },
  }),
  defineCheck({
    id: 'openai-responses/events/lifecycle-response',
    protocol,
    level: 'must',
    description: 'Lifecycle events (created, in_progress, completed…) wrap the whole Response in `response`: same id throughout, object "response", an output list, the status of the event.',
    spec: STREAMING_DOCS,
    clients: ['openai-sdk', 'vercel-ai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      await ctx.use(basicFinal);
      await ctx.use(toolFinal);
    },
  }),
  defineCheck({
    id: 'openai-responses/events/completed-output',
    protocol,
    level: 'must',
    description: "The terminal event's output holds exactly the streamed items: their ids and types, in output_index order.",
    spec: 'https://github.com/diegosouzapw/OmniRoute/issues/10156',
    clients: ['openai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      await ctx.use(basicStructure.output);
      await ctx.use(toolStructure.output);
    },
  }),
  defineCheck({
    id: 'openai-responses/events/text-deltas',
    protocol,
    level: 'must',
    description: "A text part's output_text.delta events add up to its output_text.done and content_part.done text, and the parts to the final Response's text.",
    spec: 'https://github.com/ogx-ai/ogx/issues/5309',
    clients: ['vercel-ai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      expectTextsAgree('text', await ctx.use(basicFinal));
    },
  }),
  defineCheck({
    id: 'openai-responses/events/events-schema',
    protocol,
    level: 'must',
    description: 'Every documented event carries every field its schema requires (sequence_number, item status, logprobs, the full response…); unknown event types are not judged here.',
    spec: 'https://github.com/diegosouzapw/OmniRoute/issues/13964',
    clients: ['codex-cli'],
    tags: ['streaming', 'schema'],
    async run(ctx) {
      for (const { name, capture } of await bothStreams(ctx.use)) {
        capture.events.forEach((event, i) => {
          if (!event.type || !KNOWN_EVENTS.has(event.type) || isDoneSentinel(event.data)) return;
          const value = event.json ?? event.data;
          const diagnostics = specRegistry().validate(responsesEventSchemaId(event.type as ResponsesStreamEventType), value);
          if (diagnostics.length > 0) {
            fail(`${name} stream, event ${i} (${event.type}): ${describeDiagnostics(diagnostics, value, 2)}`, { actual: excerpt(event.data, 300), exchange: capture.exchange.record });
          }
        });
      }
    },
  }),
];
