import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { MockProtocolError, type ErrorKind } from '../../core/protocol-error.ts';
import { anthropicGet, anthropicRequest, expectAnthropicError, messageBody, validateAnthropic } from '../../test-support.ts';
import { ANTHROPIC_ERROR_TYPES, renderAnthropicError } from './errors.ts';

const mock = createMockServer({ seed: 'errors' });
const send = (request: Request) => mock.fetch(request);

describe('Anthropic errors: credentials and headers', () => {
  it('401 without credentials', async () => {
    const res = await send(anthropicRequest(messageBody(), { 'x-api-key': null }));
    await expectAnthropicError(res, 401, 'authentication_error', 'x-api-key header is required');
  });

  it('401 for a key not in `apiKeys`, in either auth form; 200 for a listed one', async () => {
    const strict = createMockServer({ apiKeys: ['sk-good'] });
    await expectAnthropicError(await strict.fetch(anthropicRequest(messageBody(), { 'x-api-key': 'sk-bad' })), 401, 'authentication_error', 'invalid x-api-key');
    await expectAnthropicError(
      await strict.fetch(anthropicRequest(messageBody(), { 'x-api-key': null, authorization: 'Bearer sk-bad' })),
      401,
      'authentication_error',
      'invalid x-api-key',
    );
    expect((await strict.fetch(anthropicRequest(messageBody(), { 'x-api-key': 'sk-good' }))).status).toBe(200);
    expect((await strict.fetch(anthropicRequest(messageBody(), { 'x-api-key': null, authorization: 'Bearer sk-good' }))).status).toBe(200);
  });

  it('400 without anthropic-version', async () => {
    const res = await send(anthropicRequest(messageBody(), { 'anthropic-version': null }));
    await expectAnthropicError(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
  });

  it('400 for a malformed anthropic-version', async () => {
    const res = await send(anthropicRequest(messageBody(), { 'anthropic-version': 'latest' }));
    await expectAnthropicError(res, 400, 'invalid_request_error', /^anthropic-version: String should match pattern/);
  });

  it('checks credentials before headers and body (401 wins)', async () => {
    const res = await send(anthropicRequest('{', { 'x-api-key': null, 'anthropic-version': null }));
    await expectAnthropicError(res, 401, 'authentication_error', 'x-api-key header is required');
  });
});

describe('Anthropic errors: body', () => {
  it('400 for invalid JSON', async () => {
    await expectAnthropicError(await send(anthropicRequest('{"model":')), 400, 'invalid_request_error', /^There was an error parsing the body of your request, please make sure it is valid JSON/);
  });

  it('400 for an empty or blank body', async () => {
    for (const body of ['', '  \n']) {
      await expectAnthropicError(await send(anthropicRequest(body)), 400, 'invalid_request_error', /valid JSON: the request body is empty$/);
    }
  });

  it('400 for JSON that is not an object', async () => {
    for (const body of ['[]', 'null', '"hi"', '42']) {
      await expectAnthropicError(await send(anthropicRequest(body)), 400, 'invalid_request_error', 'Input should be a valid dictionary');
    }
  });

  it('413 request_too_large past maxBodyBytes (bytes, not characters)', async () => {
    const small = createMockServer({ maxBodyBytes: 200 });
    const big = messageBody('x'.repeat(300));
    await expectAnthropicError(await small.fetch(anthropicRequest(big)), 413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.');
    // 60 three-byte characters: 180 bytes of text, over the limit once encoded, under it in UTF-16 units.
    const multiByte = messageBody('€'.repeat(60));
    expect(JSON.stringify(multiByte).length).toBeLessThan(200);
    await expectAnthropicError(await small.fetch(anthropicRequest(multiByte)), 413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.');
    expect((await small.fetch(anthropicRequest(messageBody('ok')))).status).toBe(200);
  });

  it('400 naming a missing field', async () => {
    const { max_tokens: _dropped, ...body } = messageBody();
    await expectAnthropicError(await send(anthropicRequest(body)), 400, 'invalid_request_error', 'max_tokens: Field required');
  });

  it('400 naming an unknown top-level field', async () => {
    await expectAnthropicError(await send(anthropicRequest(messageBody('hi', { frequency_penalty: 0.5 }))), 400, 'invalid_request_error', 'frequency_penalty: Extra inputs are not permitted');
  });

  it('400 for an unknown block type, listing the expected tags', async () => {
    const body = messageBody('x', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }] });
    await expectAnthropicError(
      await send(anthropicRequest(body)),
      400,
      'invalid_request_error',
      /^messages\.0\.content\.0: Input tag 'image_url' found using 'type' does not match any of the expected tags: 'text', 'image', 'document'/,
    );
  });

  it('400 for a wrongly typed field', async () => {
    await expectAnthropicError(await send(anthropicRequest(messageBody('hi', { max_tokens: '10' }))), 400, 'invalid_request_error', 'max_tokens: Input should be a valid integer');
    await expectAnthropicError(await send(anthropicRequest(messageBody('hi', { stream: 'yes' }))), 400, 'invalid_request_error', 'stream: Input should be a valid boolean');
  });
});

describe('Anthropic errors: routes', () => {
  it('404 not_found_error for an unknown route with Anthropic credentials or under Anthropic paths, naming what the server serves', async () => {
    const served = 'This API serves POST /v1/messages, POST /v1/messages/count_tokens, GET /v1/models, GET /v1/models/{model_id}; this server also speaks OpenAI Responses, Gemini and OpenAI Chat Completions.';
    await expectAnthropicError(await send(anthropicGet('/v1/nope')), 404, 'not_found_error', `Not Found: GET /v1/nope is not served here. ${served}`);
    await expectAnthropicError(await send(new Request('http://mock.test/v2/messages', { method: 'POST', headers: { 'x-api-key': 'k' } })), 404, 'not_found_error', `Not Found: POST /v2/messages is not served here. ${served}`);
    await expectAnthropicError(await send(new Request('http://mock.test/v1/messages/batches', { method: 'POST' })), 404, 'not_found_error', `Not Found: POST /v1/messages/batches is not served here. ${served}`);
  });

  it('405 for a known path with the wrong method', async () => {
    await expectAnthropicError(await send(anthropicGet('/v1/messages')), 405, 'invalid_request_error', 'Method Not Allowed');
    await expectAnthropicError(await send(anthropicRequest(messageBody(), {}, '/v1/models')), 405, 'invalid_request_error', 'Method Not Allowed');
  });

  it('HEAD on an error route answers the status and headers without a body', async () => {
    const res = await send(anthropicGet('/v1/messages', {}, 'HEAD'));
    expect(res.status).toBe(405);
    expect(res.headers.get('request-id')).toMatch(/^req_011C/);
    expect(await res.text()).toBe('');
  });
});

describe('renderAnthropicError', () => {
  it('renders every error kind as a schema-valid envelope with the documented status', () => {
    const expected: Record<ErrorKind, [number, string]> = {
      invalid_request: [400, 'invalid_request_error'],
      authentication: [401, 'authentication_error'],
      permission: [403, 'permission_error'],
      not_found: [404, 'not_found_error'],
      method_not_allowed: [405, 'invalid_request_error'],
      request_too_large: [413, 'request_too_large'],
      rate_limit: [429, 'rate_limit_error'],
      internal: [500, 'api_error'],
      timeout: [504, 'timeout_error'],
      overloaded: [529, 'overloaded_error'],
    };
    expect(Object.keys(ANTHROPIC_ERROR_TYPES).sort()).toEqual(Object.keys(expected).sort());
    for (const [kind, [status, type]] of Object.entries(expected)) {
      const rendered = renderAnthropicError(new MockProtocolError(kind as ErrorKind, 'm'), 'req_1');
      expect(rendered).toEqual({ status, body: { type: 'error', error: { type, message: 'm' }, request_id: 'req_1' } });
      expect(validateAnthropic('errorResponse', rendered.body)).toEqual([]);
    }
  });

  it('honours a status override', () => {
    expect(renderAnthropicError(new MockProtocolError('overloaded', 'busy', { status: 503 }), 'r').status).toBe(503);
  });
});
