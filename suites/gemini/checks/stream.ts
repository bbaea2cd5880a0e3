import { geminiChunkType, geminiStreamGrammar } from '../../../specs/gemini/stream-grammar.ts';
import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { checkStreamGrammar } from '../../../specs/tooling/stream-grammar.ts';
import { excerpt, expect, expectSchema, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType } from '../../harness/replies.ts';
import { isDoneSentinel } from '../../harness/sse-framing.ts';
import { geminiClient } from '../client.ts';
import { sdkGenerate } from '../exchanges.ts';
import { finishReasonOf, textOf } from '../read.ts';
import { sdkBasic } from '../requests.ts';
import { basicArray, basicSse, basicSseComplete, type SseStream, toolSseCall } from '../stream-exchanges.ts';

const STREAM_DOCS = 'https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent';
const protocol = 'gemini';

/** The chunk order of a stream: any number of chunks, then the final one(s), nothing else after. */
function grammarFindings(chunks: readonly unknown[]): string | undefined {
  const diagnostics = checkStreamGrammar(
    geminiStreamGrammar,
    chunks.map((data) => ({ type: geminiChunkType(data), data })),
  );
  return diagnostics.length > 0 ? formatDiagnostics(diagnostics, 3) : undefined;
}

function kinds(chunks: readonly unknown[]): string {
  return chunks.map((c) => geminiChunkType(c)).join(', ');
}

/** Every chunk of the stream validates as a GenerateContentResponse. */
function expectChunkSchemas(stream: SseStream, name: string): void {
  stream.chunks.forEach((chunk, i) => expectSchema(GEMINI_SCHEMA_IDS.generateContentResponse, chunk, `${name} stream, chunk ${i}`, { exchange: stream.capture.exchange.record }));
}

/** :streamGenerateContent: SSE framing with alt=sse, the JSON array without it, chunk order, the SDK. */
export const streamChecks: Check[] = [
  defineCheck({
    id: 'gemini/stream/content-type',
    protocol,
    level: 'must',
    description: 'With alt=sse the stream is served as text/event-stream and carries at least one event.',
    spec: 'https://github.com/nyo16/nous/issues/26',
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      expectMediaType((await ctx.use(basicSse)).capture.exchange, 'text/event-stream', 'the alt=sse stream');
    },
  }),
  defineCheck({
    id: 'gemini/stream/frames',
    protocol,
    level: 'must',
    description: 'Each frame is `data: <one JSON object>` ended by a blank line (\\n\\n or \\r\\n\\r\\n), in valid UTF-8, with no line that is not an SSE field.',
    spec: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation',
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['streaming', 'framing'],
    async run(ctx) {
      const { capture } = await ctx.use(basicSse);
      const on = { exchange: capture.exchange.record };
      expect(capture.exchange.utf8Valid, 'the stream is not valid UTF-8', on);
      expect(capture.framing.trailing === '', `the stream ends inside a frame (no blank line after it): ${excerpt(capture.framing.trailing, 80)}`, { ...on, expected: 'data: {…}\\r\\n\\r\\n', actual: excerpt(capture.framing.trailing, 160) });
      capture.framing.frames.forEach((frame, i) => {
        expect(frame.strayLines.length === 0, `frame ${i} has lines that are not SSE fields: ${excerpt(frame.strayLines.join(' | '), 80)}`, { ...on, actual: excerpt(frame.raw, 160) });
        if (frame.data === undefined || isDoneSentinel(frame.data)) return;
        let value: unknown;
        try {
          value = JSON.parse(frame.data);
        } catch {
          value = undefined;
        }
        expect(value !== null && typeof value === 'object' && !Array.isArray(value), `frame ${i} data is not one JSON object: ${excerpt(frame.data, 80)}`, {
          ...on,
          expected: 'data: {"candidates": …}',
          actual: excerpt(frame.raw, 160),
        });
      });
    },
  }),
  defineCheck({
    id: 'gemini/stream/chunk-schema',
    protocol,
    level: 'must',
    description: 'Every chunk, streamed text and function call alike, validates as a GenerateContentResponse.',
    spec: STREAM_DOCS,
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      expectChunkSchemas(await ctx.use(basicSse), 'the basic');
      expectChunkSchemas(await ctx.use(toolSseCall), 'the function call');
    },
  }),
  defineCheck({
    id: 'gemini/stream/no-done-sentinel',
    protocol,
    level: 'must',
    description: 'No OpenAI `data: [DONE]` frame: a Gemini stream ends with its last chunk (the SDK fails to parse [DONE]).',
    spec: STREAM_DOCS,
    clients: ['google-genai'],
    tags: ['streaming', 'framing'],
    async run(ctx) {
      const { capture } = await ctx.use(basicSse);
      const done = capture.framing.frames.find((f) => isDoneSentinel(f.data));
      expect(done === undefined, 'the stream carries a data: [DONE] frame', { expected: 'no [DONE] frame', actual: excerpt(done?.raw ?? ''), exchange: capture.exchange.record });
    },
  }),
  defineCheck({
    id: 'gemini/stream/chunk-order',
    protocol,
    level: 'must',
    description: 'Chunks without finishReason, then the chunk that carries it (one per candidate), nothing after: a stream is never cut short.',
    spec: STREAM_DOCS,
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['streaming'],
    async run(ctx) {
      for (const [name, stream] of [['basic', await ctx.use(basicSseComplete)], ['function call', await ctx.use(toolSseCall)]] as const) {
        const findings = grammarFindings(stream.chunks);
        if (findings) fail(`${name} stream: ${findings}`, { expected: 'chunk…, final', actual: kinds(stream.chunks), exchange: stream.capture.exchange.record });
      }
    },
  }),
  defineCheck({
    id: 'gemini/stream/json-array',
    protocol,
    level: 'must',
    description: 'Without alt=sse the stream is one JSON array of GenerateContentResponse chunks (served as JSON, the last with finishReason), or a 400 INVALID_ARGUMENT.',
    spec: 'https://github.com/ankit373/hydra/issues/855',
    tags: ['streaming', 'framing'],
    async run(ctx) {
      const { exchange, chunks } = await ctx.use(basicArray);
      if (chunks === undefined) return;
      const on = { exchange: exchange.record };
      expectMediaType(exchange, 'application/json', 'the JSON-array stream');
      expect(chunks.length > 0, 'the JSON array is empty', { ...on, expected: 'at least one chunk', actual: '[]' });
      chunks.forEach((chunk, i) => expectSchema(GEMINI_SCHEMA_IDS.generateContentResponse, chunk, `element ${i} of the array`, on));
      const findings = grammarFindings(chunks);
      if (findings) fail(`the JSON-array stream: ${findings}`, { ...on, expected: 'chunk…, final', actual: kinds(chunks) });
    },
  }),
  defineCheck({
    id: 'gemini/stream/sdk-stream',
    protocol,
    level: 'must',
    description: 'models.generateContentStream() in @google/genai yields the chunks: the answer text and a finishReason on the last.',
    spec: 'https://github.com/googleapis/js-genai/blob/main/src/_api_client.ts',
    clients: ['google-genai'],
    tags: ['streaming', 'sdk'],
    async run(ctx) {
      // The SDK must work and the raw stream end properly: otherwise their owners say so.
      await ctx.use(sdkGenerate);
      await ctx.use(basicSseComplete);
      const chunks = [];
      for await (const chunk of await geminiClient(ctx.target).models.generateContentStream(sdkBasic(ctx.target.model))) chunks.push(chunk);
      expect(chunks.length > 0, 'the SDK yielded no chunk from the stream', { expected: 'at least one chunk', actual: '0 chunks' });
      const text = chunks.map((c) => textOf(c)).join('');
      expect(text.length > 0, `the SDK's chunks carry no answer text (${chunks.length} chunks)`, { expected: 'the answer text', actual: preview(chunks.at(-1), 200) });
      const last = finishReasonOf(chunks.at(-1));
      expect(typeof last === 'string' && last !== '', `the SDK's last chunk has no finishReason (${preview(last)})`, { expected: 'finishReason on the last chunk', actual: preview(chunks.at(-1)?.candidates, 200) });
    },
  }),
];
