import { describe, expect, it } from 'vitest';
import { createRedactor, displayUrl, MAX_SECRET_LENGTH, PIECE_LENGTH, REDACTED } from './redact.ts';

const KEY = 'sk-ant-api03-Zq8vW1xYk2LmN4pQ7rS9tU0';

/** Every `PIECE_LENGTH`-character window of `secret` that survives in `text` (ASCII case-insensitively). */
function survivingPieces(text: string, secret: string): string[] {
  const haystack = text.toLowerCase();
  const found: string[] = [];
  for (let i = 0; i + PIECE_LENGTH <= secret.length; i++) {
    const piece = secret.slice(i, i + PIECE_LENGTH);
    if (haystack.includes(piece.toLowerCase())) found.push(piece);
  }
  return found;
}

describe('createRedactor', () => {
  it('replaces every occurrence of every secret', () => {
    const redact = createRedactor(['sk-secret-1', 'tok.en+2']);
    expect(redact('a sk-secret-1 b sk-secret-1 c tok.en+2')).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });

  it('ignores missing and trivially short secrets, and leaves clean text untouched', () => {
    expect(createRedactor([undefined, 'ab', ''])('ab cd')).toBe('ab cd');
    const text = 'nothing to see here';
    expect(createRedactor([KEY])(text)).toBe(text);
  });

  it('matches secrets shorter than a piece whole, case-insensitively', () => {
    expect(createRedactor(['Ab1x2'])('key AB1X2 and ab1x2 but not ab1x')).toBe(`key ${REDACTED} and ${REDACTED} but not ab1x`);
  });

  it('removes every piece of the key left by a cut at any length and any offset', () => {
    const redact = createRedactor([KEY]);
    for (let offset = 0; offset < 12; offset++) {
      for (let cut = 1; cut <= KEY.length; cut++) {
        for (const piece of [KEY.slice(0, cut), KEY.slice(KEY.length - cut), KEY.slice(cut >> 1, cut)]) {
          const out = redact(`${'x'.repeat(offset)}invalid key ${piece}…`);
          expect(survivingPieces(out, KEY), out).toEqual([]);
        }
      }
    }
  });

  it('removes lower-case, upper-case, mixed-case, JSON-escaped and URL-encoded echoes', () => {
    const secret = 'Sk"Ant/Key+123 456';
    const redact = createRedactor([secret]);
    for (const echo of [secret.toLowerCase(), secret.toUpperCase(), JSON.stringify(secret), encodeURIComponent(secret)]) {
      const out = redact(`echo: ${echo}!`);
      expect(out).toContain(REDACTED);
      expect(survivingPieces(out, secret.toLowerCase())).toEqual([]);
    }
  });

  it('removes base64 and base64url echoes at every byte alignment (e.g. Basic auth)', () => {
    const redact = createRedactor([KEY]);
    for (const prefix of ['', 'u:', 'user:', 'ab', 'abc']) {
      const b64 = Buffer.from(`${prefix}${KEY}`).toString('base64');
      for (const echo of [b64, b64.replaceAll('+', '-').replaceAll('/', '_'), b64.toLowerCase()]) {
        const out = redact(`Basic ${echo}`);
        // The encoded key, past the bytes shared with the prefix, must be gone.
        const own = b64.slice(Math.ceil((prefix.length * 4) / 3) + 4, -4);
        expect(survivingPieces(out, own), `${prefix} → ${out}`).toEqual([]);
      }
    }
  });

  it('merges adjacent and overlapping echoes into one marker', () => {
    const redact = createRedactor([KEY]);
    expect(redact(`[${KEY}${KEY}${KEY.slice(0, 9)}]`)).toBe(`[${REDACTED}]`);
  });

  it('treats secrets as text, never as a pattern (no regex injection)', () => {
    const redact = createRedactor(['(a+)+$', '.*.*.*']);
    expect(redact('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')).toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab');
    expect(redact('x (a+)+$ y .*.*.* z')).toBe(`x ${REDACTED} y ${REDACTED} z`);
  });

  it('scrubs URL user-info whatever the secrets are', () => {
    const redact = createRedactor();
    expect(redact('could not reach http://alice:s3cr3t@gw.local:8080/v1: ECONNREFUSED')).toBe(
      `could not reach http://${REDACTED}@gw.local:8080/v1: ECONNREFUSED`,
    );
    expect(redact('mail alice@example.com')).toBe('mail alice@example.com');
  });

  it('accepts secrets added later', () => {
    const redact = createRedactor();
    expect(redact(KEY)).toBe(KEY);
    redact.add(KEY);
    expect(redact(KEY)).toBe(REDACTED);
  });

  it('refuses a secret longer than the bound, and handles one at the bound', () => {
    expect(() => createRedactor(['k'.repeat(MAX_SECRET_LENGTH + 1)])).toThrow(RangeError);
    const long = Array.from({ length: MAX_SECRET_LENGTH }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 94))).join('');
    const redact = createRedactor([long]);
    expect(survivingPieces(redact(`x${long.slice(100, 5000)}y`), long)).toEqual([]);
  });

  it('json() redacts after formatting and stays valid JSON, even for a key with quotes', () => {
    const secret = 'ab"cd\\ef"gh';
    const redact = createRedactor([secret, KEY]);
    const value = { message: `bad key ${KEY.slice(0, 20)}`, [`k${secret}`]: [secret, 'ok'], other: '"cd\\ef"' };
    for (const space of [undefined, 2]) {
      const text = redact.json(value, space);
      expect(() => JSON.parse(text)).not.toThrow();
      expect(survivingPieces(text, KEY)).toEqual([]);
      expect(text).not.toContain('cd\\\\ef');
      expect(JSON.parse(text).message).toBe(`bad key ${REDACTED}`);
    }
    // A secret that spells JSON structure: redacting the formatted text would break it.
    const structural = createRedactor(['a","b":']);
    expect(JSON.parse(structural.json({ x: 'a', b: 1 }))).toEqual({ x: 'a', b: 1 });
    expect(JSON.parse(structural.json({ x: 'a","b":' }))).toEqual({ x: REDACTED });
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
