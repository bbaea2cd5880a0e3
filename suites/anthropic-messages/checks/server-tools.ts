import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { eventSequence, eventsOf } from '../../harness/stream-capture.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { accumulate, contentOf } from '../accumulate.ts';
import { BLOCK_RULES, grammarDiagnostics, judgeAfterRoot, ORDER_RULES, streamsIndexed, streamsOrdered, streamTextFaithful } from '../stream-conventions.ts';
import { expectResultsArriveWhole, expectWebSearchTurn, webSearchRan, webSearchStream } from '../web-search.ts';

const WEB_SEARCH_DOCS = 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/web-search-tool';
const protocol = 'anthropic-messages';

type Block = Record<string, unknown>;
const GRAMMAR_RULES = new Set([...ORDER_RULES, ...BLOCK_RULES]);

/** Whether a turn's content holds a search that returned results (not an error object). */
function searched(content: readonly (Block | undefined)[]): boolean {
  return content.some((b) => b?.type === 'web_search_tool_result' && Array.isArray(b.content));
}

/** Fails unless `usage.server_tool_use.web_search_requests` counts at least one search. */
function expectSearchCounted(usage: unknown, where: string): void {
  const counted = ((usage as Block | undefined)?.server_tool_use as Block | null | undefined)?.web_search_requests;
  expect(typeof counted === 'number' && Number.isInteger(counted) && counted >= 1, `${where} usage.server_tool_use.web_search_requests is ${preview(counted)} after a search that returned results`, {
    expected: 'usage.server_tool_use: {web_search_requests: ≥ 1, …}',
    actual: `usage.server_tool_use = ${preview((usage as Block | undefined)?.server_tool_use)}`,
  });
}

/**
 * Server tools (web search), an optional capability: skipped when the target answers the forced
 * web search with a clean 400; once it accepts it, the whole block grammar binds, streamed and
 * not, with the usage counter the API bills by.
 */
export const serverToolsChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/server-tools/web-search',
    protocol,
    level: 'must',
    description: 'A forced web_search answers server_tool_use (srvtoolu_ id, input.query) → web_search_tool_result with the same tool_use_id → text (skipped on a clean 400).',
    spec: WEB_SEARCH_DOCS,
    // The AI SDK turns the pair into a provider-executed tool call and its result, matched by
    // tool_use_id; a call without its result is replayed unpaired in the next step.
    clients: ['vercel-ai-sdk'],
    tags: ['tools', 'server-tools'],
    async run(ctx) {
      const { exchange, message } = await ctx.use(webSearchRan);
      expectWebSearchTurn(contentOf(message), message.stop_reason, 'the reply', exchange.record);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/server-tools/web-search-stream',
    protocol,
    level: 'must',
    description: 'Streamed, the web search turn has the same grammar, blocks at indices 0, 1, 2…, the query in input_json_delta and the result whole in its content_block_start, without deltas.',
    spec: `${WEB_SEARCH_DOCS}#streaming`,
    // All three read the result from its content_block_start and ignore deltas on it: the SDK's
    // MessageStream (only tool_use/server_tool_use take input_json_delta), the AI SDK's stream
    // parser, and Claude Code's WebSearch tool (forced web_search, results counted at the start;
    // Web Search failing through proxies: router-for-me/CLIProxyAPI#364).
    clients: ['anthropic-sdk', 'vercel-ai-sdk', 'claude-code'],
    tags: ['tools', 'server-tools', 'streaming'],
    async run(ctx) {
      const capture = await ctx.use(webSearchStream);
      const findings = grammarDiagnostics(capture.events, GRAMMAR_RULES);
      if (findings.length > 0) {
        // Events out of order or blocks misnumbered in every stream are stream/event-order's or
        // stream/block-indices' failure, not this one's.
        await ctx.use(streamsOrdered);
        await ctx.use(streamsIndexed);
        fail(`the web search stream: ${formatDiagnostics(findings, 3)}`, {
          expected: 'message_start, blocks opened at indices 0, 1, 2… and each closed before the next, the server_tool_use input in input_json_delta, message_delta, message_stop',
          actual: `events: ${eventSequence(capture.events)}`,
          exchange: capture.exchange.record,
        });
      }
      expectResultsArriveWhole(capture);
      const { content, stopReason } = accumulate(capture.events);
      await judgeAfterRoot(ctx.use, streamTextFaithful, () => expectWebSearchTurn(content, stopReason, 'the streamed reply', capture.exchange.record));
    },
  }),
  defineCheck({
    id: 'anthropic-messages/server-tools/web-search-usage',
    protocol,
    level: 'must',
    description: 'After a web search, usage.server_tool_use.web_search_requests ≥ 1 in the Message and in the final message_delta.',
    spec: `${WEB_SEARCH_DOCS}#usage-and-pricing`,
    // Claude Code prices each search from usage.server_tool_use.web_search_requests ($0.01 each)
    // in its session cost; the SDK's MessageStream copies it from message_delta into finalMessage().
    clients: ['claude-code', 'anthropic-sdk'],
    tags: ['server-tools', 'usage'],
    async run(ctx) {
      const { message } = await ctx.use(webSearchRan);
      requireObserved(searched(contentOf(message)), 'the reply holds no web search result, so no search was billed');
      expectSearchCounted(message.usage, 'the Message');
      const { events } = await ctx.use(webSearchStream);
      requireObserved(searched(accumulate(events).content), 'the streamed reply holds no web search result, so no search was billed');
      const deltas = eventsOf(events, 'message_delta');
      expectSearchCounted(deltas[deltas.length - 1]?.json?.usage, 'the final message_delta');
    },
  }),
];
