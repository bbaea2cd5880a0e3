import { describe, expect, it } from 'vitest';
import { OPENAI_CHAT_SCHEMA_IDS, openaiChatSpec } from '../../../specs/openai-chat/index.ts';
import { OPENAI_COMMON_SCHEMA_IDS, OPENAI_COMMON_SCHEMAS } from '../../../specs/openai-common/index.ts';
import { diagnostic } from '../../../specs/tooling/diagnostic.ts';
import { SchemaRegistry } from '../../../specs/tooling/schema-registry.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';
import { modelNotFound, openaiErrors, openaiErrorTemplates, openaiInvalidBody, openaiParam, openaiRequestId, renderOpenAIError, type UnknownParameterStyle } from './errors.ts';
import { OPENAI_API_VERSION } from './headers.ts';

const registry = new SchemaRegistry(OPENAI_COMMON_SCHEMAS);
const chat = new SchemaRegistry(openaiChatSpec.schemas);

describe('OpenAI error envelope', () => {
  const templates = [
    openaiErrors.missingCredentials(),
    openaiErrors.invalidCredentials(),
    openaiErrors.missingHeader('x'),
    openaiErrors.invalidParameter('query', 'limit', 'must be an integer'),
    openaiErrors.invalidJson('Unexpected token'),
    openaiErrors.bodyTooLarge(1024),
    openaiErrors.notFound('POST', '/v1/nope'),
    openaiErrors.methodNotAllowed('GET', '/v1/chat/completions'),
    openaiErrors.invalidBody([diagnostic('/messages', 'required', 'Field required')]),
    openaiErrors.internal(),
    modelNotFound('gpt-x'),
  ];

  it.each(templates.map((t) => [t.message.slice(0, 40), t] as const))('%s… renders a schema-valid envelope with all four fields', (_, error) => {
    const { body } = renderOpenAIError(error);
    expect(registry.validate(OPENAI_COMMON_SCHEMA_IDS.errorResponse, body)).toEqual([]);
    expect(Object.keys((body as { error: object }).error).sort()).toEqual(['code', 'message', 'param', 'type']);
  });

  it('uses the statuses, types and codes of the live API', () => {
    expect(renderOpenAIError(openaiErrors.invalidCredentials())).toMatchObject({ status: 401, body: { error: { type: 'invalid_request_error', code: 'invalid_api_key' } } });
    expect(renderOpenAIError(openaiErrors.missingCredentials())).toMatchObject({ status: 401, body: { error: { code: null } } });
    expect(renderOpenAIError(modelNotFound('gpt-x'))).toMatchObject({ status: 404, body: { error: { code: 'model_not_found', message: 'The model `gpt-x` does not exist or you do not have access to it.' } } });
    expect(renderOpenAIError(openaiErrors.notFound('POST', '/v1/nope'))).toMatchObject({ status: 404, body: { error: { message: 'Invalid URL (POST /v1/nope)' } } });
    expect(renderOpenAIError(new MockProtocolError('overloaded', 'busy'))).toMatchObject({ status: 503, body: { error: { type: 'server_error' } } });
    expect(renderOpenAIError(new MockProtocolError('rate_limit', 'slow down'))).toMatchObject({ status: 429, body: { error: { type: 'requests', code: 'rate_limit_exceeded' } } });
  });

  it('carries the OpenAI response headers', () => {
    expect(renderOpenAIError(openaiErrors.internal()).headers).toMatchObject({ 'openai-version': OPENAI_API_VERSION, 'x-ratelimit-limit-requests': '10000' });
  });

  it('prints parameters with brackets for indices', () => {
    expect(openaiParam('messages.0.content.1.type')).toBe('messages[0].content[1].type');
    expect(openaiParam('')).toBe('');
  });

  it('request ids look like the API’s and are deterministic', () => {
    expect(openaiRequestId('k')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(openaiRequestId('k')).toBe(openaiRequestId('k'));
  });
});

describe('schema violations, worded as the live Chat Completions API words them', () => {
  const base = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };
  /** The error for a request body, from the real request schema's first diagnostic. */
  const errorFor = (body: unknown, style: UnknownParameterStyle = 'chat') => {
    const diagnostics = chat.validate(OPENAI_CHAT_SCHEMA_IDS.createChatCompletionRequest, body);
    expect(diagnostics.length, 'the body must be invalid').toBeGreaterThan(0);
    return (renderOpenAIError(openaiInvalidBody(diagnostics, style)).body as { error: Record<string, unknown> }).error;
  };

  it('a missing parameter (and the API’s own words for a missing model)', () => {
    expect(errorFor({ model: 'gpt-4o' })).toEqual({ message: "Missing required parameter: 'messages'.", type: 'invalid_request_error', param: 'messages', code: 'missing_required_parameter' });
    expect(errorFor({ messages: base.messages })).toEqual({ message: 'you must provide a model parameter', type: 'invalid_request_error', param: null, code: null });
    expect(errorFor({ ...base, messages: [{ content: 'x' }] })).toMatchObject({ message: "Missing required parameter: 'messages[0].role'.", param: 'messages[0].role' });
  });

  it('an unknown top-level parameter and a missing model, in each API’s style', () => {
    expect(errorFor({ ...base, foo: 1 })).toEqual({ message: 'Unrecognized request argument supplied: foo', type: 'invalid_request_error', param: null, code: null });
    expect(errorFor({ ...base, foo: 1 }, 'responses')).toMatchObject({ message: "Unknown parameter: 'foo'.", param: 'foo', code: 'unknown_parameter' });
    expect(errorFor({ ...base, foo: 1 }, 'common')).toMatchObject({ message: 'Unrecognized request argument supplied: foo', param: 'foo', code: 'unknown_parameter' });
    expect(errorFor({ messages: base.messages }, 'common')).toMatchObject({ message: "Missing required parameter: 'model'.", param: 'model', code: 'missing_required_parameter' });
    const chatTemplates = openaiErrorTemplates('chat');
    const diagnostics = chat.validate(OPENAI_CHAT_SCHEMA_IDS.createChatCompletionRequest, { ...base, foo: 1 });
    expect(chatTemplates.invalidBody(diagnostics)).toMatchObject({ param: undefined, code: null });
    expect(openaiErrors.invalidBody(diagnostics)).toMatchObject({ param: 'foo', code: 'unknown_parameter' });
  });

  it('a wrong type, naming what came', () => {
    expect(errorFor({ ...base, max_tokens: 1.5 })).toMatchObject({ message: "Invalid type for 'max_tokens': expected an integer, but got a decimal number instead.", param: 'max_tokens', code: 'invalid_type' });
    expect(errorFor({ ...base, stream: 'yes' })).toMatchObject({ message: "Invalid type for 'stream': expected a boolean, but got a string instead.", code: 'invalid_type' });
    expect(errorFor({ ...base, messages: [{ role: 'user', content: 42 }] })).toMatchObject({
      message: "Invalid type for 'messages[0].content': expected one of a string or an array, but got an integer instead.",
      param: 'messages[0].content',
    });
  });

  it('a value outside the enum or the tags', () => {
    expect(errorFor({ ...base, messages: [{ role: 'bot', content: 'x' }] })).toMatchObject({
      message: "Invalid value: 'bot'. Supported values are: 'developer', 'system', 'user', 'assistant', 'tool', and 'function'.",
      param: 'messages[0]',
      code: 'invalid_value',
    });
    expect(errorFor({ ...base, reasoning_effort: 'extreme' })).toMatchObject({ message: expect.stringMatching(/^Invalid value: 'extreme'\. Supported values are: 'none', /), code: 'invalid_value' });
  });

  it('bounds: empty and long arrays, numbers, strings, patterns', () => {
    expect(errorFor({ ...base, messages: [] })).toMatchObject({
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      code: 'empty_array',
    });
    expect(errorFor({ ...base, stop: ['a', 'b', 'c', 'd', 'e'] })).toMatchObject({
      message: "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length 5 instead.",
      code: 'array_above_max_length',
    });
    expect(errorFor({ ...base, n: 200 })).toMatchObject({ message: "Invalid 'n': integer above maximum value. Expected a value <= 128, but got 200 instead.", code: 'integer_above_max_value' });
    expect(errorFor({ ...base, temperature: 2.5 })).toMatchObject({ message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead.", code: 'decimal_above_max_value' });
    expect(errorFor({ ...base, max_completion_tokens: 0 })).toMatchObject({ code: 'integer_below_min_value', message: expect.stringContaining('Expected a value >= 1, but got 0 instead.') });
    const tool = (name: string) => ({ ...base, tools: [{ type: 'function', function: { name } }] });
    expect(errorFor(tool('get weather'))).toMatchObject({
      message: "Invalid 'tools[0].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
      param: 'tools[0].function.name',
    });
    expect(errorFor(tool('x'.repeat(65)))).toMatchObject({ code: 'string_above_max_length', message: expect.stringContaining('maximum length 64, but got a string with length 65') });
  });

  it('falls back to the diagnostic’s own words when it carries no detail', () => {
    const error = (keyword: string, text: string) => (renderOpenAIError(openaiInvalidBody([diagnostic('/max_tokens', keyword, text)])).body as { error: Record<string, unknown> }).error;
    expect(error('type', 'Input should be a valid integer')).toMatchObject({ message: "Invalid type for 'max_tokens': expected an integer.", code: 'invalid_type' });
    expect(error('format', 'Input should be a valid uri')).toMatchObject({ message: "Invalid value for 'max_tokens': Input should be a valid uri.", code: 'invalid_value' });
    expect(renderOpenAIError(openaiInvalidBody([])).body).toMatchObject({ error: { message: 'Invalid request.' } });
  });
});
