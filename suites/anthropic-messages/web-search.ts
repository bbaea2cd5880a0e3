import { ANTHROPIC_SCHEMA_IDS } from '../../specs/anthropic-messages/index.ts';
import { expect, expectSchema, fail, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import type { ExchangeRecord } from '../harness/recorder.ts';
import { okJson } from '../harness/replies.ts';
import { eventSequence, okStream, type StreamCapture } from '../harness/stream-capture.ts';
import { requireObserved } from '../harness/verdict.ts';
import { contentOf } from './accumulate.ts';
import { requireCapabilityAccepted } from './envelope.ts';
import { expectCompleteStream, postMessages, streamMessages } from './exchanges.ts';
import { WEB_SEARCH_TOOL, webSearchBody } from './requests.ts';

/**
 * The web search server tool: the forced search turn, streamed and not, and the block grammar
 * every client reads it by: `server_tool_use` (id `srvtoolu_…`, `input.query`) → the
 * `web_search_tool_result` naming it in `tool_use_id` → the text answering from the results.
 * An optional capability: a clean 400 to the request means the target does not offer it.
 *
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/web-search-tool
 */

type Block = Record<string, unknown>;
const p = (name: string) => `anthropic-messages/${name}`;

const SERVER_TOOL_USE = `${ANTHROPIC_SCHEMA_IDS.contentBlocks}#/$defs/ServerToolUseBlock`;
const WEB_SEARCH_RESULT = `${ANTHROPIC_SCHEMA_IDS.contentBlocks}#/$defs/WebSearchToolResultBlock`;
const GRAMMAR = 'server_tool_use (srvtoolu_ id, input.query) → web_search_tool_result (same tool_use_id) → text';
/** Stop reasons that end a turn before it is whole: its missing pieces were not observed. */
const UNFINISHED = new Set(['max_tokens', 'pause_turn', 'tool_use']);

/** The forced web search, not streamed. A clean 400 (no web search on this target) skips every web search check. */
export const webSearchReply = defineExchange({
  id: p('web-search'),
  owner: p('server-tools/web-search'),
  description: 'POST /v1/messages forcing the web_search server tool',
  make: async ({ target }) => {
    const exchange = await postMessages(target, webSearchBody(target.model));
    requireCapabilityAccepted(exchange, `offer the ${WEB_SEARCH_TOOL.type} server tool`);
    return { exchange, message: okJson(exchange, 'the web search request') };
  },
});

/**
 * The forced web search, once it ran: the non-streamed reply has a server_tool_use block. A
 * target that answers the forced search with text is one failure (server-tools/web-search); the
 * streamed and usage checks, which need a search to look at, are blocked by it.
 */
export const webSearchRan = defineExchange({
  id: p('web-search:ran'),
  owner: p('server-tools/web-search'),
  description: 'the server_tool_use block of the forced web search reply',
  make: async ({ use }) => {
    const reply = await use(webSearchReply);
    const types = contentOf(reply.message).map((b) => String(b.type));
    expect(types.includes('server_tool_use'), `no server_tool_use block: the forced web_search tool was never run (blocks: ${types.join(', ') || 'none'})`, {
      expected: GRAMMAR,
      actual: `blocks: ${types.join(', ') || 'none'}`,
      exchange: reply.exchange.record,
    });
    return reply;
  },
});

/** The forced web search, streamed to its end (only once the target ran it unstreamed). */
export const webSearchStream = defineExchange({
  id: p('stream:web-search'),
  owner: p('server-tools/web-search-stream'),
  description: 'POST /v1/messages (stream: true) forcing the web_search server tool',
  make: async ({ target, use }) => {
    await use(webSearchRan);
    const capture = okStream(await streamMessages(target, webSearchBody(target.model)), 'the web search stream');
    await expectCompleteStream(use, capture, 'web search');
    return capture;
  },
});

/**
 * Fails unless `content` is a whole web search turn: every `server_tool_use` is a web search
 * with a query and gets its `web_search_tool_result` (same `tool_use_id`, results or an error
 * object), no result names an unknown call, and a turn that ended on its own answers in text
 * after the last result. A turn cut short (max_tokens, pause_turn) is judged as far as it went.
 */
export function expectWebSearchTurn(content: readonly (Block | undefined)[], stopReason: unknown, where: string, exchange: ExchangeRecord | undefined): void {
  const on = { exchange };
  const blocks = content.map((b) => b ?? {});
  const types = blocks.map((b) => String(b.type));
  expect(types.includes('server_tool_use'), `${where}: no server_tool_use block, so the forced web_search tool was never run (blocks: ${types.join(', ') || 'none'})`, {
    ...on,
    expected: GRAMMAR,
    actual: `blocks: ${types.join(', ') || 'none'}`,
  });
  const pending = new Map<string, number>();
  let lastResult = -1;
  blocks.forEach((block, i) => {
    if (block.type === 'server_tool_use') {
      expectSchema(SERVER_TOOL_USE, block, `${where}: block ${i} (server_tool_use)`, on);
      expect(block.name === WEB_SEARCH_TOOL.name, `${where}: block ${i} calls server tool ${preview(block.name)}, expected ${WEB_SEARCH_TOOL.name}`, { ...on, expected: WEB_SEARCH_TOOL.name, actual: preview(block.name) });
      const query = (block.input as Block).query;
      expect(typeof query === 'string' && query.trim() !== '', `${where}: block ${i} (server_tool_use) has no input.query: ${preview(block.input)}`, { ...on, expected: 'input: {"query": "…"}', actual: preview(block.input) });
      pending.set(block.id as string, i);
    }
    if (block.type === 'web_search_tool_result') {
      expectSchema(WEB_SEARCH_RESULT, block, `${where}: block ${i} (web_search_tool_result)`, on);
      const call = pending.get(block.tool_use_id as string);
      expect(call !== undefined, `${where}: block ${i} (web_search_tool_result) names tool_use_id ${preview(block.tool_use_id)}, which no earlier server_tool_use has (calls: ${preview([...pending.keys()])})`, {
        ...on,
        expected: `a tool_use_id among ${preview([...pending.keys()])}`,
        actual: preview(block.tool_use_id),
      });
      pending.delete(block.tool_use_id as string);
      lastResult = i;
    }
  });
  if (pending.size > 0) {
    requireObserved(!UNFINISHED.has(String(stopReason)), `${where} ended (stop_reason ${preview(stopReason)}) before the result of ${[...pending.keys()].join(', ')} came`);
    fail(`${where}: server_tool_use ${[...pending.keys()].join(', ')} never gets its web_search_tool_result (stop_reason ${preview(stopReason)})`, {
      ...on,
      expected: GRAMMAR,
      actual: `blocks: ${types.join(', ')}`,
    });
  }
  if (stopReason === 'end_turn') {
    expect(types.slice(lastResult + 1).includes('text'), `${where}: the turn ends (end_turn) without answering in text after the search result`, { ...on, expected: GRAMMAR, actual: `blocks: ${types.join(', ')}` });
  }
}

/**
 * Fails unless, in a streamed turn, each `web_search_tool_result` arrives whole in its
 * `content_block_start` and gets no delta: the SDK's accumulator, the AI SDK and Claude Code read
 * the results there and drop deltas on such blocks.
 */
export function expectResultsArriveWhole(capture: StreamCapture): void {
  const { events } = capture;
  const on = { exchange: capture.exchange.record };
  const results = events.filter((e) => e.type === 'content_block_start' && (e.json?.content_block as Block | undefined)?.type === 'web_search_tool_result');
  for (const start of results) {
    const index = start.json?.index;
    const block = start.json?.content_block as Block;
    const deltas = events.filter((e) => e.type === 'content_block_delta' && e.json?.index === index);
    expect(deltas.length === 0, `the web_search_tool_result block (index ${String(index)}) gets ${deltas.length} content_block_delta events: its results must arrive whole in content_block_start`, {
      ...on,
      expected: 'content_block_start carrying the whole result, then content_block_stop',
      actual: `content_block_start ${preview(block, 200)}, then ${eventSequence(deltas)}`,
    });
  }
}

/** Every shared exchange of the web search checks. */
export const webSearchExchanges: readonly SharedExchange<unknown>[] = [webSearchReply, webSearchRan, webSearchStream];
