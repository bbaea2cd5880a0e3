import { BASE62, deterministicString } from './hash.ts';

/**
 * Vendor-shaped identifiers derived from a key, so that the same request always yields the same
 * ids (and therefore the same bytes). The shapes follow what the real APIs return, e.g. Anthropic's
 * `msg_01` + 22 base-62 characters.
 *
 * @example vendorId('msg_01', 'seed:0|body-hash') // 'msg_01Xy…' (28 chars)
 */
export function vendorId(prefix: string, key: string, length = 22, alphabet: string = BASE62): string {
  return `${prefix}${deterministicString(`${prefix}|${key}`, length, alphabet)}`;
}
