import type Anthropic from '@anthropic-ai/sdk';
import { ANTHROPIC_SCHEMA_IDS } from '../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, fail, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange, type UseExchange } from '../harness/exchange.ts';
import { rawExchange } from '../harness/http.ts';
import { okJson } from '../harness/replies.ts';
import { expectEventLinesMatchType, isDoneSentinel } from '../harness/sse-framing.ts';
import { eventSequence, okStream, type ParsedEvent, type StreamCapture } from '../harness/stream-capture.ts';
import { requireCapability } from '../harness/verdict.ts';
import { contentOf, textOf } from './accumulate.ts';
import { anthropicClient, anthropicHeaders, postMessages, streamMessages } from './client.ts';
import { requireCapabilityAccepted } from './envelope.ts';
import { errorExchanges } from './error-exchanges.ts';
import { basicBody, countBody, forcedToolBody, systemBlocksBody, thinkingBody, toolChoiceBody, WEATHER_TOOL } from './requests.ts';

/**
 * The Anthropic suite's shared exchanges: each made once per run, each naming the check that
 * reports its failure (the others that use it are then blocked, so one bug is one failure).
 * Exchanges only one check looks at are made inside that check instead.
 */

type Block = Record<string, unknown>;
const p = (name: string) => `anthropic-messages/${name}`;

// ---- plain replies ------------------------------------------------------------------------

/** The basic prompt, not streamed: the Message most basic, usage and stop checks read, and its exchange. */
export const basicReply = defineExchange({
  id: p('basic'),
  owner: p('basic/response-schema'),
  description: 'POST /v1/messages with the basic prompt',
  make: async ({ target }) => {
    const exchange = await postMessages(target, basicBody(target.model));
    return { exchange, message: okJson(exchange, 'POST /v1/messages') };
  },
});

/** System blocks and cache_control everywhere. */
export const systemBlocksReply = defineExchange({
  id: p('system-blocks'),
  owner: p('basic/system-and-cache-control'),
  description: 'POST /v1/messages with system blocks and cache_control',
  make: async ({ target }) => okJson(await postMessages(target, systemBlocksBody(target.model)), 'a request with system blocks and cache_control'),
});

/**
 * `messages.create()` through the official SDK: the root of every SDK check. When the SDK cannot
 * talk to the target at all (it rejects the SDK's newer anthropic-version, serves JSON as
 * text/plain), basic/sdk-create is the one failure and the other SDK checks are blocked.
 */
export const sdkMessage = defineExchange({
  id: p('sdk:create'),
  owner: p('basic/sdk-create'),
  description: 'messages.create() in the official SDK with the basic prompt',
  make: async ({ target }) => {
    const message = await anthropicClient(target).messages.create(basicBody(target.model) as never);
    expect(message.type === 'message', `type is ${preview(message.type)}, expected "message"`, { expected: '"message"', actual: preview(message.type) });
    expect(message.role === 'assistant', `role is ${preview(message.role)}, expected "assistant"`, { expected: '"assistant"', actual: preview(message.role) });
    expect(typeof message.id === 'string' && message.id.length > 0, 'the message has no id', { expected: 'a non-empty id', actual: preview(message.id) });
    expect(textOf(message.content).length > 0, `no text in content: ${preview(message.content)}`, { expected: 'a text block', actual: preview(message.content, 300) });
    return message;
  },
});

// ---- streams ------------------------------------------------------------------------------

/** The basic prompt streamed: the stream most stream checks read. */
export const basicStream = defineExchange({
  id: p('stream:basic'),
  owner: p('stream/content-type'),
  description: 'POST /v1/messages (stream: true) with the basic prompt',
  make: async ({ target }) => okStream(await streamMessages(target, basicBody(target.model)), 'the streaming request'),
});

/** The forced tool call streamed. */
export const toolStream = defineExchange({
  id: p('stream:tool'),
  owner: p('tools/stream-block-start'),
  description: 'POST /v1/messages (stream: true) forcing the weather tool',
  make: async ({ target }) => okStream(await streamMessages(target, forcedToolBody(target.model)), 'the tool stream'),
});

/** The tool_use block of the tool stream: its index, its start event's block, every event. */
export const toolStreamBlock = defineExchange({
  id: p('stream:tool-block'),
  owner: p('tools/stream-block-start'),
  description: 'the tool_use block of the forced tool stream',
  make: async ({ use }) => {
    const { events } = await use(toolStream);
    const start = events.find((e) => e.type === 'content_block_start' && (e.json?.content_block as Block | undefined)?.type === 'tool_use');
    if (!start?.json) {
      fail('the forced tool stream has no tool_use block: tool_choice {type:"tool"} was not honoured', {
        expected: 'a content_block_start with content_block.type "tool_use"',
        actual: `events: ${eventSequence(events)}`,
      });
    }
    return { events, index: start.json.index as number, block: start.json.content_block as Block };
  },
});

/**
 * A stream that ends as the protocol says: a message_delta, then message_stop. A cut-off stream is
 * one failure (stream/event-order); the checks that need its end are blocked by it.
 */
function completeStream(name: string, parent: SharedExchange<StreamCapture>) {
  return defineExchange({
    id: `${parent.id}:complete`,
    owner: p('stream/event-order'),
    description: `the ${name} stream, to its end`,
    make: async ({ use }) => {
      const capture = await use(parent);
      expectComplete(capture, name);
      return capture;
    },
  });
}

function expectComplete(capture: StreamCapture, name: string): void {
  const types = capture.events.map((e) => e.type ?? e.event ?? '?');
  expect(types.includes('message_delta') && types.includes('message_stop'), `the ${name} stream ended without ${types.includes('message_delta') ? 'message_stop' : 'message_delta and message_stop'}`, {
    expected: '… message_delta, message_stop',
    actual: `events: ${eventSequence(capture.events)}`,
    exchange: capture.exchange.record,
  });
}

/**
 * For a stream only one check reads (max_tokens, stop sequence, thinking): when it is cut off,
 * the cause is first attributed to the target's streams in general (blocked by
 * stream/event-order when the text stream is cut too), else the check fails itself.
 */
export async function expectCompleteStream(use: UseExchange, capture: StreamCapture, name: string): Promise<void> {
  const types = new Set(capture.events.map((e) => e.type));
  if (types.has('message_delta') && types.has('message_stop')) return;
  await use(basicStreamComplete);
  expectComplete(capture, name);
}

/** The basic stream, checked to end with message_delta and message_stop. */
export const basicStreamComplete = completeStream('text', basicStream);
/** The tool stream, checked to end with message_delta and message_stop. */
export const toolStreamComplete = completeStream('tool', toolStream);

/** The text and tool streams, named: the grammar and framing checks read both. */
export async function bothStreams(use: UseExchange): Promise<{ readonly name: string; readonly capture: StreamCapture }[]> {
  return [
    { name: 'text', capture: await use(basicStream) },
    { name: 'tool', capture: await use(toolStream) },
  ];
}

/**
 * The convention root of `event:` lines: every frame of the text and tool streams names its type
 * (stream/event-line-matches-type). The SDK skips frames without one, so a target that sends none
 * breaks every SDK stream: those failures are this one deviation, reported once.
 */
export const streamsNamed = defineExchange({
  id: p('streams:event-lines'),
  owner: p('stream/event-line-matches-type'),
  description: 'the event: lines of the text and tool streams',
  make: async ({ use }) => {
    // An OpenAI [DONE] frame is stream/no-done-sentinel's finding (one deviation, one failure).
    for (const { name, capture } of await bothStreams(use)) expectEventLinesMatchType(capture, name, isDoneSentinel);
  },
});

/**
 * Runs an SDK stream call; when it fails (the SDK read nothing, or an assertion on what it read
 * failed), the raw streams' `event:` lines are consulted first: without them the failure is
 * blocked by stream/event-line-matches-type, which reports it once.
 */
export async function sdkStreamAfterEventLines<T>(use: UseExchange, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    await use(streamsNamed);
    throw error;
  }
}

/** The SDK's accumulated message for the basic prompt (`messages.stream().finalMessage()`). */
export const sdkBasicStream = defineExchange({
  id: p('sdk-stream:basic'),
  owner: p('stream/sdk-final-message'),
  description: 'messages.stream().finalMessage() in the SDK with the basic prompt',
  make: async ({ target, use }) => {
    await use(sdkMessage);
    await use(basicStreamComplete);
    return sdkStreamAfterEventLines(use, async () => (await anthropicClient(target).messages.stream(basicBody(target.model) as never).finalMessage()) as Anthropic.Message);
  },
});

// ---- tools --------------------------------------------------------------------------------

/** The forced tool call, not streamed. */
export const forcedToolReply = defineExchange({
  id: p('tool'),
  owner: p('tools/forced-tool-use'),
  description: 'POST /v1/messages forcing the weather tool',
  make: async ({ target }) => okJson(await postMessages(target, forcedToolBody(target.model)), 'the forced tool request'),
});

/** The tool_use block of the forced tool reply (fails when the model answered with text). */
export const forcedToolUse = defineExchange({
  id: p('tool:block'),
  owner: p('tools/forced-tool-use'),
  description: 'the tool_use block of the forced tool reply',
  make: async ({ use }) => {
    const message = await use(forcedToolReply);
    const block = contentOf(message).find((b) => b.type === 'tool_use');
    expect(block, `the forced tool reply has no tool_use block: tool_choice {type:"tool"} was not honoured`, {
      expected: `a tool_use block calling ${WEATHER_TOOL.name}`,
      actual: preview(message.content, 300),
    });
    return { message, block };
  },
});

/** tool_choice {type:"none"}: tools/tool-choice-forms reports its rejection, tool-choice-none its content. */
export const toolChoiceNoneReply = defineExchange({
  id: p('tool-choice:none'),
  owner: p('tools/tool-choice-forms'),
  description: 'POST /v1/messages with tool_choice {type:"none"}',
  make: async ({ target }) => okJson(await postMessages(target, toolChoiceBody(target.model, { type: 'none' })), 'tool_choice {type:"none"}'),
});

// ---- thinking -----------------------------------------------------------------------------

/**
 * The thinking request's content. A clean 400 (the model or target does not offer extended
 * thinking) or a reply without any thinking block means the capability is absent: every
 * thinking check skips. Once a thinking block comes, the thinking rules bind at their level.
 */
export const thinkingContent = defineExchange({
  id: p('thinking'),
  owner: p('thinking/signature'),
  description: 'POST /v1/messages with extended thinking enabled',
  make: async ({ target }) => {
    const exchange = await postMessages(target, thinkingBody(target.model));
    requireCapabilityAccepted(exchange, 'offer extended thinking');
    const content = contentOf(okJson(exchange, 'the thinking request'));
    requireCapability(
      content.some((b) => b.type === 'thinking' || b.type === 'redacted_thinking'),
      `the target produced no thinking block with thinking enabled (blocks: ${content.map((b) => String(b.type)).join(', ') || 'none'}): extended thinking is not offered`,
    );
    return content;
  },
});

/** The thinking reply when its thinking block is signed (the signature check's rule), ready to replay. */
export const signedThinking = defineExchange({
  id: p('thinking:signed'),
  owner: p('thinking/signature'),
  description: 'the signed thinking block of the thinking reply',
  make: async ({ use }) => {
    const content = await use(thinkingContent);
    const first = content[0];
    expect(first?.type === 'thinking', `the first block is ${preview(first?.type)}, expected "thinking"`, { expected: '"thinking"', actual: preview(first?.type) });
    expect(typeof first.thinking === 'string', 'the thinking block has no thinking text field', { expected: 'thinking: string', actual: preview(first, 200) });
    expect(typeof first.signature === 'string' && first.signature.length > 0, 'the thinking block has no signature (a client cannot send it back)', {
      expected: 'a non-empty signature',
      actual: preview(first.signature),
    });
    return content;
  },
});

// ---- count_tokens -------------------------------------------------------------------------

export const COUNT_TOKENS_PATH = '/v1/messages/count_tokens';

/** count_tokens of the plain messages: an integer input_tokens > 0 (a fake 0 is one failure, here). */
export const plainCount = defineExchange({
  id: p('count:plain'),
  owner: p('count-tokens/basic'),
  description: `POST ${COUNT_TOKENS_PATH} with one user message`,
  make: async ({ target }) => {
    const json = okJson(await postMessages(target, countBody(target.model, false), COUNT_TOKENS_PATH), `POST ${COUNT_TOKENS_PATH}`);
    expectSchema(ANTHROPIC_SCHEMA_IDS.countTokensResponse, json, 'the count_tokens reply');
    expect((json.input_tokens as number) > 0, `input_tokens is ${preview(json.input_tokens)}: a 0 disables client auto-compaction`, { expected: 'an integer > 0', actual: preview(json.input_tokens) });
    return json.input_tokens as number;
  },
});

// ---- models -------------------------------------------------------------------------------

/** GET /v1/models as an Anthropic caller: an Anthropic-shaped list, or the one failure of models/*. */
export const modelList = defineExchange({
  id: p('models'),
  owner: p('models/list-shape'),
  description: 'GET /v1/models',
  make: async ({ target }) => {
    const exchange = await rawExchange(target, { path: '/v1/models', headers: anthropicHeaders(target) });
    const list = okJson(exchange, 'GET /v1/models');
    expectSchema(ANTHROPIC_SCHEMA_IDS.modelList, list, 'the model list', { exchange: exchange.record });
    return list as { data: { id: string }[] } & Record<string, unknown>;
  },
});

/** Every shared exchange of the suite (ids unique, owners are checks: a test checks both). */
export const anthropicExchanges: readonly SharedExchange<unknown>[] = [
  basicReply,
  systemBlocksReply,
  sdkMessage,
  basicStream,
  toolStream,
  basicStreamComplete,
  toolStreamComplete,
  toolStreamBlock,
  streamsNamed,
  sdkBasicStream,
  forcedToolReply,
  forcedToolUse,
  toolChoiceNoneReply,
  thinkingContent,
  signedThinking,
  plainCount,
  modelList,
  ...errorExchanges,
];

export type { ParsedEvent };
export { postMessages, streamMessages } from './client.ts';
export { badRequest, expectErrorReply, missingMaxTokens, noVersion } from './error-exchanges.ts';
