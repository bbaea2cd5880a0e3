import { ANTHROPIC_STREAM_EVENTS, anthropicStreamGrammar } from '../../specs/anthropic-messages/index.ts';
import type { Diagnostic } from '../../specs/tooling/diagnostic.ts';
import { formatDiagnostics } from '../../specs/tooling/diagnostic.ts';
import { checkStreamGrammar } from '../../specs/tooling/stream-grammar.ts';
import { expect, fail, preview } from '../harness/assert.ts';
import { CheckFailure } from '../harness/check.ts';
import { defineExchange, type SharedExchange, type UseExchange } from '../harness/exchange.ts';
import { eventSequence, type ParsedEvent } from '../harness/stream-capture.ts';
import { accumulate, textOf } from './accumulate.ts';
import { basicReply, basicStreamComplete, bothStreams, toolStreamComplete } from './exchanges.ts';

/**
 * Conventions every Anthropic stream repeats (the block grammar; streamed text equal to the
 * non-streamed text), each checked once on the basic streams and owned by the check about it.
 * A check about another stream (web search, structured output) that meets the same deviation
 * consults the convention first: when the basic streams break it too, the check is blocked by
 * its owner (one deviation, one failure); when only its own stream does, the check fails.
 */

const p = (name: string) => `anthropic-messages/${name}`;

const KNOWN = new Set<string>(ANTHROPIC_STREAM_EVENTS);
/** The grammar rules about the order of events (stream/event-order). */
export const ORDER_RULES: ReadonlySet<string> = new Set(['grammar.order', 'grammar.incomplete', 'grammar.after-end']);
/** The grammar rules about content blocks: indices, open/closed, delta types (stream/block-indices). */
export const BLOCK_RULES: ReadonlySet<string> = new Set(['grammar.block-index', 'grammar.block-closed', 'grammar.delta-type']);

/**
 * The stream grammar's findings of some rules. Unknown event types are dropped first: the docs
 * tell clients to handle them gracefully, so a server may send new ones.
 */
export function grammarDiagnostics(events: readonly ParsedEvent[], rules: ReadonlySet<string>): Diagnostic[] {
  const documented = events.filter((e) => KNOWN.has(e.type ?? '')).map((e) => ({ type: e.type!, data: e.json }));
  return checkStreamGrammar(anthropicStreamGrammar, documented).filter((d) => rules.has(d.keyword));
}

/** Fails unless the text and tool streams follow the grammar rules `rules`. */
async function expectBothStreamsFollow(use: UseExchange, rules: ReadonlySet<string>): Promise<void> {
  await use(basicStreamComplete);
  await use(toolStreamComplete);
  for (const { name, capture } of await bothStreams(use)) {
    const diagnostics = grammarDiagnostics(capture.events, rules);
    if (diagnostics.length > 0) {
      fail(`${name} stream: ${formatDiagnostics(diagnostics, 3)}`, { actual: `events: ${eventSequence(capture.events)}`, exchange: capture.exchange.record });
    }
  }
}

/** The convention root of event order: the text and tool streams' sequence of events (stream/event-order). */
export const streamsOrdered = defineExchange({
  id: p('streams:event-order'),
  owner: p('stream/event-order'),
  description: 'the order of events of the text and tool streams',
  make: ({ use }) => expectBothStreamsFollow(use, ORDER_RULES),
});

/** The convention root of the block grammar: the text and tool streams' blocks (stream/block-indices). */
export const streamsIndexed = defineExchange({
  id: p('streams:block-grammar'),
  owner: p('stream/block-indices'),
  description: 'the content blocks of the text and tool streams (indices, delta types)',
  make: ({ use }) => expectBothStreamsFollow(use, BLOCK_RULES),
});

/**
 * The convention root of streamed text: the basic stream's text deltas add up to the
 * non-streamed reply's text (stream/sdk-text-matches-non-stream).
 */
export const streamTextFaithful = defineExchange({
  id: p('streams:text'),
  owner: p('stream/sdk-text-matches-non-stream'),
  description: 'the text of the basic stream against the non-streamed reply',
  make: async ({ use }) => {
    const plain = textOf((await use(basicReply)).message.content);
    const { events, exchange } = await use(basicStreamComplete);
    const streamed = textOf(accumulate(events).content);
    expect(streamed === plain, `the basic stream's text deltas add up to ${preview(streamed, 80)}, the non-streamed reply says ${preview(plain, 80)}`, {
      expected: preview(plain),
      actual: preview(streamed),
      exchange: exchange.record,
    });
  },
});

/**
 * Runs `judge`; when it fails, consults the convention `root` first (blocked by its owner when
 * the basic streams show the same deviation), then reports the failure.
 */
export async function judgeAfterRoot(use: UseExchange, root: SharedExchange<unknown>, judge: () => void): Promise<void> {
  try {
    judge();
  } catch (error) {
    if (error instanceof CheckFailure) await use(root);
    throw error;
  }
}

/** The conventions' roots (shared exchanges of the suite). */
export const streamConventionExchanges: readonly SharedExchange<unknown>[] = [streamsOrdered, streamsIndexed, streamTextFaithful];
