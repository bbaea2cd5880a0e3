import { signThinking, verifyThinkingSignature } from '../../core/thinking-signature.ts';

// Mock-issued encrypted reasoning: base64 of a 4-byte magic and the UTF-8 reasoning text, a dot,
// and the core thinking signature of that text. Like the API's (Fernet tokens, `gAAAAA…`) it is
// opaque to clients and must come back unchanged; unlike the API's it is not secret.
const MAGIC = 'LCR1';
const PREFIX = btoa(MAGIC).slice(0, 5);

/** What the mock makes of an `encrypted_content` a client sends back. */
export type OpenedReasoning =
  /** Issued by this mock and intact: the reasoning text it carries. */
  | { readonly kind: 'mock'; readonly text: string }
  /** Not the mock's (a real API's, from a replayed transcript): accepted unverified. */
  | { readonly kind: 'foreign' }
  /** The mock's shape, but altered: the API answers `invalid_encrypted_content`. */
  | { readonly kind: 'tampered' };

/**
 * The `encrypted_content` of a reasoning item (`include: ["reasoning.encrypted_content"]`), which
 * stateless clients (Codex CLI with `store: false`) send back in the next request's `input`.
 *
 * @see https://platform.openai.com/docs/guides/reasoning#encrypted-reasoning-items
 */
export function encryptReasoning(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = MAGIC;
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `${btoa(binary)}.${signThinking(text)}`;
}

/** Opens an `encrypted_content`: the mock's own (verified), a foreign one, or a tampered one of ours. */
export function openReasoning(encrypted: string): OpenedReasoning {
  if (!encrypted.startsWith(PREFIX)) return { kind: 'foreign' };
  const dot = encrypted.indexOf('.');
  if (dot === -1) return { kind: 'tampered' };
  let binary: string;
  try {
    binary = atob(encrypted.slice(0, dot));
  } catch {
    return { kind: 'tampered' };
  }
  if (!binary.startsWith(MAGIC)) return { kind: 'tampered' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(binary.slice(MAGIC.length), (c) => c.charCodeAt(0)));
  // An empty text would only be checked for the signature's shape: bind it to the payload instead.
  if (text === '' || !verifyThinkingSignature(text, encrypted.slice(dot + 1))) return { kind: 'tampered' };
  return { kind: 'mock', text };
}
