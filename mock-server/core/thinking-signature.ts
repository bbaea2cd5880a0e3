import { deterministicBytes, hash53 } from './hash.ts';

// Mock signatures are self-checking: a 4-byte magic, a 32-byte digest of the thinking text, and a
// 4-byte tag over the digest. The tag lets a replayed block with `display: "omitted"` (empty
// thinking text, as the real API sends it) still be recognised as one of ours.
const MAGIC = [0x4c, 0x43, 0x4d, 0x31]; // "LCM1"
const KEY = 'llm-conformance/thinking-signature/v1';

function digest(text: string): Uint8Array {
  return deterministicBytes(`${KEY}|${text}`, 32);
}

function tag(bytes: Uint8Array): Uint8Array {
  const h = hash53(String.fromCharCode(...bytes), 7);
  return new Uint8Array([h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff, (h >>> 24) & 0xff]);
}

/**
 * The signature the mock attaches to a thinking block. Like the real API's, it must come back
 * unchanged when the assistant turn is replayed; unlike the real one it is not secret.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/extended-thinking#thinking-encryption
 */
export function signThinking(text: string): string {
  const d = digest(text);
  return btoa(String.fromCharCode(...MAGIC, ...d, ...tag(d)));
}

/** Whether a signature has the mock's shape (a tampered one keeps it: the magic is at the start). */
export function isMockSignature(signature: string): boolean {
  try {
    const head = atob(signature.slice(0, 8));
    return MAGIC.every((m, i) => head.charCodeAt(i) === m);
  } catch {
    return false;
  }
}

/**
 * Whether `signature` is one the mock issued for `text`. An empty `text` (omitted display)
 * only needs a well-formed mock signature.
 */
export function verifyThinkingSignature(text: string, signature: string): boolean {
  let raw: string;
  try {
    raw = atob(signature);
  } catch {
    return false;
  }
  if (raw.length !== 40) return false;
  const bytes = Uint8Array.from(raw, (c) => c.charCodeAt(0));
  if (MAGIC.some((m, i) => bytes[i] !== m)) return false;
  const d = bytes.slice(4, 36);
  if (!tag(d).every((b, i) => b === bytes[36 + i])) return false;
  return text === '' || digest(text).every((b, i) => b === d[i]);
}
