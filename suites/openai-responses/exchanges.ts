import type OpenAI from 'openai';
import { expect, fail, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange, type UseExchange } from '../harness/exchange.ts';
import { jsonObject } from '../harness/http.ts';
import { okJson } from '../harness/replies.ts';
import { eventSequence, okStream, type StreamCapture } from '../harness/stream-capture.ts';
import { openaiClient, postResponses, streamResponses } from './client.ts';
import { capabilityExchanges } from './capability-exchanges.ts';
import { errorExchanges } from './error-exchanges.ts';
import { basicBody, forcedToolBody, WEATHER_TOOL } from './requests.ts';
import { expectFinalOutput, expectGrammar, expectItemIds, expectLifecycle, expectTerminal, IDENTITY_RULES, ITEM_RULES } from './stream-rules.ts';
import { firstItem, terminalEvent, wrappedResponse } from './stream-read.ts';

/**
 * The Responses suite's shared exchanges: each made once per run, each naming the check that
 * reports its failure (the others that use it are then blocked, so one bug is one failure).
 * Exchanges only one check looks at are made inside that check instead.
 */

type Json = Record<string, unknown>;
const p = (name: string) => `openai-responses/${name}`;

// ---- plain replies ------------------------------------------------------------------------

/** The basic prompt, not streamed: the Response most basic checks read, and its exchange. */
export const basicReply = defineExchange({
  id: p('basic'),
  owner: p('basic/response-schema'),
  description: 'POST /v1/responses with the basic prompt',
  make: async ({ target }) => {
    const exchange = await postResponses(target, basicBody(target));
    return { exchange, response: okJson(exchange, 'POST /v1/responses') };
  },
});

/**
 * `responses.create()` through the official SDK: the root of every SDK check. When the SDK cannot
 * talk to the target at all (JSON served as text/plain, a body it cannot read), basic/sdk-create
 * is the one failure and the other SDK checks are blocked.
 */
export const sdkResponse = defineExchange({
  id: p('sdk:create'),
  owner: p('basic/sdk-create'),
  description: 'responses.create() in the official SDK with the basic prompt',
  make: async ({ target }) => {
    const response = (await openaiClient(target).responses.create(basicBody(target) as never)) as OpenAI.Responses.Response;
    expect(response?.object === 'response', `the SDK's Response has object ${preview(response?.object)}, expected "response"`, { expected: '"response"', actual: preview(response, 200) });
    expect(typeof response.id === 'string' && response.id.length > 0, 'the SDK\'s Response has no id', { expected: 'a non-empty id', actual: preview(response.id) });
    expect(typeof response.output_text === 'string' && response.output_text.length > 0, `the SDK's output_text is empty (output: ${preview(response.output, 200)})`, {
      expected: 'the text of the output message',
      actual: preview(response.output, 300),
    });
    return response;
  },
});

// ---- streams ------------------------------------------------------------------------------

/** The basic prompt streamed: the stream most stream checks read. */
export const basicStream = defineExchange({
  id: p('stream:basic'),
  owner: p('stream/content-type'),
  description: 'POST /v1/responses (stream: true) with the basic prompt',
  make: async ({ target }) => okStream(await streamResponses(target, basicBody(target)), 'the streaming request'),
});

/** The forced function call streamed. */
export const toolStream = defineExchange({
  id: p('stream:tool'),
  owner: p('tools/stream-item-added'),
  description: 'POST /v1/responses (stream: true) forcing the weather tool',
  make: async ({ target }) => okStream(await streamResponses(target, forcedToolBody(target)), 'the tool stream'),
});

/**
 * A stream that ends as the protocol says, with response.completed, .incomplete or .failed. A
 * cut-off stream is one failure (stream/event-order); the checks that need its end are blocked.
 */
function completeStream(name: string, parent: SharedExchange<StreamCapture>) {
  return defineExchange({
    id: `${parent.id}:complete`,
    owner: p('events/event-order'),
    description: `the ${name} stream, to its end`,
    make: async ({ use }) => {
      const capture = await use(parent);
      expectTerminal(capture, name);
      return capture;
    },
  });
}

/** The basic stream, checked to end with a terminal event. */
export const basicStreamComplete = completeStream('text', basicStream);
/** The tool stream, checked to end with a terminal event. */
export const toolStreamComplete = completeStream('tool', toolStream);

/**
 * For a stream only one check reads (max_output_tokens): when it is cut off or its lifecycle
 * events do not wrap the Response, the cause is first attributed to the target's streams in
 * general (blocked by stream/event-order or stream/lifecycle-response when the text stream has
 * the same fault), else the check fails itself.
 */
export async function expectSoundStream(use: UseExchange, capture: StreamCapture, name: string): Promise<Json> {
  if (!terminalEvent(capture.events)) await use(basicStreamComplete);
  expectTerminal(capture, name);
  if (!wrappedResponse(terminalEvent(capture.events))) await use(basicFinal);
  expectLifecycle(capture, name);
  return wrappedResponse(terminalEvent(capture.events))!;
}

/** A complete stream and the Response its terminal event wraps. */
export interface FinalStream {
  readonly capture: StreamCapture;
  readonly response: Json;
}

/** The final Response of a complete stream, once its lifecycle events wrap the Response (stream/lifecycle-response). */
function finalResponse(name: string, complete: SharedExchange<StreamCapture>): SharedExchange<FinalStream> {
  return defineExchange({
    id: `${complete.id}:final`,
    owner: p('events/lifecycle-response'),
    description: `the final Response of the ${name} stream`,
    make: async ({ use }) => {
      const capture = await use(complete);
      expectLifecycle(capture, name);
      return { capture, response: wrappedResponse(terminalEvent(capture.events))! };
    },
  });
}

/** The basic stream's final Response (the data of its terminal event). */
export const basicFinal = finalResponse('text', basicStreamComplete);
/** The tool stream's final Response. */
export const toolFinal = finalResponse('tool', toolStreamComplete);

/**
 * The structure of a stream that openai-node's accumulator relies on: output items and content
 * parts opened, filled and closed in order (events/output-items), every event naming the item id
 * its output_item.added announced (events/item-ids), and the final output holding exactly the
 * streamed items (events/completed-output). The SDK checks use these first, so that a structural
 * fault is one failure and the SDK checks are blocked by it.
 */
function structure(name: string, raw: SharedExchange<StreamCapture>, complete: SharedExchange<StreamCapture>, final: SharedExchange<FinalStream>) {
  return {
    output: defineExchange({
      id: `${raw.id}:output`,
      owner: p('events/completed-output'),
      description: `the final output of the ${name} stream against its streamed items`,
      make: async ({ use }) => {
        const { capture, response } = await use(final);
        expectFinalOutput(capture, response, name);
        return capture;
      },
    }),
    items: defineExchange({
      id: `${raw.id}:items`,
      owner: p('events/output-items'),
      description: `the output items of the ${name} stream`,
      make: async ({ use }) => {
        const capture = await use(complete);
        expectGrammar(capture, name, ITEM_RULES);
        return capture;
      },
    }),
    ids: defineExchange({
      id: `${raw.id}:ids`,
      owner: p('events/item-ids'),
      description: `the item ids of the ${name} stream`,
      make: async ({ use }) => {
        const capture = await use(raw);
        expectItemIds(capture, name);
        expectGrammar(capture, name, IDENTITY_RULES);
        return capture;
      },
    }),
  };
}

export const basicStructure = structure('text', basicStream, basicStreamComplete, basicFinal);
export const toolStructure = structure('tool', toolStream, toolStreamComplete, toolFinal);

/** The text and tool streams, named: the framing and grammar checks read both. */
export async function bothStreams(use: UseExchange): Promise<{ readonly name: string; readonly capture: StreamCapture }[]> {
  return [
    { name: 'text', capture: await use(basicStream) },
    { name: 'tool', capture: await use(toolStream) },
  ];
}

/** The SDK's accumulated Response for the basic prompt (`responses.stream().finalResponse()`). */
export const sdkStream = defineExchange({
  id: p('sdk-stream:basic'),
  owner: p('stream/sdk-final-response'),
  description: 'responses.stream().finalResponse() in the SDK with the basic prompt',
  make: async ({ target, use }) => {
    await use(sdkResponse);
    await use(basicFinal);
    await use(basicStructure.items);
    await use(basicStructure.ids);
    await use(basicStructure.output);
    return (await openaiClient(target).responses.stream(basicBody(target) as never).finalResponse()) as OpenAI.Responses.Response;
  },
});

// ---- tools --------------------------------------------------------------------------------

/**
 * The function call of the tool stream as output_item.added announces it: with its call_id and
 * the forced tool's name (a call without them cannot be answered, and openai-node refuses it).
 */
export const toolStreamCall = defineExchange({
  id: p('stream:tool-call'),
  owner: p('tools/stream-item-added'),
  description: 'the function_call item of the forced tool stream',
  make: async ({ use }) => {
    const capture = await use(toolStream);
    const added = capture.events.find((e) => e.type === 'response.output_item.added' && jsonObject(e.json?.item)?.type === 'function_call');
    if (!added?.json || typeof added.json.output_index !== 'number') {
      fail('the forced tool stream announces no function_call item: tool_choice {type:"function"} was not honoured', {
        expected: 'response.output_item.added with item.type "function_call"',
        actual: `events: ${eventSequence(capture.events)}`,
        exchange: capture.exchange.record,
      });
    }
    const item = jsonObject(added.json.item)!;
    const on = { actual: preview(item, 200), exchange: capture.exchange.record };
    expect(typeof item.call_id === 'string' && item.call_id.length > 0, 'output_item.added announces the function_call without a call_id', { ...on, expected: 'a non-empty call_id' });
    expect(item.name === WEATHER_TOOL.name, `output_item.added announces a call to ${preview(item.name)}, expected ${WEATHER_TOOL.name}`, { ...on, expected: WEATHER_TOOL.name });
    return { capture, outputIndex: added.json.output_index, item };
  },
});

/** The forced function call, not streamed. */
export const forcedToolReply = defineExchange({
  id: p('tool'),
  owner: p('tools/forced-function-call'),
  description: 'POST /v1/responses forcing the weather tool',
  make: async ({ target }) => okJson(await postResponses(target, forcedToolBody(target)), 'the forced tool request'),
});

/** The function_call item of the forced tool reply (fails when the model answered with text). */
export const forcedCall = defineExchange({
  id: p('tool:call'),
  owner: p('tools/forced-function-call'),
  description: 'the function_call item of the forced tool reply',
  make: async ({ use }) => {
    const response = await use(forcedToolReply);
    const item = firstItem(response, 'function_call');
    expect(item, 'the forced tool reply has no function_call item: tool_choice {type:"function"} was not honoured', {
      expected: `a function_call item calling ${WEATHER_TOOL.name}`,
      actual: preview(response.output, 300),
    });
    return { response, item };
  },
});

/** Every shared exchange of the suite (ids unique, owners are checks: a test checks both). */
export const responsesExchanges: readonly SharedExchange<unknown>[] = [
  basicReply,
  sdkResponse,
  basicStream,
  toolStream,
  basicStreamComplete,
  toolStreamComplete,
  basicFinal,
  toolFinal,
  basicStructure.items,
  basicStructure.ids,
  basicStructure.output,
  toolStructure.items,
  toolStructure.ids,
  toolStructure.output,
  sdkStream,
  toolStreamCall,
  forcedToolReply,
  forcedCall,
  ...capabilityExchanges,
  ...errorExchanges,
];

export { postResponses, streamResponses } from './client.ts';
export { badRequest, expectErrorReply, invalidInputBody } from './error-exchanges.ts';
export { INPUT_TOKENS_PATH, plainCount, reasoningReply } from './capability-exchanges.ts';
