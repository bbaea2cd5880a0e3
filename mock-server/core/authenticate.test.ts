import { describe, expect, it } from 'vitest';
import { anthropicMessages } from '../protocols/anthropic-messages/index.ts';
import { authenticate } from './authenticate.ts';
import { fromWebRequest } from '../../wire/wire-request.ts';
import { readOperations, type SpecOperation } from './openapi-operations.ts';

const createMessage = readOperations(anthropicMessages).find((o) => o.operationId === 'createMessage') as SpecOperation;

function auth(headers: Record<string, string>, apiKeys?: string[], operation: SpecOperation = createMessage, query = '') {
  const request = fromWebRequest(new Request(`http://mock.test/v1/messages${query}`, { headers }));
  const error = authenticate(operation, request, new URL(request.url), apiKeys ? new Set(apiKeys) : undefined);
  return error && { kind: error.kind, message: error.message };
}

const MISSING = { kind: 'authentication', message: 'x-api-key header is required' };
const INVALID = { kind: 'authentication', message: 'invalid x-api-key' };

describe('authenticate (x-api-key OR Bearer)', () => {
  it('accepts any non-empty key in either form without apiKeys', () => {
    expect(auth({ 'x-api-key': 'k' })).toBeUndefined();
    expect(auth({ authorization: 'Bearer k' })).toBeUndefined();
    expect(auth({ authorization: 'bearer   k' })).toBeUndefined();
  });

  it('refuses a request without credentials with the API’s words', () => {
    expect(auth({})).toEqual(MISSING);
    expect(auth({ 'x-api-key': '   ' })).toEqual(MISSING);
    expect(auth({ authorization: 'Bearer ' })).toEqual(MISSING);
    expect(auth({ authorization: 'Basic dXNlcjpwYXNz' })).toEqual(MISSING);
    expect(auth({ authorization: 'k' })).toEqual(MISSING);
  });

  it('with apiKeys, accepts only those keys, in either form', () => {
    expect(auth({ 'x-api-key': 'good' }, ['good'])).toBeUndefined();
    expect(auth({ authorization: 'Bearer good' }, ['good'])).toBeUndefined();
    expect(auth({ 'x-api-key': ' good ' }, ['good'])).toBeUndefined();
    expect(auth({ 'x-api-key': 'bad' }, ['good'])).toEqual(INVALID);
    expect(auth({ authorization: 'Bearer bad' }, ['good'])).toEqual(INVALID);
    expect(auth({}, ['good'])).toEqual(MISSING);
  });

  it('with apiKeys, one accepted credential is enough when both forms are sent', () => {
    expect(auth({ 'x-api-key': 'stale', authorization: 'Bearer good' }, ['good'])).toBeUndefined();
    expect(auth({ 'x-api-key': 'good', authorization: 'Bearer stale' }, ['good'])).toBeUndefined();
    expect(auth({ 'x-api-key': 'stale', authorization: 'Bearer stale' }, ['good'])).toEqual(INVALID);
  });

  it('needs no credentials for an operation without security', () => {
    expect(auth({}, ['good'], { ...createMessage, security: [] })).toBeUndefined();
  });

  it('reads query credentials when the spec says so', () => {
    const op = { ...createMessage, security: [[{ kind: 'query' as const, name: 'key' }]] };
    expect(auth({}, undefined, op, '?key=k')).toBeUndefined();
    expect(auth({}, undefined, op, '?key=')).toEqual(MISSING);
  });
});
