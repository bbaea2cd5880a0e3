import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { expectOpenAIError, openaiGet, openaiRequest } from '../openai-common/test-helpers.ts';
import { CHAT_MODEL, chatBody, chatRequest, WEATHER_TOOL } from './test-helpers.ts';

const mock = createMockServer({ seed: 'chat-errors', validateOutput: 'throw' });
const send = (request: Request) => mock.fetch(request);
const invalid = { type: 'invalid_request_error' } as const;

describe('credentials', () => {
  const MISSING = /^You didn't provide an API key\./;

  it('401 without a key, or with a malformed Authorization header', async () => {
    await expectOpenAIError(await send(chatRequest(chatBody(), { authorization: null })), 401, { ...invalid, code: null, message: MISSING });
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer ', 'sk-no-scheme']) {
      await expectOpenAIError(await send(chatRequest(chatBody(), { authorization })), 401, { code: null, message: MISSING });
    }
  });

  it('401 invalid_api_key for a key not in apiKeys; 200 for a listed one', async () => {
    const strict = createMockServer({ apiKeys: ['sk-good'] });
    await expectOpenAIError(await strict.fetch(chatRequest(chatBody(), { authorization: 'Bearer sk-bad' })), 401, { ...invalid, code: 'invalid_api_key', message: /^Incorrect API key provided/ });
    expect((await strict.fetch(chatRequest(chatBody(), { authorization: 'Bearer sk-good' }))).status).toBe(200);
  });

  it('checks credentials before the body (401 wins over invalid JSON)', async () => {
    await expectOpenAIError(await send(chatRequest('{', { authorization: null })), 401);
  });

  it('an x-api-key alone is no OpenAI credential', async () => {
    await expectOpenAIError(await send(chatRequest(chatBody(), { authorization: null, 'x-api-key': 'sk-1' })), 401, { message: MISSING });
  });
});

describe('bodies', () => {
  it('400 for invalid JSON, an empty body, or JSON that is not an object', async () => {
    for (const body of ['{"model":', '', '   ']) {
      await expectOpenAIError(await send(chatRequest(body)), 400, { ...invalid, message: /^We could not parse the JSON body of your request/ });
    }
    for (const body of ['[]', 'null', '"hi"', '42']) {
      await expectOpenAIError(await send(chatRequest(body)), 400, { ...invalid, code: 'invalid_type', message: /^Invalid type for '': expected an object/ });
    }
  });

  it('400 naming a schema violation as the live API does', async () => {
    await expectOpenAIError(await send(chatRequest({ model: CHAT_MODEL })), 400, { param: 'messages', code: 'missing_required_parameter', message: "Missing required parameter: 'messages'." });
    await expectOpenAIError(await send(chatRequest(chatBody('x', { foo: 1 }))), 400, { param: null, code: null, message: 'Unrecognized request argument supplied: foo' });
    await expectOpenAIError(await send(chatRequest(chatBody('x', { max_tokens: '10' }))), 400, { param: 'max_tokens', code: 'invalid_type' });
    await expectOpenAIError(await send(chatRequest(chatBody('x', { tools: [] }))), 400, { param: 'tools', code: 'empty_array' });
  });

  it('413 past maxBodyBytes', async () => {
    const small = createMockServer({ maxBodyBytes: 200 });
    await expectOpenAIError(await small.fetch(chatRequest(chatBody('x'.repeat(300)))), 413, invalid);
  });
});

describe('models', () => {
  it('404 model_not_found for an unknown model', async () => {
    await expectOpenAIError(await send(chatRequest(chatBody('x', { model: 'acme-llm-9' }))), 404, {
      ...invalid,
      code: 'model_not_found',
      message: 'The model `acme-llm-9` does not exist or you do not have access to it.',
    });
  });

  it('404 for an embedding model on the chat endpoint', async () => {
    await expectOpenAIError(await send(chatRequest(chatBody('x', { model: 'text-embedding-3-small' }))), 404, { param: 'model', message: /^This is not a chat model/ });
  });

  it('reasoning models refuse max_tokens and a temperature other than 1; others refuse reasoning_effort (null is fine)', async () => {
    const gpt5 = (extra: Record<string, unknown>) => send(chatRequest(chatBody('x', { model: 'gpt-5', ...extra })));
    await expectOpenAIError(await gpt5({ max_tokens: 10 }), 400, { param: 'max_tokens', code: 'unsupported_parameter', message: /Use 'max_completion_tokens' instead\.$/ });
    await expectOpenAIError(await gpt5({ temperature: 0.2 }), 400, {
      param: 'temperature',
      code: 'unsupported_value',
      message: "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
    });
    expect((await gpt5({ temperature: 1, max_completion_tokens: 100 })).status).toBe(200);
    await expectOpenAIError(await send(chatRequest(chatBody('x', { reasoning_effort: 'low' }))), 400, { param: null, code: null, message: 'Unrecognized request argument supplied: reasoning_effort' });
    expect((await send(chatRequest(chatBody('x', { reasoning_effort: null })))).status).toBe(200);
    // Another vendor's model through Chat: served leniently.
    expect((await send(chatRequest(chatBody('x', { model: 'claude-sonnet-4-6', max_tokens: 10, temperature: 0 })))).status).toBe(200);
  });

  it('400 when max_tokens exceeds what the model can write', async () => {
    await expectOpenAIError(await send(chatRequest(chatBody('x', { max_tokens: 100_000 }))), 400, {
      param: 'max_tokens',
      message: 'max_tokens is too large: 100000. This model supports at most 16384 completion tokens, whereas you provided 100000.',
    });
  });
});

describe('request rules', () => {
  const call = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } };
  const rule = async (body: Record<string, unknown>, expected: Parameters<typeof expectOpenAIError>[2]) => expectOpenAIError(await send(chatRequest(body)), 400, { ...invalid, ...expected });

  it('every tool call is answered by the tool messages right after it, and every tool message answers one', async () => {
    const user = { role: 'user', content: 'x' };
    await rule({ model: CHAT_MODEL, messages: [user, { role: 'tool', tool_call_id: 'call_1', content: 'r' }] }, {
      param: 'messages.[1].role',
      message: "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
    });
    await rule({ model: CHAT_MODEL, messages: [user, { role: 'assistant', tool_calls: [call] }, user] }, {
      param: 'messages.[1].role',
      message: "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_1",
    });
    await rule({ model: CHAT_MODEL, messages: [user, { role: 'assistant', tool_calls: [call] }] }, { param: 'messages.[1].role' });
    await rule({ model: CHAT_MODEL, messages: [user, { role: 'assistant' }, user] }, { param: 'messages.[1].content', message: "Invalid value for 'content': expected a string, got null." });
  });

  it('tool_choice and parallel_tool_calls need tools; a named tool must be among them', async () => {
    await rule(chatBody('x', { tool_choice: 'auto' }), { param: 'tool_choice', message: "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified." });
    await rule(chatBody('x', { parallel_tool_calls: false }), { param: 'parallel_tool_calls' });
    await rule(chatBody('x', { tools: [WEATHER_TOOL], tool_choice: { type: 'function', function: { name: 'nope' } } }), { param: 'tool_choice', code: 'invalid_value' });
    await rule(chatBody('x', { tools: [WEATHER_TOOL], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'nope' } }] } } }), {
      param: 'tool_choice',
    });
  });

  it('function parameters must be an object JSON Schema that compiles', async () => {
    const tool = (parameters: unknown) => chatBody('x', { tools: [{ type: 'function', function: { name: 'f', parameters } }] });
    await rule(tool({ type: 'string' }), { param: 'tools[0].function.parameters', code: 'invalid_function_parameters', message: /schema must be a JSON Schema of 'type: "object"'/ });
    await rule(tool({ type: 'object', properties: { a: { type: 'no-such-type' } } }), { param: 'tools[0].function.parameters', code: 'invalid_function_parameters' });
  });

  it('stream_options needs stream; top_logprobs needs logprobs; JSON mode needs the word json', async () => {
    await rule(chatBody('x', { stream_options: { include_usage: true } }), { param: 'stream_options', message: "The 'stream_options' parameter is only allowed when 'stream' is enabled." });
    expect((await send(chatRequest(chatBody('x', { stream_options: null })))).status).toBe(200);
    await rule(chatBody('x', { top_logprobs: 2 }), { param: 'top_logprobs' });
    await rule(chatBody('Answer briefly.', { response_format: { type: 'json_object' } }), {
      param: 'messages',
      message: "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
    });
    await rule(chatBody('x', { response_format: { type: 'json_schema', json_schema: { name: 'a', schema: { type: 'nope' } } } }), { param: 'response_format', message: /^Invalid schema for response_format 'a'/ });
  });
});

describe('routes', () => {
  it('404 Invalid URL for an unknown path under an OpenAI caller, 405-style for a wrong method', async () => {
    await expectOpenAIError(await send(openaiRequest('/v1/chat/completion', chatBody())), 404, { ...invalid, message: /^Invalid URL \(POST \/v1\/chat\/completion\): POST \/v1\/chat\/completion is not served here\. This API serves POST \/v1\/chat\/completions, / });
    await expectOpenAIError(await send(openaiGet('/v1/chat/completions')), 405, { message: 'Invalid URL (GET /v1/chat/completions)' });
    await expectOpenAIError(await send(openaiGet('/v1/embeddings/x')), 404, { message: /^Invalid URL \(GET \/v1\/embeddings\/x\): / });
  });

  it('HEAD on an error route answers the status and headers without a body', async () => {
    const res = await send(openaiGet('/v1/chat/completions', {}, 'HEAD'));
    expect(res.status).toBe(405);
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(await res.text()).toBe('');
  });
});
