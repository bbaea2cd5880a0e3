import { describe, expect, it } from 'vitest';
import { anthropicMessages } from '../protocols/anthropic-messages/index.ts';
import { checkParameters, checkValue } from './check-parameters.ts';
import { fromWebRequest } from '../../wire/wire-request.ts';
import { readOperations, type ParameterSpec, type SpecOperation } from './openapi-operations.ts';

const operations = Object.fromEntries(readOperations(anthropicMessages).map((o) => [o.operationId, o]));
const listModels = operations.listModels as SpecOperation;
const getModel = operations.getModel as SpecOperation;

function check(operation: SpecOperation, path: string, headers: Record<string, string>, pathParams: Record<string, string> = {}) {
  const request = fromWebRequest(new Request(`http://mock.test${path}`, { headers }));
  const error = checkParameters(operation, request, new URL(request.url), pathParams);
  return error && { kind: error.kind, message: error.message };
}

const VERSION = { 'anthropic-version': '2023-06-01' };

describe('checkParameters (Anthropic operations)', () => {
  it('accepts the required header and valid optional parameters', () => {
    expect(check(listModels, '/v1/models?limit=5&after_id=x&beta=true', { ...VERSION, 'anthropic-beta': 'a,b' })).toBeUndefined();
    expect(check(getModel, '/v1/models/m', VERSION, { model_id: 'm' })).toBeUndefined();
  });

  it('names a missing required header, as the API does', () => {
    expect(check(listModels, '/v1/models', {})).toEqual({ kind: 'invalid_request', message: 'anthropic-version: header is required' });
    expect(check(listModels, '/v1/models', { 'anthropic-version': '' })).toEqual({ kind: 'invalid_request', message: 'anthropic-version: header is required' });
  });

  it('checks the header against its pattern', () => {
    expect(check(listModels, '/v1/models', { 'anthropic-version': '2023-6-1' })?.message).toBe("anthropic-version: String should match pattern '^\\d{4}-\\d{2}-\\d{2}$'");
    expect(check(listModels, '/v1/models', { 'anthropic-version': '2026-10-21' })).toBeUndefined();
  });

  it('checks query parameters: integer bounds and enums', () => {
    expect(check(listModels, '/v1/models?limit=0', VERSION)?.message).toBe('limit: Input should be greater than or equal to 1');
    expect(check(listModels, '/v1/models?limit=1001', VERSION)?.message).toBe('limit: Input should be less than or equal to 1000');
    expect(check(listModels, '/v1/models?limit=2.5', VERSION)?.message).toBe('limit: Input should be a valid integer, unable to parse string as an integer');
    expect(check(listModels, '/v1/models?beta=yes', VERSION)?.message).toBe("beta: Input should be 'true' or 'false'");
  });

  it('reports the first violation in declaration order', () => {
    expect(check(listModels, '/v1/models?limit=0', {})?.message).toBe('anthropic-version: header is required');
  });

  it('treats an empty optional query parameter as absent', () => {
    expect(check(listModels, '/v1/models?limit=', VERSION)).toBeUndefined();
  });

  it('reports a missing required query or path parameter as "Field required"', () => {
    const required: ParameterSpec = { name: 'q', in: 'query', required: true, schema: {} };
    const op = { ...listModels, parameters: [required] };
    expect(check(op, '/v1/models', {})).toEqual({ kind: 'invalid_request', message: 'q: Field required' });
  });
});

describe('checkValue', () => {
  it('checks numbers, booleans, patterns and lengths', () => {
    expect(checkValue({ type: 'number', minimum: 0 }, '1.5')).toBeUndefined();
    expect(checkValue({ type: 'number' }, 'abc')).toBe('Input should be a valid number, unable to parse string as a number');
    expect(checkValue({ type: 'integer' }, ' ')).toMatch(/valid integer/);
    expect(checkValue({ type: 'integer' }, 'Infinity')).toMatch(/valid integer/);
    expect(checkValue({ type: 'boolean' }, 'true')).toBeUndefined();
    expect(checkValue({ type: 'boolean' }, '1')).toBe('Input should be a valid boolean');
    expect(checkValue({ type: 'string', pattern: '^a+$' }, 'aaa')).toBeUndefined();
    expect(checkValue({ type: 'string', pattern: '^a+$' }, 'b')).toBe("String should match pattern '^a+$'");
    expect(checkValue({ type: 'string', minLength: 3 }, 'ab')).toBe('String should have at least 3 characters');
    expect(checkValue({ enum: [1, 2] }, '2')).toBeUndefined();
    expect(checkValue({ enum: [1, 2] }, '3')).toBe("Input should be '1' or '2'");
    expect(checkValue({}, 'anything')).toBeUndefined();
  });
});
