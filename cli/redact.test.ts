import { describe, expect, it } from 'vitest';
import { createRedactor, displayUrl, redactQuery } from './redact.ts';

describe('createRedactor', () => {
  it('replaces every occurrence of every secret', () => {
    const redact = createRedactor(['sk-secret-1', 'tok.en+2']);
    expect(redact('a sk-secret-1 b sk-secret-1 c tok.en+2')).toBe('a [redacted] b [redacted] c [redacted]');
  });
  it('ignores missing and trivially short secrets', () => {
    expect(createRedactor([undefined, 'ab'])('ab cd')).toBe('ab cd');
  });
});

describe('displayUrl', () => {
  it('drops user-info and masks key-like query parameters', () => {
    expect(displayUrl('https://user:pass@example.com/api?key=abc&x=1')).toBe('https://example.com/api?key=%5Bredacted%5D&x=1');
  });
  it('keeps plain URLs as they are, without a trailing slash', () => {
    expect(displayUrl('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010');
  });
});

describe('redactQuery', () => {
  it('masks key-like query parameters of a bare path or an absolute URL, and keeps the rest as sent', () => {
    expect(redactQuery('/v1beta/models/gemini-2.5-flash:generateContent?alt=sse&key=AIzaSecret')).toBe('/v1beta/models/gemini-2.5-flash:generateContent?alt=sse&key=[redacted]');
    expect(redactQuery('http://127.0.0.1:4010/v1/x?api_key=a&%6Bey=b&access_token=c&x=1#f')).toBe('http://127.0.0.1:4010/v1/x?api_key=[redacted]&%6Bey=[redacted]&access_token=[redacted]&x=1#f');
    expect(redactQuery('/v1/messages?beta=true')).toBe('/v1/messages?beta=true');
    expect(redactQuery('/v1/messages')).toBe('/v1/messages');
  });
});
