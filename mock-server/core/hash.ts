/**
 * Small, dependency-free deterministic hashing for ids and signatures. Not cryptographic: the mock
 * needs "same input, same output" in every runtime (node, browsers under msw), not secrecy.
 */

/** cyrb53: a fast 53-bit string hash (public domain, bryc). */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A seeded pseudo-random generator (sfc32) returning 32-bit unsigned integers. */
export function prng(key: string): () => number {
  let a = hash53(key, 1) >>> 0;
  let b = hash53(key, 2) >>> 0;
  let c = hash53(key, 3) >>> 0;
  let d = hash53(key, 4) >>> 0;
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
}

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` characters from `alphabet`, fully determined by `key`. */
export function deterministicString(key: string, length: number, alphabet: string = BASE62): string {
  const next = prng(key);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length];
  return out;
}

/** `length` bytes fully determined by `key`. */
export function deterministicBytes(key: string, length: number): Uint8Array {
  const next = prng(key);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = next() & 0xff;
  return bytes;
}
