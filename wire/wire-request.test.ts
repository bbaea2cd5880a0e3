import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, decodeUtf8, fromWebRequest } from './wire-request.ts';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => fromWebRequest(new Request('http://mock.test/v1/messages?beta=true', { method: 'POST', body, headers }));

describe('fromWebRequest', () => {
  it('exposes method, url and headers by lower-case name', () => {
    const request = post('{}', { 'X-Api-Key': 'k' });
    expect([request.method, request.url, request.header('x-api-key'), request.header('missing')]).toEqual(['POST', 'http://mock.test/v1/messages?beta=true', 'k', undefined]);
    expect(request.headers()).toMatchObject({ 'x-api-key': 'k' });
  });

  it('reads a body of exactly the limit, and rejects one byte more', async () => {
    await expect(post('x'.repeat(10)).readBody(10)).resolves.toBe('x'.repeat(10));
    const error = await post('x'.repeat(11)).readBody(10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error).toMatchObject({ limit: 10 });
  });

  it('counts bytes, not characters', async () => {
    await expect(post('€€€').readBody(8)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(post('€€€').readBody(9)).resolves.toBe('€€€');
  });

  it('reads an absent body as the empty string', async () => {
    expect(await fromWebRequest(new Request('http://mock.test/')).readBody(10)).toBe('');
  });
});

describe('decodeUtf8', () => {
  it('decodes a character split across chunks', () => {
    const bytes = new TextEncoder().encode('a👋b');
    expect(decodeUtf8([bytes.slice(0, 3), bytes.slice(3)], bytes.length)).toBe('a👋b');
  });

  it('replaces invalid bytes with U+FFFD', () => {
    expect(decodeUtf8([new Uint8Array([0x61, 0xff, 0x62])], 3)).toBe('a\ufffdb');
  });
});
