import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../../../specs/tooling/schema-registry.ts';
import { OPENAI_COMMON_SCHEMA_IDS, OPENAI_COMMON_SCHEMAS } from '../../../specs/openai-common/index.ts';
import { diagnostic } from '../../../specs/tooling/diagnostic.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';
import { modelNotFound, openaiErrors, openaiParam, openaiRequestId, renderOpenAIError } from './errors.ts';

const registry = new SchemaRegistry(OPENAI_COMMON_SCHEMAS);

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

  it('words schema violations as OpenAI does, naming the parameter', () => {
    const render = (d: ReturnType<typeof diagnostic>) => (renderOpenAIError(openaiErrors.invalidBody([d])).body as { error: Record<string, unknown> }).error;
    expect(render(diagnostic('/messages', 'required', 'Field required'))).toMatchObject({ message: "Missing required parameter: 'messages'.", param: 'messages', code: 'missing_required_parameter' });
    expect(render(diagnostic('/foo', 'additionalProperties', 'Extra inputs are not permitted'))).toMatchObject({ message: 'Unrecognized request argument supplied: foo', param: 'foo' });
    expect(render(diagnostic('/max_tokens', 'type', 'Input should be a valid integer'))).toMatchObject({ message: "Invalid type for 'max_tokens': expected an integer.", code: 'invalid_type' });
    expect(render(diagnostic('/messages/0/role', 'enum', "Input should be 'user' or 'system'"))).toMatchObject({ param: 'messages[0].role', code: 'invalid_value' });
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
