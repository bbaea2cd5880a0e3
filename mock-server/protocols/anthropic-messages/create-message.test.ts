import { describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { countTokens } from '../../core/token-estimator.ts';
import {
  anthropicRequest,
  joinDeltas,
  messageBody,
  parseSse,
  sseData,
  streamProblems,
  toolBody,
  validateAnthropic,
  WEATHER_SCHEMA,
} from '../../test-support.ts';

const mock = createMockServer({ seed: 'create-message' });
const PROMPT = 'Hello there, mock.';

async function json(body: unknown, headers: Record<string, string | null> = {}, path?: string) {
  const res = await mock.fetch(anthropicRequest(body, headers, path));
  expect(res.status).toBe(200);
  return { res, message: (await res.json()) as Record<string, unknown> };
}

async function stream(body: Record<string, unknown>, headers: Record<string, string | null> = {}) {
  const res = await mock.fetch(anthropicRequest({ ...body, stream: true }, headers));
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
}

describe('POST /v1/messages (JSON)', () => {
  it('answers a schema-valid Message echoing the prompt', async () => {
    const { res, message } = await json(messageBody(PROMPT));
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('request-id')).toMatch(/^req_011C[0-9A-Za-z]{20}$/);
    expect(validateAnthropic('message', message)).toEqual([]);
    expect(message).toMatchObject({
      model: 'claude-sonnet-4-6',
      id: expect.stringMatching(/^msg_01[0-9A-Za-z]{22}$/),
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: PROMPT }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { output_tokens: countTokens(PROMPT), cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
  });

  it('reports the stop sequence and max_tokens as the API spells them', async () => {
    const stopped = (await json(messageBody(PROMPT, { stop_sequences: ['mock'] }))).message;
    expect(stopped).toMatchObject({ content: [{ type: 'text', text: 'Hello there, ' }], stop_reason: 'stop_sequence', stop_sequence: 'mock' });
    const cut = (await json(messageBody(PROMPT, { max_tokens: 2 }))).message;
    expect(cut).toMatchObject({ content: [{ type: 'text', text: 'Hell' + 'o' }], stop_reason: 'max_tokens', usage: { output_tokens: 2 } });
  });

  it('answers a forced tool call whose input validates against the tool schema', async () => {
    const { message } = await json(toolBody(WEATHER_SCHEMA));
    expect(validateAnthropic('message', message)).toEqual([]);
    const content = message.content as Record<string, unknown>[];
    expect(content).toEqual([{ type: 'tool_use', id: expect.stringMatching(/^toolu_01[0-9A-Za-z]{22}$/), name: 'get_weather', input: expect.any(Object), caller: { type: 'direct' } }]);
    const compiled = compileToolSchema(WEATHER_SCHEMA);
    expect(compiled.ok && compiled.validate(content[0]?.input)).toEqual([]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('answers thinking first, then text', async () => {
    const { message } = await json(messageBody(PROMPT, { max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 } }));
    expect(validateAnthropic('message', message)).toEqual([]);
    expect((message.content as { type: string }[]).map((b) => b.type)).toEqual(['thinking', 'text']);
  });

  it('accepts ?beta=true (Stainless SDKs’ client.beta.*) and refuses other values', async () => {
    await json(messageBody(PROMPT), {}, '/v1/messages?beta=true');
    const res = await mock.fetch(anthropicRequest(messageBody(PROMPT), {}, '/v1/messages?beta=maybe'));
    expect(res.status).toBe(400);
  });

  it('answers JSON when stream is false, whatever the Accept header says', async () => {
    const { res } = await json(messageBody(PROMPT, { stream: false }), { accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toBe('application/json');
  });
});

describe('POST /v1/messages (stream)', () => {
  it('sends these exact bytes for a short prompt', async () => {
    const { res, text } = await stream(messageBody('Hi there'));
    const id = String(((sseData(text)[0] as { message: { id: string } }).message).id);
    expect(id).toMatch(/^msg_01[0-9A-Za-z]{22}$/);
    const frame = (event: string, data: string) => `event: ${event}\ndata: ${data}\n\n`;
    const delta = (t: string) => frame('content_block_delta', `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${t}"}}`);
    const usage = '"input_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":0';
    expect(text).toBe(
      frame(
        'message_start',
        `{"type":"message_start","message":{"model":"claude-sonnet-4-6","id":"${id}","type":"message","role":"assistant","content":[],"stop_reason":null,"stop_sequence":null,"stop_details":null,"usage":{${usage},"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":1,"server_tool_use":null,"service_tier":"standard","inference_geo":"not_available","speed":"standard"},"container":null,"diagnostics":null}}`,
      ) +
        frame('content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":"","citations":null}}') +
        frame('ping', '{"type": "ping"}') +
        delta('Hi') +
        delta(' ther') +
        delta('e') +
        frame('content_block_stop', '{"type":"content_block_stop","index":0}') +
        frame('message_delta', `{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null,"stop_details":null,"container":null},"usage":{${usage},"output_tokens":3,"server_tool_use":null}}`) +
        frame('message_stop', '{"type":"message_stop"}'),
    );
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('request-id')).toMatch(/^req_011C/);
  });

  it('names every event after its data type, never sends [DONE], and passes schema and grammar', async () => {
    const { text } = await stream(messageBody(PROMPT));
    for (const frame of parseSse(text)) expect(frame.event).toBe((JSON.parse(frame.data) as { type: string }).type);
    expect(text).not.toContain('[DONE]');
    expect(streamProblems(text)).toEqual([]);
    expect(joinDeltas(text, 'text_delta', 'text')).toBe(PROMPT);
  });

  it('streams when stream is true even with Accept: application/json (what the SDKs send)', async () => {
    const { res, text } = await stream(messageBody(PROMPT), { accept: 'application/json' });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(text.startsWith('event: message_start\n')).toBe(true);
  });

  it('streams a tool call as input_json_delta pieces that parse to a valid input', async () => {
    const { text } = await stream(toolBody(WEATHER_SCHEMA));
    expect(streamProblems(text)).toEqual([]);
    const pieces = sseData(text).filter((e) => e.type === 'content_block_delta');
    expect((pieces[0]?.delta as { partial_json: string }).partial_json).toBe('');
    const input = JSON.parse(joinDeltas(text, 'input_json_delta', 'partial_json')) as unknown;
    const compiled = compileToolSchema(WEATHER_SCHEMA);
    expect(compiled.ok && compiled.validate(input)).toEqual([]);
    expect(sseData(text).find((e) => e.type === 'message_delta')).toMatchObject({ delta: { stop_reason: 'tool_use' } });
  });

  it('streams thinking deltas, then the signature, then the text', async () => {
    const { text } = await stream(messageBody(PROMPT, { max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 } }));
    expect(streamProblems(text)).toEqual([]);
    const kinds = sseData(text)
      .filter((e) => e.type === 'content_block_delta')
      .map((e) => (e.delta as { type: string }).type);
    const firstText = kinds.indexOf('text_delta');
    expect(kinds.indexOf('signature_delta')).toBe(firstText - 1);
    expect(kinds.slice(0, firstText - 1).every((k) => k === 'thinking_delta')).toBe(true);
    expect(joinDeltas(text, 'thinking_delta', 'thinking').length).toBeGreaterThan(0);
  });

  it('the stream and the JSON reply report the same usage and content', async () => {
    const body = messageBody(PROMPT, { max_tokens: 4 });
    const { message } = await json(body);
    const { text } = await stream(body);
    const delta = sseData(text).find((e) => e.type === 'message_delta') as { usage: Record<string, number> };
    const usage = message.usage as Record<string, number>;
    expect(delta.usage.output_tokens).toBe(usage.output_tokens);
    expect(delta.usage.input_tokens).toBe(usage.input_tokens);
    expect(joinDeltas(text, 'text_delta', 'text')).toBe((message.content as { text: string }[])[0]?.text);
  });

  it('with max_tokens 0 sends a stream without content blocks that is still well-formed', async () => {
    const { text } = await stream(messageBody(PROMPT, { max_tokens: 0 }));
    expect(streamProblems(text)).toEqual([]);
    expect(sseData(text).map((e) => e.type)).toEqual(['message_start', 'ping', 'message_delta', 'message_stop']);
  });
});
