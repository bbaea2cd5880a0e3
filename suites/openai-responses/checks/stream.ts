import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType } from '../../harness/replies.ts';
import { expectEventLinesMatchType, expectFramesWellFormed, expectNoDoneSentinel, expectOwnVocabulary, expectStreamedDespiteAccept, isDoneSentinel, isUntyped } from '../../harness/sse-framing.ts';
import { basicFinal, basicReply, basicStream, basicStreamComplete, bothStreams, sdkStream, streamResponses } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { KNOWN_EVENTS, messageText } from '../stream-read.ts';

const STREAMING_DOCS = 'https://platform.openai.com/docs/api-reference/responses-streaming';
const protocol = 'openai-responses';

const ANTHROPIC_EVENTS = new Set(['message_start', 'message_delta', 'message_stop', 'content_block_start', 'content_block_delta', 'content_block_stop', 'ping']);

/** What is wrong with an event's type, if anything: another protocol's event, or a type the API does not define. */
function typeProblem(type: string): string | undefined {
  if (ANTHROPIC_EVENTS.has(type)) return `an Anthropic Messages event (${type})`;
  if (!KNOWN_EVENTS.has(type)) return `an event type the Responses API does not define (${type})`;
  return undefined;
}

/** The stream on the wire: content type, framing, vocabulary, and what the official SDK makes of it. */
export const streamChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/stream/content-type',
    protocol,
    level: 'must',
    description: 'A streaming reply (stream: true) is served as text/event-stream.',
    spec: STREAMING_DOCS,
    tags: ['streaming'],
    async run(ctx) {
      expectMediaType((await ctx.use(basicStream)).exchange, 'text/event-stream', 'the stream');
    },
  }),
  defineCheck({
    id: 'openai-responses/stream/chosen-by-body',
    protocol,
    level: 'must',
    description: '`stream: true` streams even with `Accept: application/json`, which the official SDK sends on every request.',
    spec: 'https://platform.openai.com/docs/api-reference/responses/create#responses-create-stream',
    clients: ['openai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      expectStreamedDespiteAccept(await streamResponses(ctx.target, basicBody(ctx.target), { accept: 'application/json' }), 'response.created');
    },
  }),
  defineCheck({
    id: 'openai-responses/stream/event-line-matches-type',
    protocol,
    level: 'should',
    description: 'Every SSE frame has an `event:` line equal to its data.type, as the API sends them (clients that dispatch on the SSE event name need it).',
    spec: STREAMING_DOCS,
    tags: ['streaming', 'framing'],
    async run(ctx) {
      // Data of another vocabulary (no string type) is stream/known-event-types' finding.
      for (const { name, capture } of await bothStreams(ctx.use)) expectEventLinesMatchType(capture, name, (data) => isDoneSentinel(data) || isUntyped(data));
    },
  }),
  defineCheck({
    id: 'openai-responses/stream/frames-well-formed',
    protocol,
    level: 'must',
    description: 'The body is valid UTF-8, every frame ends with a blank line, has only SSE fields and one JSON object as data.',
    spec: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation',
    clients: ['openai-sdk'],
    tags: ['streaming', 'framing'],
    async run(ctx) {
      for (const { name, capture } of await bothStreams(ctx.use)) expectFramesWellFormed(capture, name, isDoneSentinel);
    },
  }),
  defineCheck({
    id: 'openai-responses/stream/no-done-sentinel',
    protocol,
    level: 'should',
    description: 'No Chat Completions `data: [DONE]` frame: a Responses stream ends with its terminal event (response.completed, .incomplete or .failed).',
    spec: STREAMING_DOCS,
    tags: ['streaming', 'framing'],
    async run(ctx) {
      expectNoDoneSentinel(await ctx.use(basicStreamComplete));
    },
  }),
  defineCheck({
    id: 'openai-responses/stream/known-event-types',
    protocol,
    level: 'must',
    description: "Every event's data is a JSON object whose type the Responses API defines: no Chat Completions chunks, no Anthropic events, no invented types (openai-node's responses.stream() throws on any of them).",
    spec: STREAMING_DOCS,
    clients: ['openai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      for (const { name, capture } of await bothStreams(ctx.use)) expectOwnVocabulary(capture, name, typeProblem);
    },
  }),
  defineCheck({
    id: 'openai-responses/stream/sdk-final-response',
    protocol,
    level: 'must',
    description: 'responses.stream().finalResponse() in the official SDK succeeds with status "completed" and the output_text the raw stream completed with (Open Responses: streaming-response).',
    spec: 'https://github.com/openai/openai-node/blob/master/helpers.md#responses-streaming-helpers',
    clients: ['openai-sdk', 'langchain'],
    tags: ['streaming', 'sdk'],
    async run(ctx) {
      const streamed = await ctx.use(sdkStream);
      const { response } = await ctx.use(basicFinal);
      expect(streamed.status === 'completed', `the SDK's final Response has status ${preview(streamed.status)}`, { expected: '"completed"', actual: preview(streamed.status) });
      const raw = messageText(response);
      expect(streamed.output_text === raw, `the SDK's output_text ${preview(streamed.output_text, 80)} differs from the stream's final text ${preview(raw, 80)}`, {
        expected: preview(raw),
        actual: preview(streamed.output_text),
      });
    },
  }),
  defineCheck({
    id: 'openai-responses/stream/sdk-text-matches-non-stream',
    protocol,
    level: 'should',
    description: 'For the same deterministic prompt, the streamed text equals the non-streamed text.',
    spec: STREAMING_DOCS,
    tags: ['streaming'],
    async run(ctx) {
      const streamed = (await ctx.use(sdkStream)).output_text;
      const plain = messageText((await ctx.use(basicReply)).response);
      expect(streamed === plain, `streamed ${preview(streamed, 80)} vs non-streamed ${preview(plain, 80)}`, { expected: preview(plain), actual: preview(streamed) });
    },
  }),
];
