import { expect, fail, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange, type UseExchange } from '../harness/exchange.ts';
import type { RawExchange } from '../harness/http.ts';
import { okStream, type StreamCapture } from '../harness/stream-capture.ts';
import { streamArray, streamSse } from './client.ts';
import { expectGoogleError, oneError } from './envelope.ts';
import { type Json, sseChunks, streamFinishReason, streamFunctionCalls } from './read.ts';
import { basicBody, forcedCallBody } from './requests.ts';

/**
 * The Gemini suite's stream exchanges: the basic prompt streamed with `alt=sse` and as the JSON
 * array the API answers without it, the forced function call streamed, and the convention root
 * "streams end with a finishReason" (a target that cuts every stream short is one failure).
 */

const p = (name: string) => `gemini/${name}`;

/** An SSE stream read whole: the capture and its chunks (each a GenerateContentResponse). */
export interface SseStream {
  readonly capture: StreamCapture;
  readonly chunks: readonly Json[];
}

function sseStream(capture: StreamCapture): SseStream {
  return { capture, chunks: sseChunks(capture.events) };
}

/** The basic prompt streamed with `alt=sse`: the stream most stream checks read. */
export const basicSse = defineExchange({
  id: p('stream:sse'),
  owner: p('stream/content-type'),
  description: 'POST /v1beta/models/{model}:streamGenerateContent?alt=sse with the basic prompt',
  make: async ({ target }) => sseStream(okStream(await streamSse(target, basicBody()), 'the alt=sse streaming request')),
});

/** Whether a stream ended as the API ends one: a chunk with a finishReason, nothing cut off. */
function isComplete(stream: SseStream): boolean {
  return stream.capture.framing.trailing === '' && streamFinishReason(stream.chunks) !== undefined;
}

function expectComplete(stream: SseStream, name: string): void {
  const { framing, exchange } = stream.capture;
  expect(framing.trailing === '', `the ${name} stream ends inside a frame (cut off?): ${preview(framing.trailing, 100)}`, {
    expected: 'every frame ended by a blank line',
    actual: preview(framing.trailing, 160),
    exchange: exchange.record,
  });
  expect(streamFinishReason(stream.chunks) !== undefined, `the ${name} stream ended without a chunk carrying finishReason (${stream.chunks.length} chunks): it was cut short`, {
    expected: 'a last chunk with candidates[0].finishReason',
    actual: `${stream.chunks.length} chunks, the last: ${preview(stream.chunks.at(-1), 200)}`,
    exchange: exchange.record,
  });
}

/** The basic SSE stream, checked to end with a finishReason: the root of "streams are cut short". */
export const basicSseComplete = defineExchange({
  id: p('stream:sse:complete'),
  owner: p('stream/chunk-order'),
  description: 'the basic alt=sse stream, to its end',
  make: async ({ use }) => {
    const stream = await use(basicSse);
    expectComplete(stream, 'basic');
    return stream;
  },
});

/**
 * For a stream another check reads (max tokens, the function call): when it is cut short, the
 * cause is first attributed to the target's streams in general (blocked by stream/chunk-order
 * when the basic stream is cut too), else the check fails itself.
 */
export async function expectCompleteStream(use: UseExchange, stream: SseStream, name: string): Promise<void> {
  if (isComplete(stream)) return;
  await use(basicSseComplete);
  expectComplete(stream, name);
}

/**
 * {@link okStream} for a stream other than the basic one: a failed stream (an error status, or a
 * 200 without any event: a one-chunk stream cut before its only chunk) is first attributed to the
 * target's streams in general, so a target whose every stream fails has one failure.
 */
export async function okSse(use: UseExchange, capture: StreamCapture, what: string): Promise<SseStream> {
  if (capture.exchange.status !== 200 || capture.events.length === 0) await use(basicSseComplete);
  return sseStream(okStream(capture, what));
}

/** The answer without `alt=sse`: one JSON array of chunks, or a documented 400. */
export interface ArrayStream {
  readonly exchange: RawExchange;
  /** The chunks, or `undefined` when the target refused the form with a clean 400. */
  readonly chunks: readonly unknown[] | undefined;
}

/** The basic prompt streamed without `alt=sse`: what gateways that drop the parameter get. */
export const basicArray = defineExchange({
  id: p('stream:array'),
  owner: p('stream/json-array'),
  description: 'POST /v1beta/models/{model}:streamGenerateContent (no alt=sse) with the basic prompt',
  make: async ({ target }): Promise<ArrayStream> => {
    const exchange = await streamArray(target, basicBody());
    if (exchange.status === 400) {
      expectGoogleError(exchange, oneError(400, 'INVALID_ARGUMENT'), 'the stream without alt=sse');
      return { exchange, chunks: undefined };
    }
    expect(exchange.status === 200, `the stream without alt=sse answered HTTP ${exchange.status}`, { expected: 'HTTP 200 (a JSON array) or a 400 INVALID_ARGUMENT', actual: `HTTP ${exchange.status}`, exchange: exchange.record });
    if (!Array.isArray(exchange.json)) {
      const sse = /^\s*data:/.test(exchange.text);
      fail(`without alt=sse the body is ${sse ? 'an SSE stream' : 'not a JSON array'}: the API answers one JSON array of GenerateContentResponse`, {
        expected: '[{"candidates": …}, …, {"candidates": [{… "finishReason": "STOP"}]}]',
        actual: preview(exchange.text.slice(0, 200)),
        exchange: exchange.record,
      });
    }
    return { exchange, chunks: exchange.json as unknown[] };
  },
});

/** The forced function call streamed with `alt=sse`. */
export const toolSse = defineExchange({
  id: p('stream:tool'),
  owner: p('tools/stream-function-call'),
  description: 'POST :streamGenerateContent?alt=sse forcing a function call (mode ANY)',
  make: async ({ target, use }) => okSse(use, await streamSse(target, forcedCallBody()), 'the streamed function call'),
});

/** The function call of the tool stream, complete (fails when the stream carries none). */
export const toolSseCall = defineExchange({
  id: p('stream:tool:call'),
  owner: p('tools/stream-function-call'),
  description: 'the function call of the forced tool stream',
  make: async ({ use }) => {
    const stream = await use(toolSse);
    await expectCompleteStream(use, stream, 'function call');
    const calls = streamFunctionCalls(stream.chunks);
    expect(calls.length > 0, 'the streamed reply to mode ANY has no functionCall part: the forced call was not honoured', {
      expected: 'a part {functionCall: {name, args}}',
      actual: `${stream.chunks.length} chunks, finishReason ${preview(streamFinishReason(stream.chunks))}`,
      exchange: stream.capture.exchange.record,
    });
    return { ...stream, calls };
  },
});

export const streamExchanges: readonly SharedExchange<unknown>[] = [basicSse, basicSseComplete, basicArray, toolSse, toolSseCall];
