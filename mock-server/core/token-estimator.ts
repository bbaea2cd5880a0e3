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

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    (code > 127 && /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(code)))
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/** Splits text into token pieces; `pieces.join('') === text` always holds. */
export function tokenize(text: string): string[] {
  const pieces: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = i;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i === n) {
      pieces.push(text.slice(start));
      break;
    }
    const wordStart = i;
    if (isWordChar(text.charCodeAt(i))) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      let cut = wordStart + MAX_WORD_PIECE;
      pieces.push(text.slice(start, Math.min(cut, i)));
      while (cut < i) {
        pieces.push(text.slice(cut, Math.min(cut + MAX_WORD_PIECE, i)));
        cut += MAX_WORD_PIECE;
      }
    } else {
      // One code point (a surrogate pair stays whole).
      const code = text.codePointAt(i) ?? 0;
      i += code > 0xffff ? 2 : 1;
      pieces.push(text.slice(start, i));
    }
  }
  return pieces;
}

/** Number of tokens in `text` by the rules above. */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  return tokenize(text).length;
}
