import { ANTHROPIC_SCHEMA_IDS, ANTHROPIC_STREAM_EVENTS } from '../../../specs/anthropic-messages/index.ts';
import { specRegistry } from '../../../specs/index.ts';
import { describeDiagnostics, excerpt, expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType } from '../../harness/replies.ts';
import { expectFramesWellFormed, expectNoDoneSentinel, expectOwnVocabulary, expectStreamedDespiteAccept, isDoneSentinel } from '../../harness/sse-framing.ts';
import { textOf } from '../accumulate.ts';
import { anthropicClient } from '../client.ts';
import { basicReply, basicStream, basicStreamComplete, bothStreams, sdkBasicStream, sdkMessage, sdkStreamAfterEventLines, streamMessages, streamsNamed } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { streamsIndexed, streamsOrdered, streamTextFaithful } from '../stream-conventions.ts';

const STREAMING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/streaming';
const protocol = 'anthropic-messages';

const KNOWN = new Set<string>(ANTHROPIC_STREAM_EVENTS);

/** Another protocol's event type on an Anthropic stream (unknown Anthropic types are allowed). */
function foreignType(type: string): string | undefined {
  return /^response\./.test(type) ? `an OpenAI Responses event (${type})` : undefined;
}

function blockTypes(content: readonly { type: string }[]): string {
  return content.map((b) => b.type).join(',');
}

/** The stream: bytes and framing, the sequence of events and their schemas, and what the SDK makes of them. */
export const streamChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/stream/content-type',
    protocol,
    level: 'must',
    description: 'A streaming reply is served as text/event-stream.',
    spec: STREAMING_DOCS,
    tags: ['streaming', 'framing', 'headers'],
    async run(ctx) {
      expectMediaType((await ctx.use(basicStream)).exchange, 'text/event-stream', 'the stream');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/event-line-matches-type',
    protocol,
    level: 'must',
    description: 'Every SSE frame has an `event:` line equal to its data.type (the SDK drops events without one).',
    spec: 'https://github.com/earendil-works/pi/issues/1983',
    // The SDK's stream reader skips frames without an event: line (core/streaming.js); Claude Code and
    // LangChain iterate that reader.
    clients: ['anthropic-sdk', 'claude-code', 'langchain'],
    tags: ['streaming', 'framing'],
    async run(ctx) {
      await ctx.use(streamsNamed);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/frames-well-formed',
    protocol,
    level: 'must',
    description: 'The body is valid UTF-8, every frame ends with a blank line, has only SSE fields and one JSON object as data.',
    spec: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation',
    // Data that is not a JSON object throws in the SDK's reader (it JSON.parses every named event) and is
    // an error part in the AI SDK.
    clients: ['anthropic-sdk', 'claude-code', 'langchain', 'vercel-ai-sdk'],
    tags: ['streaming', 'framing'],
    async run(ctx) {
      for (const { name, capture } of await bothStreams(ctx.use)) expectFramesWellFormed(capture, name, isDoneSentinel);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/no-done-sentinel',
    protocol,
    level: 'must',
    description: 'No OpenAI `[DONE]` sentinel and no event after message_stop (comments and blank lines may follow).',
    spec: 'https://github.com/earendil-works/pi/issues/3708',
    // A [DONE] frame with an event: line throws in the SDK's reader (JSON.parse("[DONE]")), which Claude
    // Code and LangChain iterate.
    clients: ['anthropic-sdk', 'claude-code', 'langchain'],
    tags: ['streaming', 'framing'],
    async run(ctx) {
      const capture = await ctx.use(basicStreamComplete);
      const { exchange, framing } = capture;
      const on = { exchange: exchange.record };
      expectNoDoneSentinel(capture);
      // Only frames with data are events; a comment-only frame (": keepalive") dispatches nothing.
      const events = framing.frames.filter((f) => f.data !== undefined);
      const stop = events.findIndex((f) => f.event === 'message_stop' || /"type"\s*:\s*"message_stop"/.test(f.data ?? ''));
      expect(stop !== -1, 'no message_stop frame', on);
      const after = events.slice(stop + 1);
      expect(after.length === 0, `${after.length} event(s) after message_stop: ${excerpt(after[0]?.raw ?? '', 80)}`, { ...on, expected: 'nothing after message_stop', actual: excerpt(after[0]?.raw ?? '', 120) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/chosen-by-body',
    protocol,
    level: 'must',
    description: '`stream: true` streams even with `Accept: application/json`, which the official SDKs send when streaming.',
    spec: 'https://docs.claude.com/en/api/messages#body-stream',
    // Captured: all three stream with Accept: application/json.
    clients: ['anthropic-sdk', 'claude-code', 'langchain'],
    tags: ['streaming'],
    async run(ctx) {
      expectStreamedDespiteAccept(await streamMessages(ctx.target, basicBody(ctx.target.model), { accept: 'application/json' }), 'message_start');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/known-event-types',
    protocol,
    level: 'should',
    description: `Events speak this protocol: every data is a JSON object with a string type, none from another protocol's vocabulary (unknown Anthropic types are allowed: the docs tell clients to ignore them). Documented: ${ANTHROPIC_STREAM_EVENTS.join(', ')}.`,
    spec: `${STREAMING_DOCS}#other-events`,
    // The AI SDK parses each event against a union of the documented types: another protocol's event is an
    // error part.
    clients: ['vercel-ai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      for (const { name, capture } of await bothStreams(ctx.use)) expectOwnVocabulary(capture, name, foreignType);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/event-order',
    protocol,
    level: 'must',
    description: 'message_start → (content_block_start → content_block_delta* → content_block_stop)* → message_delta+ → message_stop (ping anywhere, unknown types ignored).',
    spec: STREAMING_DOCS,
    // The SDK's MessageStream rejects events out of order and a stream without message_stop ("stream ended
    // without producing a Message").
    clients: ['anthropic-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      await ctx.use(streamsOrdered);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/block-indices',
    protocol,
    level: 'must',
    description: 'Blocks open with indices 0, 1, 2…; deltas and stops only target the open block; deltas match the block type.',
    spec: 'https://github.com/BerriAI/litellm/issues/27442',
    // The SDK's MessageStream appends each started block and applies deltas by index (content.at(index)):
    // misnumbered blocks lose their deltas.
    clients: ['anthropic-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      await ctx.use(streamsIndexed);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/events-schema',
    protocol,
    level: 'must',
    description: 'Every documented event validates against its event schema (unknown event types are not judged).',
    spec: STREAMING_DOCS,
    // The AI SDK parses every event with a zod schema (message_start usage.input_tokens a number, blocks
    // of known shapes): an event outside it is an error part.
    clients: ['vercel-ai-sdk'],
    tags: ['streaming', 'schema'],
    async run(ctx) {
      for (const { name, capture } of await bothStreams(ctx.use)) {
        capture.events.forEach((event, i) => {
          if ((event.type !== undefined && !KNOWN.has(event.type)) || isDoneSentinel(event.data)) return;
          const value = event.json ?? event.data;
          const diagnostics = specRegistry().validate(ANTHROPIC_SCHEMA_IDS.streamEvent, value);
          if (diagnostics.length > 0) {
            fail(`${name} stream, event ${i} (${event.type ?? '?'}): ${describeDiagnostics(diagnostics, value, 2)}`, { actual: excerpt(event.data, 300), exchange: capture.exchange.record });
          }
        });
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/message-start-shape',
    protocol,
    level: 'must',
    description: 'The first event (pings aside) is message_start with an id, the model, empty content and a null stop_reason.',
    spec: STREAMING_DOCS,
    // The SDK's MessageStream starts from message_start.message and appends each block to its content:
    // content already there shifts every delta.
    clients: ['anthropic-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      const { events, exchange } = await ctx.use(basicStream);
      const on = { exchange: exchange.record };
      const first = events.find((e) => e.type !== 'ping');
      expect(first?.type === 'message_start', `the first event is ${preview(first?.type)}, not message_start`, { ...on, expected: 'message_start', actual: preview(first?.type) });
      const message = (first.json?.message ?? {}) as Record<string, unknown>;
      expect(typeof message.id === 'string' && message.id.length > 0, 'message_start.message has no id', on);
      expect(typeof message.model === 'string' && message.model.length > 0, 'message_start.message has no model', on);
      expect(Array.isArray(message.content) && message.content.length === 0, `message_start.message.content is ${preview(message.content)}, expected []`, { ...on, expected: '[]', actual: preview(message.content) });
      expect(message.stop_reason === null, `message_start.message.stop_reason is ${preview(message.stop_reason)}, expected null`, { ...on, expected: 'null', actual: preview(message.stop_reason) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/sdk-events',
    protocol,
    level: 'must',
    description: 'The SDK iterating a raw stream sees message_start first, text deltas, and message_stop last.',
    spec: 'https://github.com/openclaw/openclaw/issues/37571',
    // Claude Code and LangChain read streams exactly so: messages.create({stream: true}) iterated.
    clients: ['anthropic-sdk', 'claude-code', 'langchain'],
    tags: ['streaming', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkMessage);
      await ctx.use(basicStreamComplete);
      await sdkStreamAfterEventLines(ctx.use, async () => {
        const stream = await anthropicClient(ctx.target).messages.create({ ...basicBody(ctx.target.model), stream: true } as never);
        const types: string[] = [];
        for await (const event of stream as unknown as AsyncIterable<{ type: string }>) types.push(event.type);
        const actual = { actual: `the SDK yielded: ${types.join(', ') || '(nothing)'}` };
        expect(types.length > 0, 'the SDK yielded no events (frames without event: lines are dropped)', actual);
        expect(types[0] === 'message_start', `the SDK's first event is ${preview(types[0])}`, actual);
        expect(types[types.length - 1] === 'message_stop', `the SDK's last event is ${preview(types[types.length - 1])}`, actual);
        expect(types.includes('content_block_delta'), 'the SDK saw no content_block_delta', actual);
      });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/sdk-final-message',
    protocol,
    level: 'must',
    description: 'messages.stream().finalMessage() succeeds and has the block types and stop_reason of the non-streaming reply.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/helpers.md',
    clients: ['anthropic-sdk'],
    tags: ['streaming', 'sdk'],
    async run(ctx) {
      const streamed = await ctx.use(sdkBasicStream);
      const plain = (await ctx.use(basicReply)).message as { content?: { type: string }[]; stop_reason?: unknown };
      expect(streamed.content.length > 0, 'the streamed message has no content', { actual: preview(streamed, 300) });
      const [a, b] = [blockTypes(streamed.content), blockTypes(plain.content ?? [])];
      expect(a === b, `streamed blocks [${a}] differ from non-streamed [${b}]`, { expected: `[${b}]`, actual: `[${a}]` });
      expect(streamed.stop_reason === plain.stop_reason, `streamed stop_reason ${preview(streamed.stop_reason)} vs ${preview(plain.stop_reason)}`, {
        expected: preview(plain.stop_reason),
        actual: preview(streamed.stop_reason),
      });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/sdk-text-matches-non-stream',
    protocol,
    level: 'should',
    description: 'For the same deterministic prompt, the streamed text equals the non-streamed text.',
    spec: STREAMING_DOCS,
    tags: ['streaming'],
    async run(ctx) {
      // The raw stream first (the convention other streams' checks are attributed to), then the SDK's.
      await ctx.use(streamTextFaithful);
      const streamed = textOf((await ctx.use(sdkBasicStream)).content);
      const plain = textOf((await ctx.use(basicReply)).message.content);
      expect(streamed === plain, `streamed ${preview(streamed, 80)} vs non-streamed ${preview(plain, 80)}`, { expected: preview(plain), actual: preview(streamed) });
    },
  }),
];
