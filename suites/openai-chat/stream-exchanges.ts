import type OpenAI from 'openai';
import { excerpt, expect, fail, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange, type UseExchange } from '../harness/exchange.ts';
import { okStream, type StreamCapture } from '../harness/stream-capture.ts';
import { sdkCompletion } from './basic-exchanges.ts';
import { type ChatStreamReading, readChatStream, type StreamedChoice, type StreamedToolCall } from './chunks.ts';
import { openaiClient, streamChat } from './client.ts';
import { basicBody, requiredToolBody, usageStreamBody, WEATHER_TOOL } from './requests.ts';

/**
 * The shared streams of the Chat suite, and the two conventions every other stream is first held
 * to: a stream that fails outright, or ends without `data: [DONE]`, is blamed on the target's
 * streams in general (one failure, by stream/content-type or stream/done-sentinel) when the basic
 * stream shows the same; otherwise the check that met it fails on its own.
 */

const p = (name: string) => `openai-chat/${name}`;

/** A stream capture with its client-side reading. */
export interface ChatStream {
  readonly capture: StreamCapture;
  readonly reading: ChatStreamReading;
}

function read(capture: StreamCapture): ChatStream {
  return { capture, reading: readChatStream(capture.events) };
}

/** The basic prompt streamed: what most stream checks read. */
export const basicStream = defineExchange({
  id: p('stream:basic'),
  owner: p('stream/content-type'),
  description: 'POST /v1/chat/completions (stream: true) with the basic prompt',
  make: async ({ target }) => read(okStream(await streamChat(target, basicBody(target.model)), 'the streaming request')),
});

/**
 * A stream other than the basic one that did not come (a non-200, no SSE events): blocked by the
 * basic stream's owner when streaming fails there too, else a failure of the check at hand.
 */
export async function expectStreamOk(use: UseExchange, capture: StreamCapture, what: string): Promise<ChatStream> {
  if (capture.exchange.status !== 200 || capture.events.length === 0) await use(basicStream);
  return read(okStream(capture, what));
}

function expectComplete({ capture, reading }: ChatStream, name: string): void {
  const on = { exchange: capture.exchange.record };
  expect(reading.done, `the ${name} stream ended without data: [DONE]`, { ...on, expected: '… data: [DONE]', actual: `last event: ${excerpt(capture.events.at(-1)?.data ?? '(none)', 120)}` });
  expect(reading.eventsAfterDone === 0, `the ${name} stream sent ${reading.eventsAfterDone} event(s) after data: [DONE]`, { ...on, expected: 'nothing after data: [DONE]', actual: excerpt(capture.events.at(-1)?.data ?? '', 120) });
}

/** A shared stream checked to end with `data: [DONE]` and nothing after it (stream/done-sentinel). */
function completeStream(name: string, parent: SharedExchange<ChatStream>): SharedExchange<ChatStream> {
  return defineExchange({
    id: `${parent.id}:complete`,
    owner: p('stream/done-sentinel'),
    description: `the ${name} stream, to its end`,
    make: async ({ use }) => {
      const stream = await use(parent);
      expectComplete(stream, name);
      return stream;
    },
  });
}

/** The basic stream, checked to end with `data: [DONE]`. */
export const basicStreamComplete = completeStream('text', basicStream);

/**
 * For a stream only one check reads: when it does not end with `[DONE]`, the cause is first put on
 * the target's streams in general (blocked by stream/done-sentinel when the basic stream shows it).
 */
export async function expectCompleteStream(use: UseExchange, stream: ChatStream, name: string): Promise<void> {
  if (stream.reading.done && stream.reading.eventsAfterDone === 0) return;
  await use(basicStreamComplete);
  expectComplete(stream, name);
}

/** A stream request only one check makes: sent, held to both conventions, read. */
export async function chatStream(use: UseExchange, capture: StreamCapture, name: string): Promise<ChatStream> {
  const stream = await expectStreamOk(use, capture, `the ${name} stream`);
  await expectCompleteStream(use, stream, name);
  return stream;
}

// ---- tools --------------------------------------------------------------------------------

/** `tool_choice: "required"` streamed. */
export const toolStream = defineExchange({
  id: p('stream:tool'),
  owner: p('tools/stream-tool-call-deltas'),
  description: 'POST /v1/chat/completions (stream: true) with tool_choice "required"',
  make: async ({ target, use }) => expectStreamOk(use, await streamChat(target, requiredToolBody(target.model)), 'the tool stream'),
});

/** The tool stream, checked to end with `data: [DONE]`. */
export const toolStreamComplete = completeStream('tool', toolStream);

/** The text and tool streams, named: the framing and chunk checks read both. */
export async function bothStreams(use: UseExchange): Promise<{ readonly name: string; readonly stream: ChatStream }[]> {
  return [
    { name: 'text', stream: await use(basicStream) },
    { name: 'tool', stream: await use(toolStream) },
  ];
}

/**
 * The tool call of the tool stream, its deltas held to the streaming contract: every
 * `tool_calls[]` delta has an integer `index`; a call's first delta carries `id`, `type:
 * "function"` and `function.name`; later deltas may repeat them but never change them. A model
 * that answered the forced call with text is this one failure.
 */
export const toolStreamCall = defineExchange({
  id: p('stream:tool-call'),
  owner: p('tools/stream-tool-call-deltas'),
  description: 'the tool call of the tool_choice "required" stream',
  make: async ({ use }) => {
    const stream = await use(toolStream);
    const choice = stream.reading.choices.get(0);
    const on = { exchange: stream.capture.exchange.record };
    expect(choice, 'the tool stream has no choice 0', { ...on, expected: 'chunks with choices[0]' });
    expect(choice.unindexedToolDeltas === 0, `${choice.unindexedToolDeltas} tool_calls delta(s) have no integer index (openai-python and the AI SDK cannot place them)`, {
      ...on,
      expected: 'tool_calls[].index on every delta',
      actual: preview(firstToolDelta(stream), 200),
    });
    const call = choice.toolCalls.get(0) ?? [...choice.toolCalls.values()][0];
    expect(call, `the tool stream has no tool call: tool_choice "required" was not honoured (content ${preview(choice.content, 80)})`, {
      ...on,
      expected: `a tool call to ${WEATHER_TOOL.function.name}`,
      actual: `content ${preview(choice.content, 120)}`,
    });
    for (const each of choice.toolCalls.values()) expectHeader(each, on);
    expectStableHeaders(stream, on);
    return { stream, choice, call };
  },
});

function firstToolDelta(stream: ChatStream): unknown {
  for (const chunk of stream.reading.chunks) {
    const delta = (chunk.choices as { delta?: { tool_calls?: unknown[] } }[] | undefined)?.[0]?.delta;
    if (Array.isArray(delta?.tool_calls)) return delta.tool_calls[0];
  }
  return undefined;
}

function expectHeader(call: StreamedToolCall, on: { exchange: StreamCapture['exchange']['record'] }): void {
  const details = { ...on, expected: '{index, id, type: "function", function: {name, arguments}}', actual: preview(call.first, 200) };
  expect(typeof call.id === 'string' && call.id.length > 0, `the first delta of tool call ${call.index} has no id`, details);
  expect(call.type === 'function', `the first delta of tool call ${call.index} has type ${preview(call.type)}, expected "function"`, details);
  expect(typeof call.name === 'string' && call.name.length > 0, `the first delta of tool call ${call.index} has no function.name`, details);
}

/** Later deltas of a call may repeat its id, type and name, never change them. */
function expectStableHeaders(stream: ChatStream, on: { exchange: StreamCapture['exchange']['record'] }): void {
  const seen = new Map<number, Record<string, unknown>>();
  for (const chunk of stream.reading.chunks) {
    const choices = Array.isArray(chunk.choices) ? (chunk.choices as { index?: unknown; delta?: { tool_calls?: unknown } }[]) : [];
    for (const delta of choices.filter((c) => c?.index === 0).flatMap((c) => (Array.isArray(c?.delta?.tool_calls) ? (c.delta.tool_calls as Record<string, unknown>[]) : []))) {
      const identity = { id: delta?.id, type: delta?.type, name: (delta?.function as { name?: unknown } | undefined)?.name };
      const first = seen.get(delta?.index as number);
      if (!first) {
        seen.set(delta?.index as number, identity);
        continue;
      }
      for (const [key, value] of Object.entries(identity)) {
        if (value !== undefined && value !== null && value !== first[key]) {
          fail(`tool call ${String(delta.index)} changed its ${key} from ${preview(first[key])} to ${preview(value)} mid-stream`, { ...on, expected: preview(first[key]), actual: preview(value) });
        }
      }
    }
  }
}

// ---- usage --------------------------------------------------------------------------------

/** The basic prompt streamed with `stream_options: {include_usage: true}`, to its end. */
export const usageStream = defineExchange({
  id: p('stream:usage'),
  owner: p('usage/include-usage-chunk'),
  description: 'POST /v1/chat/completions (stream: true, include_usage) with the basic prompt',
  make: async ({ target, use }) => chatStream(use, await streamChat(target, usageStreamBody(target.model)), 'include_usage'),
});

/**
 * The one chunk of the include_usage stream that carries usage: exactly one, with `choices: []`,
 * last before `[DONE]` (the ROCm/ATOM#1711 and apfel#100 shapes fail here, once).
 */
export const usageChunk = defineExchange({
  id: p('stream:usage-chunk'),
  owner: p('usage/include-usage-chunk'),
  description: 'the usage chunk of the include_usage stream',
  make: async ({ use }) => {
    const { reading, capture } = await use(usageStream);
    const on = { exchange: capture.exchange.record };
    const found = reading.usageChunks;
    expect(found.length === 1, `the include_usage stream has ${found.length} chunks with a usage object, expected exactly one`, { ...on, expected: 'one usage chunk', actual: `${found.length}` });
    const { position, chunk } = found[0]!;
    expect(Array.isArray(chunk.choices) && chunk.choices.length === 0, `the usage chunk has choices ${preview(chunk.choices, 120)}, expected []`, { ...on, expected: 'choices: []', actual: preview(chunk.choices, 200) });
    expect(position === reading.chunks.length - 1, `the usage chunk is chunk ${position + 1} of ${reading.chunks.length}, not the last before [DONE]`, {
      ...on,
      expected: 'the usage chunk last, then data: [DONE]',
      actual: `chunk after it: ${preview(reading.chunks[position + 1], 160)}`,
    });
    return { chunk, exchange: capture.exchange };
  },
});

// ---- the SDK ------------------------------------------------------------------------------

/** `chat.completions.stream().finalChatCompletion()` for the basic prompt. */
export const sdkStreamFinal = defineExchange({
  id: p('sdk-stream:basic'),
  owner: p('stream/sdk-final-completion'),
  description: 'chat.completions.stream().finalChatCompletion() in the SDK with the basic prompt',
  make: async ({ target, use }) => {
    await use(sdkCompletion);
    await use(basicStreamComplete);
    return (await openaiClient(target).chat.completions.stream(basicBody(target.model) as never).finalChatCompletion()) as OpenAI.ChatCompletion;
  },
});

/** The streamed choice 0 of a reading (fails when the stream has none). */
export function choiceZero(stream: ChatStream, name: string): StreamedChoice {
  const choice = stream.reading.choices.get(0);
  expect(choice, `the ${name} stream has no choice 0`, { expected: 'chunks with choices[0]', actual: `${stream.reading.chunks.length} chunk(s)`, exchange: stream.capture.exchange.record });
  return choice;
}

/** Every shared stream exchange. */
export const streamExchanges: readonly SharedExchange<unknown>[] = [basicStream, basicStreamComplete, toolStream, toolStreamComplete, toolStreamCall, usageStream, usageChunk, sdkStreamFinal];
