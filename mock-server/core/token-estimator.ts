/**
 * The mock's documented token estimator. It is not any vendor's tokenizer; it is a stable,
 * explainable approximation, so that usage numbers are deterministic and the same text always
 * splits the same way in every protocol.
 *
 * Rules:
 * - Text splits into pieces: a run of letters/digits/underscores (with the whitespace before it),
 *   or a single other non-space character (with the whitespace before it). Whitespace at the end
 *   of the text is a piece of its own.
 * - A word longer than 4 characters is cut into 4-character pieces (the first keeps the leading space).
 * - One piece is one token. Joining the pieces gives back the text exactly, which is what lets
 *   the streamers emit one delta per token and `max_tokens` cut the text at a token boundary.
 *
 * Request costs (see {@link estimateRequestTokens} in `request-tokens.ts`) add fixed overheads
 * per message, tool and image on top of the text.
 */
export const TOKEN_ESTIMATOR_VERSION = 'llm-conformance-estimator-1';

const MAX_WORD_PIECE = 4;

// Word-ness of every UTF-16 code unit above ASCII, decided once by the Unicode regex and then
// looked up (0 = not yet known, 1 = word, 2 = other): a 30 MB non-ASCII prompt must not run the
// regex 30 million times.
const nonAsciiWord = new Uint8Array(65_536);
const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 48 && code <= 57) || // 0-9
      (code >= 65 && code <= 90) || // A-Z
      (code >= 97 && code <= 122) || // a-z
      code === 95 // _
    );
  }
  let known = nonAsciiWord[code]!;
  if (known === 0) {
    known = UNICODE_WORD.test(String.fromCharCode(code)) ? 1 : 2;
    nonAsciiWord[code] = known;
  }
  return known === 1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/**
 * End of the piece that starts at `i`: leading whitespace plus up to four word characters, or
 * plus one other code point; trailing whitespace alone. Stateless, so counting needs no slices.
 */
function pieceEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i === n) return n;
  if (isWordChar(text.charCodeAt(i))) {
    const stop = Math.min(n, i + MAX_WORD_PIECE);
    i++;
    while (i < stop && isWordChar(text.charCodeAt(i))) i++;
    return i;
  }
  // One code point (a surrogate pair stays whole).
  return i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
}

/**
 * Splits text into token pieces; `pieces.join('') === text` always holds. With `limit`, stops
 * after that many pieces (a 30 MB prompt cut to `max_tokens` is not split whole first).
 */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length && pieces.length < limit; ) {
    const end = pieceEnd(text, i);
    pieces.push(text.slice(i, end));
    i = end;
  }
  return pieces;
}

/** Number of tokens in `text` by the rules above; linear, and allocates nothing. */
export function countTokens(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; count++) i = pieceEnd(text, i);
  return count;
}
