import { ANTHROPIC_STREAM_EVENTS } from '../../../specs/anthropic-messages/index.ts';
import { expect, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { mediaType, rawExchange } from '../../harness/http.ts';
import { anthropicHeaders } from '../client.ts';
import { errorSummary, expectOk, type StreamCapture, streamMessages } from '../exchanges.ts';
import { basicBody, forcedToolBody } from '../requests.ts';

const STREAMING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/streaming';
const protocol = 'anthropic-messages';

/** The plain text stream most stream checks read. */
export const basicStream = (ctx: CheckContext) => streamMessages(ctx, 'basic', basicBody(ctx.target.model));
/** The forced tool-call stream. */
export const toolStream = (ctx: CheckContext) => streamMessages(ctx, 'tool', forcedToolBody(ctx.target.model));

/** The text and tool streams, named, each checked to have succeeded. */
export async function checkedStreams(ctx: CheckContext): Promise<{ readonly name: string; readonly capture: StreamCapture }[]> {
  const streams = [
    { name: 'text', capture: await basicStream(ctx) },
    { name: 'tool', capture: await toolStream(ctx) },
  ];
  for (const { name, capture } of streams) expectOk(capture.exchange, `the ${name} stream`);
  return streams;
}

/** Checks on the bytes of the stream: framing, event lines, content type, terminators. */
export const streamFramingChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/stream/content-type',
    protocol,
    level: 'must',
    description: 'A streaming reply is served as text/event-stream.',
    spec: STREAMING_DOCS,
    async run(ctx) {
      const { exchange } = await basicStream(ctx);
      expectOk(exchange, 'the streaming request');
      expect(mediaType(exchange.headers) === 'text/event-stream', `content-type is ${preview(exchange.headers.get('content-type'))}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/event-line-matches-type',
    protocol,
    level: 'must',
    description: 'Every SSE frame has an `event:` line equal to its data.type (the SDK drops events without one).',
    spec: 'https://github.com/earendil-works/pi/issues/1983',
    async run(ctx) {
      for (const { capture } of await checkedStreams(ctx)) {
        capture.framing.frames.forEach((frame, i) => {
          if (frame.data === undefined) return;
          let type: unknown;
          try {
            type = (JSON.parse(frame.data) as { type?: unknown }).type;
          } catch {
            type = undefined;
          }
          expect(frame.event !== undefined, `frame ${i} has no event: line (data ${preview(frame.data, 80)})`);
          expect(frame.event === type, `frame ${i}: event: ${preview(frame.event)} but data.type is ${preview(type)}`);
        });
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/frames-well-formed',
    protocol,
    level: 'must',
    description: 'The body is valid UTF-8, every frame ends with a blank line, has only SSE fields and one JSON object as data.',
    spec: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation',
    async run(ctx) {
      for (const { capture } of await checkedStreams(ctx)) {
        expect(capture.exchange.utf8Valid, 'the stream is not valid UTF-8');
        expect(capture.framing.trailing === '', `the stream ends inside a frame: ${preview(capture.framing.trailing, 80)}`);
        capture.framing.frames.forEach((frame, i) => {
          expect(frame.strayLines.length === 0, `frame ${i} has lines that are not SSE fields: ${preview(frame.strayLines.join(' | '), 80)}`);
          if (frame.data === undefined) return;
          let value: unknown;
          try {
            value = JSON.parse(frame.data);
          } catch {
            value = undefined;
          }
          expect(value !== null && typeof value === 'object' && !Array.isArray(value), `frame ${i} data is not a JSON object: ${preview(frame.data, 80)}`);
        });
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/no-done-sentinel',
    protocol,
    level: 'must',
    description: 'No OpenAI `[DONE]` sentinel and nothing at all after message_stop.',
    spec: 'https://github.com/earendil-works/pi/issues/3708',
    async run(ctx) {
      const { exchange, framing } = await basicStream(ctx);
      expectOk(exchange, 'the streaming request');
      expect(!framing.frames.some((f) => f.data?.trim() === '[DONE]'), 'the stream carries a data: [DONE] frame');
      const stop = framing.frames.findIndex((f) => f.event === 'message_stop' || f.data?.includes('"message_stop"'));
      expect(stop !== -1, 'no message_stop frame');
      const after = framing.frames.slice(stop + 1);
      expect(after.length === 0, `${after.length} frame(s) after message_stop: ${preview(after[0]?.raw, 80)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/chosen-by-body',
    protocol,
    level: 'must',
    description: '`stream: true` streams even with `Accept: application/json`, which the official SDKs send when streaming.',
    spec: 'https://docs.claude.com/en/api/messages#body-stream',
    async run(ctx) {
      const exchange = await ctx.memo('anthropic:stream-accept-json', () =>
        rawExchange(ctx.target, {
          path: '/v1/messages',
          headers: { ...anthropicHeaders(ctx.target), accept: 'application/json' },
          body: { ...basicBody(ctx.target.model), stream: true },
        }),
      );
      expect(exchange.status === 200, `the request failed: ${errorSummary(exchange)}`);
      expect(mediaType(exchange.headers) === 'text/event-stream', `answered ${preview(exchange.headers.get('content-type'))} instead of a stream`);
      expect(exchange.text.includes('message_start'), 'no message_start in the body');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/known-event-types',
    protocol,
    level: 'must',
    description: `Only the protocol's event types appear (${ANTHROPIC_STREAM_EVENTS.join(', ')}).`,
    spec: STREAMING_DOCS,
    async run(ctx) {
      for (const { capture } of await checkedStreams(ctx)) {
        const unknown = capture.events.map((e) => e.type ?? e.event ?? '(none)').filter((t) => !(ANTHROPIC_STREAM_EVENTS as readonly string[]).includes(t));
        expect(unknown.length === 0, `unknown event types: ${[...new Set(unknown)].join(', ')}`);
      }
    },
  }),
];
