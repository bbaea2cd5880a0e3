import type { MockRequest } from '../../wire/wire-request.ts';
import type { ParameterSpec, SpecOperation } from './openapi-operations.ts';
import type { MockProtocolError } from './protocol-error.ts';

/**
 * Checks the header, query and path parameters an operation declares: presence of the required
 * ones and the small subset of JSON Schema that parameters use (type, enum, pattern, bounds).
 * Returns the protocol's error for the first violation, in declaration order.
 */
export function checkParameters(operation: SpecOperation, request: MockRequest, url: URL, pathParams: Record<string, string>): MockProtocolError | undefined {
  const errors = operation.adapter.errors;
  for (const param of operation.parameters) {
    const value = readParameter(param, request, url, pathParams);
    if (value === undefined || value === '') {
      if (!param.required) continue;
      if (param.in === 'header') return errors.missingHeader(param.name);
      return errors.invalidParameter(param.in, param.name, 'Field required');
    }
    const problem = checkValue(param.schema, value);
    if (problem) return errors.invalidParameter(param.in, param.name, problem);
  }
  return undefined;
}

function readParameter(param: ParameterSpec, request: MockRequest, url: URL, pathParams: Record<string, string>): string | undefined {
  if (param.in === 'header') return request.header(param.name);
  if (param.in === 'query') return url.searchParams.get(param.name) ?? undefined;
  return pathParams[param.name];
}

/** A problem with one parameter value, in pydantic-like words, or `undefined` when it is fine. */
export function checkValue(schema: Readonly<Record<string, unknown>>, value: string): string | undefined {
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(value)) {
    return `Input should be ${schema.enum.map((v) => `'${String(v)}'`).join(' or ')}`;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || (schema.type === 'integer' && !Number.isInteger(n))) {
      return `Input should be a valid ${schema.type}, unable to parse string as ${schema.type === 'integer' ? 'an integer' : 'a number'}`;
    }
    if (typeof schema.minimum === 'number' && n < schema.minimum) return `Input should be greater than or equal to ${schema.minimum}`;
    if (typeof schema.maximum === 'number' && n > schema.maximum) return `Input should be less than or equal to ${schema.maximum}`;
    return undefined;
  }
  if (schema.type === 'boolean' && value !== 'true' && value !== 'false') return 'Input should be a valid boolean';
  if (typeof schema.pattern === 'string' && !compiled(schema.pattern).test(value)) {
    return `String should match pattern '${schema.pattern}'`;
  }
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return `String should have at least ${schema.minLength} characters`;
  return undefined;
}

const patterns = new Map<string, RegExp>();

function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patterns.set(pattern, re);
  }
  return re;
}
