import { OPENAI_CHAT_SCHEMA_IDS } from '../../../specs/openai-chat/index.ts';
import { specRegistry } from '../../../specs/index.ts';
import { describeDiagnostics, excerpt, expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType } from '../../harness/replies.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { firstChoice, isDone } from '../chunks.ts';
import { streamChat } from '../client.ts';
import {
  basicReply,
  basicRepeat,
  basicStream,
  basicStreamComplete,
  bothStreams,
  type ChatStream,
  completionText,
  expectStreamOk,
  sdkStreamFinal,
  toolStreamComplete,
  usageStream,
} from '../exchanges.ts';
import { basicBody } from '../requests.ts';

const STREAMING_DOCS = 'https://platform.openai.com/docs/api-reference/chat-streaming';
const FINISH_REASON = `${OPENAI_CHAT_SCHEMA_IDS.completionParts}#/$defs/FinishReason`;
const protocol = 'openai-chat';

/** The stream: bytes and framing, the chunks and their invariants, and what the SDK makes of them. */
export const streamChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/stream/content-type',
    protocol,
    level: 'must',
    description: 'A streaming reply is served as text/event-stream.',
    spec: STREAMING_DOCS,
    tags: ['streaming', 'framing'],
    async run(ctx) {
      expectMediaType((await ctx.use(basicStream)).capture.exchange, 'text/event-stream', 'the stream');
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/frames-well-formed',
    protocol,
    level: 'must',
    description: 'The body is valid UTF-8, every frame ends with a blank line and has only SSE fields, and every data is one JSON object or [DONE].',
    spec: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation',
    // openai-node throws "malformed server-sent event JSON" on data that is not JSON.
    clients: ['openai-sdk'],
    tags: ['streaming', 'framing'],
    async run(ctx) {
      for (const { name, stream } of await bothStreams(ctx.use)) {
        const { exchange, framing } = stream.capture;
        const on = { exchange: exchange.record };
        expect(exchange.utf8Valid, `the ${name} stream is not valid UTF-8`, on);
        expect(framing.trailing === '', `the ${name} stream ends inside a frame: ${excerpt(framing.trailing, 80)}`, on);
        framing.frames.forEach((frame, i) => {
          expect(frame.strayLines.length === 0, `${name} stream, frame ${i} has lines that are not SSE fields: ${excerpt(frame.strayLines.join(' | '), 80)}`, on);
          if (frame.data === undefined || isDone(frame as { data: string })) return;
          let value: unknown;
          try {
            value = JSON.parse(frame.data);
          } catch {
            value = undefined;
          }
          expect(value !== null && typeof value === 'object' && !Array.isArray(value), `${name} stream, frame ${i} data is neither a JSON object nor [DONE]: ${excerpt(frame.data, 80)}`, on);
        });
      }
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/data-only-frames',
    protocol,
    level: 'should',
    description: 'Frames are data-only (no event: lines), as the API sends them; clients that route by event name misread named frames.',
    spec: 'https://platform.openai.com/docs/guides/streaming-responses#read-the-responses',
    tags: ['streaming', 'framing'],
    async run(ctx) {
      for (const { name, stream } of await bothStreams(ctx.use)) {
        const named = stream.capture.framing.frames.find((f) => f.event !== undefined);
        expect(named === undefined, `the ${name} stream has frames with an event: line (event: ${named?.event})`, {
          expected: 'data: lines only',
          actual: excerpt(named?.raw ?? '', 120),
          exchange: stream.capture.exchange.record,
        });
      }
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/done-sentinel',
    protocol,
    level: 'must',
    description: 'A stream ends with data: [DONE] and sends no event after it (comments may follow).',
    spec: STREAMING_DOCS,
    tags: ['streaming', 'framing'],
    async run(ctx) {
      await ctx.use(basicStreamComplete);
      await ctx.use(toolStreamComplete);
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/chunks-schema',
    protocol,
    level: 'must',
    description: 'Every chunk validates against the chat.completion.chunk schema (object "chat.completion.chunk", choices with index, delta, a known finish_reason).',
    spec: 'https://platform.openai.com/docs/api-reference/chat-streaming/streaming',
    tags: ['streaming'],
    async run(ctx) {
      for (const { name, stream } of await bothStreams(ctx.use)) {
        stream.capture.events.forEach((event, i) => {
          if (isDone(event)) return;
          const value = event.json ?? event.data;
          const diagnostics = specRegistry().validate(OPENAI_CHAT_SCHEMA_IDS.streamEvent, value);
          if (diagnostics.length > 0) fail(`${name} stream, event ${i}: ${describeDiagnostics(diagnostics, value, 2)}`, { actual: excerpt(event.data, 300), exchange: stream.capture.exchange.record });
        });
      }
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/choices-array',
    protocol,
    level: 'must',
    description: 'Every chunk has a choices array, the include_usage chunk included (choices: [] there).',
    spec: 'https://github.com/ROCm/ATOM/issues/1711',
    // openai-node iterates chunk.choices; the AI SDK's chunk schema requires the array.
    clients: ['openai-sdk', 'vercel-ai-sdk'],
    tags: ['streaming', 'usage'],
    async run(ctx) {
      const judge = ({ name, stream }: { name: string; stream: ChatStream }) => {
        const i = stream.reading.chunks.findIndex((c) => !Array.isArray(c.choices));
        expect(i === -1, `the ${name} stream has a chunk without a choices array: ${preview(stream.reading.chunks[i], 200)}`, {
          expected: 'choices: [...] on every chunk',
          actual: preview(stream.reading.chunks[i], 300),
          exchange: stream.capture.exchange.record,
        });
      };
      // The plain streams first: a target without include_usage must not keep them from being judged.
      for (const each of await bothStreams(ctx.use)) judge(each);
      judge({ name: 'include_usage', stream: await ctx.use(usageStream) });
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/one-id',
    protocol,
    level: 'should',
    description: 'Every chunk of a stream carries the same non-empty id (the completion id).',
    spec: 'https://platform.openai.com/docs/api-reference/chat-streaming/streaming#chat-streaming/streaming-id',
    tags: ['streaming'],
    async run(ctx) {
      for (const { name, stream } of await bothStreams(ctx.use)) {
        const ids = [...new Set(stream.reading.chunks.map((c) => c.id))];
        expect(ids.length === 1 && typeof ids[0] === 'string' && ids[0].length > 0, `the ${name} stream's chunks carry ${ids.length} ids: ${preview(ids.slice(0, 3))}`, {
          expected: 'one id on every chunk',
          actual: preview(ids.slice(0, 5)),
          exchange: stream.capture.exchange.record,
        });
      }
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/role-first',
    protocol,
    level: 'must',
    description: 'The first delta of every choice carries role "assistant".',
    spec: STREAMING_DOCS,
    // openai-node's ChatCompletionStream throws "missing role for choice" without it.
    clients: ['openai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      for (const { name, stream } of await bothStreams(ctx.use)) {
        for (const choice of stream.reading.choices.values()) {
          expect(choice.first.role === 'assistant', `${name} stream, choice ${choice.index}: the first delta has role ${preview(choice.first.role)}, expected "assistant"`, {
            expected: '{"role":"assistant", …}',
            actual: preview(choice.first, 200),
            exchange: stream.capture.exchange.record,
          });
        }
      }
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/finish-reason-last',
    protocol,
    level: 'must',
    description: "Each choice gets one non-null finish_reason, a known value, on its last chunk and only there; nothing of the choice follows it.",
    spec: STREAMING_DOCS,
    // openai-node's ChatCompletionStream throws "missing finish_reason for choice" without one.
    clients: ['openai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      const complete = [
        { name: 'text', stream: await ctx.use(basicStreamComplete) },
        { name: 'tool', stream: await ctx.use(toolStreamComplete) },
      ];
      for (const { name, stream } of complete) {
        const on = { exchange: stream.capture.exchange.record };
        for (const choice of stream.reading.choices.values()) {
          const where = `${name} stream, choice ${choice.index}`;
          expect(choice.finishReasons.length > 0, `${where} never gets a finish_reason`, { ...on, expected: 'a last chunk with finish_reason', actual: 'finish_reason null on every chunk' });
          expect(choice.finishReasons.length === 1 && !choice.continuedAfterFinish, `${where}: chunks follow its finish_reason ${preview(choice.finishReasons[0])}`, {
            ...on,
            expected: 'finish_reason on the last chunk of the choice only',
            actual: `finish_reason ${preview(choice.finishReasons)}`,
          });
          const valid = specRegistry().validate(FINISH_REASON, choice.finishReasons[0]).length === 0;
          expect(valid, `${where}: finish_reason is ${preview(choice.finishReasons[0])}, not one of stop, length, tool_calls, content_filter, function_call`, {
            ...on,
            expected: 'stop | length | tool_calls | content_filter | function_call',
            actual: preview(choice.finishReasons[0]),
          });
        }
      }
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/chosen-by-body',
    protocol,
    level: 'must',
    description: '`stream: true` streams even with `Accept: application/json`, which the official SDK sends when streaming.',
    spec: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream',
    clients: ['openai-sdk', 'langchain'],
    tags: ['streaming'],
    async run(ctx) {
      const capture = await streamChat(ctx.target, basicBody(ctx.target.model), { accept: 'application/json' });
      const { reading } = await expectStreamOk(ctx.use, capture, 'the streaming request with Accept: application/json');
      expectMediaType(capture.exchange, 'text/event-stream', 'the reply to stream: true with Accept: application/json');
      expect(reading.chunks.length > 0, 'no chunk in the body', { exchange: capture.exchange.record });
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/sdk-final-completion',
    protocol,
    level: 'must',
    description: 'chat.completions.stream().finalChatCompletion() succeeds: an assistant message with text and the finish_reason of the non-streaming reply.',
    spec: 'https://github.com/openai/openai-node/blob/master/helpers.md#chat-events',
    clients: ['openai-sdk'],
    tags: ['streaming', 'sdk'],
    async run(ctx) {
      const streamed = await ctx.use(sdkStreamFinal);
      const plain = firstChoice((await ctx.use(basicReply)).completion);
      const choice = streamed.choices[0];
      expect(choice?.message.role === 'assistant', `the accumulated message has role ${preview(choice?.message.role)}`, { expected: '"assistant"', actual: preview(choice?.message.role) });
      expect(typeof choice.message.content === 'string' && choice.message.content.length > 0, 'the accumulated message has no text', { expected: 'text', actual: preview(choice.message, 300) });
      expect(choice.finish_reason === plain.finish_reason, `streamed finish_reason ${preview(choice.finish_reason)} vs ${preview(plain.finish_reason)} not streamed`, {
        expected: preview(plain.finish_reason),
        actual: preview(choice.finish_reason),
      });
    },
  }),
  defineCheck({
    id: 'openai-chat/stream/sdk-text-matches-non-stream',
    protocol,
    level: 'should',
    description: 'For the same prompt, the streamed text equals the non-streamed text (skipped when two non-streamed replies already differ: the model is not deterministic).',
    spec: STREAMING_DOCS,
    tags: ['streaming', 'sdk'],
    async run(ctx) {
      const plain = completionText((await ctx.use(basicReply)).completion);
      const again = completionText(await ctx.use(basicRepeat));
      requireObserved(plain === again, `two identical requests got different text (${preview(plain, 60)} vs ${preview(again, 60)}): the target is not deterministic, so streamed and non-streamed text cannot be compared`);
      const streamed = (await ctx.use(sdkStreamFinal)).choices[0]?.message.content ?? '';
      expect(streamed === plain, `streamed ${preview(streamed, 80)} vs non-streamed ${preview(plain, 80)}`, { expected: preview(plain), actual: preview(streamed) });
    },
  }),
];
