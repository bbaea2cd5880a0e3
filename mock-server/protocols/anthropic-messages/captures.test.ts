import { describe, expect, it } from 'vitest';
import { type Capture, readCaptures } from '../../../fixtures/captures/read-captures.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { ORIGIN, sseData, streamProblems, TEST_API_KEY } from '../../test-support.ts';

// Set by the HTTP stack, not by the client: a replay through `fetch` must not copy them.
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** What a replayed thread continues from: the previous reply's id and tool_use ids, as this mock issued them. */
interface ThreadAnchor {
  readonly id: string;
  readonly toolUseIds: readonly string[];
}

/**
 * The captured request as a WHATWG Request, with the redacted credential replaced by a
 * real-looking key. A `thread: {type: "continue"}` request names ids the real API issued; the
 * replay swaps in the ids this mock issued for the previous capture of the same file.
 */
function replay(capture: Capture, anchor: ThreadAnchor | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(capture.headers)) {
    if (HOP_BY_HOP.has(name)) continue;
    if (name === 'x-api-key') headers.set(name, TEST_API_KEY);
    else if (name === 'authorization') headers.set(name, `Bearer ${TEST_API_KEY}`);
    else headers.set(name, value);
  }
  const query = new URLSearchParams(capture.query).toString();
  return new Request(`${ORIGIN}${capture.path}${query ? `?${query}` : ''}`, { method: capture.method, headers, body: continuing(capture, anchor) ?? capture.bodyText });
}

function continuing(capture: Capture, anchor: ThreadAnchor | undefined): string | undefined {
  const body = capture.body as { thread?: { type: string; previous_message_id?: string }; messages?: { content: unknown }[] } | null;
  if (body?.thread?.type !== 'continue' || !anchor) return undefined;
  let next = 0;
  const messages = body.messages?.map((m) => ({
    ...m,
    content: Array.isArray(m.content) ? m.content.map((b: { type?: string }) => (b.type === 'tool_result' ? { ...b, tool_use_id: anchor.toolUseIds[next++] ?? '' } : b)) : m.content,
  }));
  return JSON.stringify({ ...body, messages, thread: { ...body.thread, previous_message_id: anchor.id } });
}

/** The text of a reply: its text blocks, or the text deltas of its stream. */
function replyText(body: string, streaming: boolean): string {
  if (!streaming) return ((JSON.parse(body) as { content: { type: string; text?: string }[] }).content ?? []).map((b) => b.text ?? '').join('');
  return sseData(body)
    .map((e) => (e as { delta?: { type: string; text?: string } }).delta)
    .map((d) => (d?.type === 'text_delta' ? (d.text ?? '') : ''))
    .join('');
}

const captures = readCaptures().map((capture) => ({ file: capture.file, capture }));

// Captures of the routes this mock serves (other protocols' captures join as their adapters land).
const served = (c: Capture) =>
  (c.method === 'POST' && c.path === '/v1/messages') ||
  (c.method === 'POST' && c.path === '/v1/messages/count_tokens') ||
  (c.method === 'GET' && c.path.startsWith('/v1/models') && c.headers['anthropic-version'] !== undefined) ||
  (c.method === 'HEAD' && c.path === '/');

describe('captured client requests are accepted', () => {
  const mock = createMockServer({ validateOutput: 'throw' });
  const relevant = captures.filter(({ capture }) => served(capture));

  it('there are captures of every served route kind, from every client', () => {
    expect(relevant.length).toBeGreaterThanOrEqual(8);
    const clients = new Set(relevant.map((r) => r.file));
    for (const file of ['anthropic-sdk.jsonl', 'aisdk-anthropic.jsonl', 'langchain-anthropic.jsonl', 'claude-code-anthropic.jsonl', 'structured-output-clients.jsonl', 'anthropic-sdk-tool-runner.jsonl']) {
      expect(clients.has(file), file).toBe(true);
    }
    expect(relevant.some(({ capture }) => capture.query.beta === 'true')).toBe(true);
    expect(relevant.some(({ capture }) => capture.method === 'HEAD')).toBe(true);
  });

  const anchors = new Map<string, ThreadAnchor>();
  for (const { file, capture } of relevant) {
    it(`${file} #${capture.seq}: ${capture.method} ${capture.path}`, async () => {
      const res = await mock.fetch(replay(capture, anchors.get(file)));
      const text = await res.text();
      if (res.ok && text.startsWith('{')) {
        const reply = JSON.parse(text) as { id?: string; content?: { type: string; id?: string }[] };
        if (reply.id) anchors.set(file, { id: reply.id, toolUseIds: (reply.content ?? []).flatMap((b) => (b.type === 'tool_use' && b.id ? [b.id] : [])) });
      }
      expect(res.status, text.slice(0, 500)).toBeGreaterThanOrEqual(200);
      expect(res.status, text.slice(0, 500)).toBeLessThan(300);
      const streaming = (capture.body as { stream?: boolean } | null)?.stream === true;
      if (streaming) {
        expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(streamProblems(text)).toEqual([]);
      }
      const schema = (capture.body as { output_config?: { format?: { schema?: unknown } } } | null)?.output_config?.format?.schema;
      if (schema) {
        // Structured output: the reply's text is JSON valid against the requested schema.
        const compiled = compileToolSchema(schema);
        expect(compiled.ok && compiled.validate(JSON.parse(replyText(text, streaming)))).toEqual([]);
      }
    });
  }

  it('Claude Code’s request streams to message_stop', async () => {
    const claude = relevant.find(({ file, capture }) => file === 'claude-code-anthropic.jsonl' && capture.method === 'POST');
    expect(claude).toBeDefined();
    const res = await mock.fetch(replay(claude!.capture, undefined));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
    expect(text).toContain('"type":"thinking"');
    // It asked with ?beta=true: message_start and message_delta carry the beta usage.iterations.
    const events = sseData(text) as { type: string; message?: { usage: Record<string, unknown> }; usage?: Record<string, unknown> }[];
    expect(events.find((e) => e.type === 'message_start')?.message?.usage.iterations).toEqual([expect.objectContaining({ type: 'message' })]);
    expect(events.find((e) => e.type === 'message_delta')?.usage?.iterations).toEqual([expect.objectContaining({ type: 'message' })]);
  });
});
