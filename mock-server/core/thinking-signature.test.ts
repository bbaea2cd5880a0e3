import { describe, expect, it } from 'vitest';
import { isMockSignature, signThinking, verifyThinkingSignature } from './thinking-signature.ts';

const TEXT = 'The conversation has 1 message. I will answer by repeating the last user message.';

/** Flips one bit of the decoded signature at byte `index` and re-encodes it. */
function flipByte(signature: string, index: number): string {
  const bytes = Uint8Array.from(atob(signature), (c) => c.charCodeAt(0));
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return btoa(String.fromCharCode(...bytes));
}

describe('signThinking / verifyThinkingSignature', () => {
  it('round-trips: a signature verifies for the text it was issued for', () => {
    for (const text of [TEXT, 'x', 'unicode: 日本語 👋🏽', ' '.repeat(3)]) {
      expect(verifyThinkingSignature(text, signThinking(text))).toBe(true);
    }
  });

  it('is deterministic and base64 of 40 bytes', () => {
    const signature = signThinking(TEXT);
    expect(signThinking(TEXT)).toBe(signature);
    expect(signature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(atob(signature)).toHaveLength(40);
    expect(signThinking(`${TEXT}.`)).not.toBe(signature);
  });

  it('rejects a signature issued for another text', () => {
    expect(verifyThinkingSignature(`${TEXT} (edited)`, signThinking(TEXT))).toBe(false);
  });

  it('detects tampering in the magic, the digest and the tag', () => {
    const signature = signThinking(TEXT);
    for (const index of [0, 3, 4, 20, 35, 36, 39]) {
      expect(verifyThinkingSignature(TEXT, flipByte(signature, index)), `byte ${index}`).toBe(false);
    }
  });

  it('accepts empty text (display: omitted) with any well-formed mock signature, and only those', () => {
    expect(verifyThinkingSignature('', signThinking(TEXT))).toBe(true);
    expect(verifyThinkingSignature('', signThinking(''))).toBe(true);
    expect(verifyThinkingSignature('', flipByte(signThinking(TEXT), 10))).toBe(false);
  });

  it('tells its own signatures (tampered or not) from foreign ones', () => {
    const own = signThinking(TEXT);
    expect(isMockSignature(own)).toBe(true);
    expect(isMockSignature(flipByte(own, 20))).toBe(true);
    for (const foreign of ['', 'not base64 !!', 'EqQKCkYIBxgCKkA', btoa('x'.repeat(40))]) expect(isMockSignature(foreign), foreign).toBe(false);
  });

  it('rejects malformed signatures without throwing', () => {
    for (const bad of ['', 'not base64 !!', btoa('short'), btoa('x'.repeat(40)), 'EqQKCkYIBxgCKkA' /* a real-API-looking one */]) {
      expect(verifyThinkingSignature(TEXT, bad), bad).toBe(false);
      expect(verifyThinkingSignature('', bad), bad).toBe(false);
    }
  });
});
