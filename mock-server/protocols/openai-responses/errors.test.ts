import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { CHAT_MODEL, expectOpenAIError, OPENAI_TEST_KEY, responsesGet, responsesRequest } from './test-support.ts';

const mock = createMockServer({ seed: 'responses-errors', validateOutput: 'throw' });
const send = (request: Request) => mock.fetch(request);
const body = { model: CHAT_MODEL, input: 'hi' };

describe('OpenAI Responses errors: credentials', () => {
  it('401 without a Bearer key, in the OpenAI envelope', async () => {
    await expectOpenAIError(await send(responsesRequest(body, '/v1/responses', { authorization: null })), {
      status: 401,
      code: null,
      message: /^You didn't provide an API key\./,
    });
  });

  it('401 invalid_api_key for a key not in apiKeys; 200 for a listed one', async () => {
    const strict = createMockServer({ apiKeys: [OPENAI_TEST_KEY] });
    await expectOpenAIError(await strict.fetch(responsesRequest(body, '/v1/responses', { authorization: 'Bearer sk-wrong' })), {
      status: 401,
      code: 'invalid_api_key',
      message: /^Incorrect API key provided/,
    });
    expect((await strict.fetch(responsesRequest(body))).status).toBe(200);
  });
});

describe('OpenAI Responses errors: body', () => {
  it('400 for invalid JSON, an empty body, and JSON that is not an object', async () => {
    for (const raw of ['{"model":', '', '[]', 'null', '"hi"', '42']) {
      const res = await send(responsesRequest(raw));
      expect(res.status, raw).toBe(400);
      await expectOpenAIError(res, { status: 400, message: /./ });
    }
  });

  it('400 naming a missing or unknown parameter the way the API words it', async () => {
    await expectOpenAIError(await send(responsesRequest({ input: 'hi' })), { status: 400, code: 'missing_required_parameter', param: 'model', message: "Missing required parameter: 'model'." });
    await expectOpenAIError(await send(responsesRequest({ ...body, messages: [] })), { status: 400, code: 'unknown_parameter', param: 'messages', message: 'Unrecognized request argument supplied: messages' });
    await expectOpenAIError(await send(responsesRequest({ ...body, max_output_tokens: '10' })), { status: 400, code: 'invalid_type', param: 'max_output_tokens', message: /^Invalid type for 'max_output_tokens'/ });
    await expectOpenAIError(await send(responsesRequest({ model: CHAT_MODEL, input: [{ role: 'assistant', content: [{ type: 'input_text', text: 'x' }] }] })), {
      status: 400,
      param: 'input[0].content[0]',
      message: /'output_text', 'refusal'/,
    });
  });

  it('413 past maxBodyBytes', async () => {
    const small = createMockServer({ maxBodyBytes: 200 });
    await expectOpenAIError(await small.fetch(responsesRequest({ ...body, input: 'x'.repeat(300) })), { status: 413, message: /larger than the maximum/ });
  });
});

describe('OpenAI Responses errors: routes', () => {
  it('404 in the OpenAI envelope for unknown paths under /v1/responses, 405 for a wrong method', async () => {
    await expectOpenAIError(await send(responsesGet('/v1/responses/resp_1/nope')), { status: 404, message: 'Invalid URL (GET /v1/responses/resp_1/nope)' });
    await expectOpenAIError(await send(responsesGet('/v1/responses')), { status: 405, message: 'Invalid URL (GET /v1/responses)' });
    await expectOpenAIError(await send(responsesRequest(body, '/v1/responses/resp_1')), { status: 405, message: 'Invalid URL (POST /v1/responses/resp_1)' });
  });
});

describe('hostile input', () => {
  /** Bodies a fuzzer or a broken gateway sends: each must get a clean 4xx, never a 5xx. */
  const HOSTILE: unknown[] = [
    { model: CHAT_MODEL },
    { model: CHAT_MODEL, input: [] },
    { model: CHAT_MODEL, input: [null] },
    { model: CHAT_MODEL, input: [{}] },
    { model: CHAT_MODEL, input: [{ type: 'message' }] },
    { model: CHAT_MODEL, input: [{ role: 'user', content: [{}] }] },
    { model: CHAT_MODEL, input: [{ type: 'function_call_output', call_id: 'c', output: { nested: true } }] },
    { model: CHAT_MODEL, input: [{ type: 'reasoning', summary: [], encrypted_content: 'TENSMQ==.x' }] },
    { model: CHAT_MODEL, input: [{ type: 'reasoning', summary: [], encrypted_content: 'TENSM%%%%' }] },
    { model: CHAT_MODEL, input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: 'not json' }, { type: 'function_call_output', call_id: 'c', output: 'ok' }] },
    { model: CHAT_MODEL, input: 'x', tools: [{ type: 'function', name: 'f', parameters: { type: 'object', properties: { a: { $ref: '#/nowhere' } } } }], tool_choice: 'required' },
    { model: CHAT_MODEL, input: 'x', tools: [{ type: 'function', name: 'f', parameters: { type: 'object', properties: { a: { type: 'string', pattern: '(a+)+$' } }, required: ['a'] } }], tool_choice: 'required' },
    { model: CHAT_MODEL, input: 'x', text: { format: { type: 'json_schema', name: 'x', schema: { type: 'object', properties: { deep: { $ref: '#' } } } } } },
    { model: CHAT_MODEL, input: 'x', previous_response_id: '../../etc/passwd' },
    { model: CHAT_MODEL, input: 'x', metadata: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'])) },
    { model: 'x'.repeat(10_000), input: 'x' },
    { model: CHAT_MODEL, input: 'x', tool_choice: { type: 'allowed_tools', mode: 'required', tools: [] }, tools: [] },
    { model: CHAT_MODEL, input: 'x', max_output_tokens: 1e308 },
  ];

  it('answers every hostile body with a 2xx or 4xx in the envelope, never a 5xx', async () => {
    for (const hostile of HOSTILE) {
      const res = await send(responsesRequest(hostile));
      const text = await res.text();
      expect(res.status, `${JSON.stringify(hostile).slice(0, 120)} → ${text.slice(0, 300)}`).toBeLessThan(500);
      if (res.status >= 400) expect(JSON.parse(text)).toMatchObject({ error: { message: expect.any(String), type: expect.any(String) } });
    }
  });

  it('answers hostile paths and ids with 404, never a 5xx', async () => {
    for (const path of ['/v1/responses/%2e%2e', '/v1/responses/%E0%A4%A', `/v1/responses/${'r'.repeat(5000)}`, '/v1/responses/resp_1/input_items?after=%00&limit=1']) {
      const res = await send(responsesGet(path));
      expect(res.status, path).toBe(404);
      await res.text();
    }
  });
});
