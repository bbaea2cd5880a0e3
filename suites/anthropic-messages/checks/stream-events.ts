import type Anthropic from '@anthropic-ai/sdk';
import { anthropicStreamGrammar, ANTHROPIC_SCHEMA_IDS } from '../../../specs/anthropic-messages/index.ts';
import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { checkStreamGrammar } from '../../../specs/tooling/stream-grammar.ts';
import { specRegistry } from '../../../specs/index.ts';
import { expect, fail, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { anthropicClient } from '../client.ts';
import { okEvents, okJson, type ParsedEvent } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { basicExchange } from './basic.ts';
import { basicStream, checkedStreams } from './stream-framing.ts';

const STREAMING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/streaming';
const protocol = 'anthropic-messages';

const ORDER_RULES = new Set(['grammar.order', 'grammar.incomplete', 'grammar.after-end', 'grammar.unknown-event']);
const BLOCK_RULES = new Set(['grammar.block-index', 'grammar.block-closed', 'grammar.delta-type']);

function grammarEvents(events: readonly ParsedEvent[]) {
  return events.map((e) => ({ type: e.type ?? e.event ?? '(none)', data: e.json }));
}

async function grammarFindings(ctx: CheckContext, rules: Set<string>): Promise<string> {
  const findings: string[] = [];
  for (const { name, capture } of await checkedStreams(ctx)) {
    const events = okEvents(capture, `the ${name} stream`);
    const diagnostics = checkStreamGrammar(anthropicStreamGrammar, grammarEvents(events)).filter((d) => rules.has(d.keyword));
    if (diagnostics.length > 0) findings.push(`${name} stream: ${formatDiagnostics(diagnostics, 3)}`);
  }
  return findings.join('; ');
}

/** The SDK's accumulated message for the basic prompt (memoized). */
export function sdkStreamedMessage(ctx: CheckContext, key: string, body: Record<string, unknown>): Promise<Anthropic.Message> {
  return ctx.memo(`anthropic:sdk-stream:${key}`, () => anthropicClient(ctx.target).messages.stream(body as never).finalMessage());
}

function blockTypes(content: readonly { type: string }[]): string {
  return content.map((b) => b.type).join(',');
}

/** Checks on the sequence of events: grammar, indices, schemas, and what the SDK makes of them. */
export const streamEventChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/stream/event-order',
    protocol,
    level: 'must',
    description: 'message_start → (content_block_start → content_block_delta* → content_block_stop)* → message_delta+ → message_stop.',
    spec: STREAMING_DOCS,
    async run(ctx) {
      const findings = await grammarFindings(ctx, ORDER_RULES);
      expect(findings === '', findings);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/block-indices',
    protocol,
    level: 'must',
    description: 'Blocks open with indices 0, 1, 2…; deltas and stops only target the open block; deltas match the block type.',
    spec: 'https://github.com/BerriAI/litellm/issues/27442',
    async run(ctx) {
      const findings = await grammarFindings(ctx, BLOCK_RULES);
      expect(findings === '', findings);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/events-schema',
    protocol,
    level: 'must',
    description: 'Every event data validates against its event schema.',
    spec: STREAMING_DOCS,
    async run(ctx) {
      for (const { name, capture } of await checkedStreams(ctx)) {
        okEvents(capture, `the ${name} stream`).forEach((event, i) => {
          const diagnostics = specRegistry().validate(ANTHROPIC_SCHEMA_IDS.streamEvent, event.json ?? event.data);
          expect(diagnostics.length === 0, `event ${i} (${event.type ?? '?'}): ${formatDiagnostics(diagnostics, 2)}`);
        });
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/message-start-shape',
    protocol,
    level: 'must',
    description: 'The first event is message_start with an id, the model, empty content and a null stop_reason.',
    spec: STREAMING_DOCS,
    async run(ctx) {
      const events = okEvents(await basicStream(ctx), 'the streaming request');
      const first = events[0]?.json;
      expect(first?.type === 'message_start', `the first event is ${preview(events[0]?.type)}, not message_start`);
      const message = first.message as Record<string, unknown> | undefined;
      expect(message && typeof message.id === 'string' && message.id.length > 0, 'message_start.message has no id');
      expect(typeof message.model === 'string' && message.model.length > 0, 'message_start.message has no model');
      expect(Array.isArray(message.content) && message.content.length === 0, `message_start.message.content is ${preview(message.content)}, expected []`);
      expect(message.stop_reason === null, `message_start.message.stop_reason is ${preview(message.stop_reason)}, expected null`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/sdk-events',
    protocol,
    level: 'must',
    description: 'The SDK iterating a raw stream sees message_start first, text deltas, and message_stop last.',
    spec: 'https://github.com/openclaw/openclaw/issues/37571',
    async run(ctx) {
      const stream = await anthropicClient(ctx.target).messages.create({ ...basicBody(ctx.target.model), stream: true } as never);
      const types: string[] = [];
      for await (const event of stream as unknown as AsyncIterable<{ type: string }>) types.push(event.type);
      expect(types.length > 0, 'the SDK yielded no events (frames without event: lines are dropped)');
      expect(types[0] === 'message_start', `the SDK's first event is ${preview(types[0])}`);
      expect(types[types.length - 1] === 'message_stop', `the SDK's last event is ${preview(types[types.length - 1])}`);
      expect(types.includes('content_block_delta'), 'the SDK saw no content_block_delta');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/sdk-final-message',
    protocol,
    level: 'must',
    description: 'messages.stream().finalMessage() succeeds and has the block types and stop_reason of the non-streaming reply.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/helpers.md',
    async run(ctx) {
      const streamed = await sdkStreamedMessage(ctx, 'basic', basicBody(ctx.target.model));
      const plain = okJson(await basicExchange(ctx), 'the non-streaming request') as { content?: { type: string }[]; stop_reason?: unknown };
      expect(streamed.content.length > 0, 'the streamed message has no content');
      expect(
        blockTypes(streamed.content) === blockTypes(plain.content ?? []),
        `streamed blocks [${blockTypes(streamed.content)}] differ from non-streamed [${blockTypes(plain.content ?? [])}]`,
      );
      expect(streamed.stop_reason === plain.stop_reason, `streamed stop_reason ${preview(streamed.stop_reason)} vs ${preview(plain.stop_reason)}`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/stream/sdk-text-matches-non-stream',
    protocol,
    level: 'should',
    description: 'For the same deterministic prompt, the streamed text equals the non-streamed text.',
    spec: STREAMING_DOCS,
    async run(ctx) {
      const streamed = await sdkStreamedMessage(ctx, 'basic', basicBody(ctx.target.model));
      const plain = okJson(await basicExchange(ctx), 'the non-streaming request') as { content?: { type: string; text?: string }[] };
      const text = (content: readonly { type: string; text?: string }[]) => content.filter((b) => b.type === 'text').map((b) => b.text).join('');
      const a = text(streamed.content as { type: string; text?: string }[]);
      const b = text(plain.content ?? []);
      if (a !== b) fail(`streamed ${preview(a, 80)} vs non-streamed ${preview(b, 80)}`);
    },
  }),
];
