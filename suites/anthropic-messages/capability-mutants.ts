import { defineMutant, mapEvents, mapJson, type Mutant, type SeenReply, type SeenRequest, withRequestJson } from '../harness/mutant.ts';
import { dataOf, editBlocks, editEvents, id, isMessages, type Json } from './mutant-helpers.ts';

/**
 * Mutants of the optional capabilities the mock offers (server tools, structured output): each
 * applies only to the requests that use the capability, so the rest of the suite stays clean.
 */

const isServerTool = (tool: unknown) => /^web_search_\d{8}$/.test(String((tool as Json | undefined)?.type));
const usesWebSearch = (r: SeenRequest) => isMessages(r) && Array.isArray(r.json?.tools) && r.json.tools.some(isServerTool);
const formatOf = (r: SeenRequest) => (r.json?.output_config as Json | undefined)?.format as Json | undefined;

/** The request without `output_config` (the mock then echoes the prompt as text). */
function withoutOutputConfig(r: SeenRequest): SeenRequest {
  const { output_config: _dropped, ...rest } = r.json ?? {};
  return withRequestJson(r, rest);
}

/** Rewrites a reply's text, streamed (all in the first text_delta) or not. */
function rewriteText(reply: SeenReply, rewrite: (text: string) => string): SeenReply {
  const json = editBlocks(reply, (b) => (b.type === 'text' ? { ...b, text: rewrite(String(b.text)) } : b));
  return mapEvents(json, (events) => {
    const deltas = events.map((e) => dataOf(e)?.delta as Json | undefined).filter((d) => d?.type === 'text_delta') as Json[];
    const text = rewrite(deltas.map((d) => String(d.text)).join(''));
    deltas.forEach((delta, i) => {
      delta.text = i === 0 ? text : '';
    });
    return events;
  });
}

/** A JSON text without its `key` (the text unchanged when it is not a JSON object). */
function dropKey(text: string, key: string): string {
  try {
    const { [key]: _dropped, ...rest } = JSON.parse(text) as Json;
    return JSON.stringify(rest);
  } catch {
    return text;
  }
}

/** Rewrites every web_search_tool_result block, streamed (in its content_block_start) or not. */
function editSearchResults(reply: SeenReply, edit: (block: Json) => Json): SeenReply {
  const json = editBlocks(reply, (b) => (b.type === 'web_search_tool_result' ? edit(b) : b));
  return editEvents(json, ['content_block_start'], (d) => {
    if ((d.content_block as Json).type === 'web_search_tool_result') d.content_block = edit(d.content_block as Json);
  });
}

/** Another server tool id than the call's, of the right form (the last character changed). */
const otherId = (value: unknown) => String(value).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));

export const capabilityMutants: Mutant[] = [
  // ---- server tools -----------------------------------------------------------------------
  defineMutant({
    id: 'server-tool-dropped',
    description: 'Anthropic server tools are dropped on the way upstream: a forced web_search is answered with text (the mock before issue 6; proxies translating to OpenAI Chat).',
    // One failure: the streamed and usage checks need a search that ran, and are blocked.
    breaks: [id('server-tools/web-search')],
    request: (r) => {
      if (!usesWebSearch(r) || !r.json) return r;
      const { tools, tool_choice: _forced, ...rest } = r.json;
      const kept = (tools as unknown[]).filter((t) => !isServerTool(t));
      return withRequestJson(r, kept.length > 0 ? { ...rest, tools: kept } : rest);
    },
  }),
  defineMutant({
    id: 'server-tool-result-wrong-id',
    description: 'The web_search_tool_result names another tool_use_id than its server_tool_use (a gateway re-minting ids on one block only).',
    breaks: [id('server-tools/web-search'), id('server-tools/web-search-stream')],
    reply: (reply, r) => (usesWebSearch(r) ? editSearchResults(reply, (b) => ({ ...b, tool_use_id: otherId(b.tool_use_id) })) : reply),
  }),
  defineMutant({
    id: 'server-tool-id-toolu',
    description: 'Server tool calls get client tool ids (toolu_…), which the API rejects when the turn is sent back.',
    breaks: [id('server-tools/web-search'), id('server-tools/web-search-stream')],
    reply: (reply, r) => {
      if (!usesWebSearch(r)) return reply;
      const rename = (value: unknown) => String(value).replace(/^srvtoolu_/, 'toolu_');
      const results = editSearchResults(reply, (b) => ({ ...b, tool_use_id: rename(b.tool_use_id) }));
      const calls = editBlocks(results, (b) => (b.type === 'server_tool_use' ? { ...b, id: rename(b.id) } : b));
      return editEvents(calls, ['content_block_start'], (d) => {
        const block = d.content_block as Json;
        if (block.type === 'server_tool_use') block.id = rename(block.id);
      });
    },
  }),
  defineMutant({
    id: 'server-tool-usage-missing',
    description: 'usage.server_tool_use is dropped from the Message and message_delta, so searches go unbilled (gateways that re-serialise usage through their own types).',
    breaks: [id('server-tools/web-search-usage')],
    reply: (reply, r) => {
      if (!usesWebSearch(r)) return reply;
      const strip = (usage: unknown) => {
        const { server_tool_use: _dropped, ...rest } = (usage ?? {}) as Json;
        return rest;
      };
      const json = mapJson(reply, (m) => ({ ...m, usage: strip(m.usage) }));
      return editEvents(json, ['message_start', 'message_delta'], (d) => {
        if (d.type === 'message_start') (d.message as Json).usage = strip((d.message as Json).usage);
        else d.usage = strip(d.usage);
      });
    },
  }),
  defineMutant({
    id: 'server-tool-result-as-deltas',
    description: 'The web_search_tool_result block opens empty and streams its results as input_json_delta (a gateway re-chunking every block), which clients drop.',
    breaks: [id('server-tools/web-search-stream')],
    reply: (reply, r) =>
      usesWebSearch(r)
        ? mapEvents(reply, (events) =>
            events.flatMap((e) => {
              const data = dataOf(e);
              const block = data?.content_block as Json | undefined;
              if (data?.type !== 'content_block_start' || block?.type !== 'web_search_tool_result') return [e];
              const json = JSON.stringify(block.content);
              const half = Math.floor(json.length / 2);
              const delta = (partial_json: string) => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index: data.index, delta: { type: 'input_json_delta', partial_json } } });
              return [{ ...e, data: { ...data, content_block: { ...block, content: [] } } }, delta(json.slice(0, half)), delta(json.slice(half))];
            }),
          )
        : reply,
  }),
  // ---- structured output ------------------------------------------------------------------
  defineMutant({
    id: 'structured-output-ignored',
    description: 'output_config.format is accepted and ignored: the reply is free text (issue 6: the mock echoed the prompt; AI SDK generateObject failed to parse it).',
    breaks: [id('structured-output/json-schema'), id('structured-output/json-schema-stream')],
    request: (r) => (formatOf(r) ? withoutOutputConfig(r) : r),
  }),
  defineMutant({
    id: 'structured-output-ignored-when-streaming',
    description: 'output_config.format is honoured only without stream: true (a gateway translating it on one path only).',
    breaks: [id('structured-output/json-schema-stream')],
    request: (r) => (formatOf(r) && r.json?.stream === true ? withoutOutputConfig(r) : r),
  }),
  defineMutant({
    id: 'structured-output-breaks-required',
    description: 'The structured JSON lacks a property the schema requires (a model prompted for JSON instead of constrained to the schema).',
    breaks: [id('structured-output/json-schema'), id('structured-output/json-schema-stream')],
    reply: (reply, r) => {
      const required = (formatOf(r)?.schema as Json | undefined)?.required;
      return Array.isArray(required) && typeof required[0] === 'string' ? rewriteText(reply, (text) => dropKey(text, required[0] as string)) : reply;
    },
  }),
];
