import { describe, expect, it } from 'vitest';
import { errorEnvelopeKind } from './error-envelopes.ts';

describe('errorEnvelopeKind', () => {
  it("tells the vendors' error envelopes apart by shape", () => {
    expect(errorEnvelopeKind({ error: { code: 400, message: 'x', status: 'INVALID_ARGUMENT' } })).toBe('google');
    expect(errorEnvelopeKind({ type: 'error', error: { type: 'invalid_request_error', message: 'x' }, request_id: 'req_1' })).toBe('anthropic');
    expect(errorEnvelopeKind({ error: { message: 'x', type: 'invalid_request_error', param: null, code: null } })).toBe('openai');
    // OpenAI's envelope with a string code (e.g. "model_not_found") is still OpenAI's.
    expect(errorEnvelopeKind({ error: { message: 'x', type: 'invalid_request_error', param: 'model', code: 'model_not_found' } })).toBe('openai');
    // The shapes OpenAI-compatible servers and broken gateways send: OpenAI's envelope without some of
    // type/param/code, Google's without its status.
    expect(errorEnvelopeKind({ error: { message: 'x', code: 'bad_request' } })).toBe('openai');
    expect(errorEnvelopeKind({ error: { message: 'x', type: 'BadRequestError', param: null, code: 400 } })).toBe('openai');
    expect(errorEnvelopeKind({ error: { message: 'x', type: 'invalid_request_error' } })).toBe('openai');
    expect(errorEnvelopeKind({ error: { code: 400, message: 'x' } })).toBe('google');
    expect(errorEnvelopeKind({ type: 'error', error: { type: 'invalid_request_error' } })).toBe('anthropic');
  });

  it('names nothing else', () => {
    for (const body of [undefined, null, 'text', [], {}, { error: 'x' }, { error: { code: 400 } }, { candidates: [] }]) expect(errorEnvelopeKind(body)).toBeUndefined();
  });
});
