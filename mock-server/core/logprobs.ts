import { hash53 } from './hash.ts';

/**
 * Deterministic token log probabilities for the tokens the reply engine emitted (OpenAI Chat
 * `logprobs`/`top_logprobs`, Responses `include: ["message.output_text.logprobs"]`).
 *
 * Each token's numbers depend only on the token, its position in the text and a key (the choice),
 * so a streamed reply carries, chunk by chunk, exactly the entries of the non-streaming reply.
 * They are plausible, not meaningful: the chosen token is always the most likely one (probability
 * 0.6-1), and the alternatives, all different tokens, share the rest in decreasing order, so that
 * every list is sorted and its probabilities sum to at most 1.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
 */
export interface TokenLogprob {
  readonly token: string;
  readonly logprob: number;
  /** The token's UTF-8 bytes (a token may be part of a character; its bytes are still exact). */
  readonly bytes: number[];
  readonly top_logprobs: { readonly token: string; readonly logprob: number; readonly bytes: number[] }[];
}

/** The most alternatives the APIs return per token (`top_logprobs` is 0-20). */
export const MAX_TOP_LOGPROBS = 20;

// Alternatives are drawn from common tokens; 21 entries leave 20 even when the chosen token is one.
const ALTERNATIVES = [' the', ' a', ',', '.', ' and', ' to', ' of', ' is', ' in', ' that', ' it', ' I', ' you', ' for', ' on', ' with', ' as', ' this', ' be', ' at', '!'];

const encoder = new TextEncoder();

/**
 * The logprob entry of each token, in order. `key` separates choices of one request (choice 1
 * gets other numbers than choice 0); `offset` is the position of the first token in the whole
 * text (a stream that cuts one token per chunk passes each token with its position).
 */
export function tokenLogprobs(tokens: readonly string[], topLogprobs: number, key: string, offset = 0): TokenLogprob[] {
  const top = Math.max(0, Math.min(MAX_TOP_LOGPROBS, Math.floor(topLogprobs)));
  return tokens.map((token, i) => entry(token, offset + i, top, key));
}

function entry(token: string, position: number, top: number, key: string): TokenLogprob {
  const seed = hash53(`${key}|${position}|${token}`);
  // Probability of the chosen token in [0.6, 1): logprob in (-0.51, 0].
  const p = 0.6 + 0.4 * ((seed % 10_000) / 10_000);
  const logprob = round(Math.log(p));
  const bytes = bytesOf(token);
  const alternatives: TokenLogprob['top_logprobs'] = top > 0 ? [{ token, logprob, bytes }] : [];
  // The rest of the mass halves from one alternative to the next: log((1 - p) / 2^j).
  const restLog = Math.log(1 - p);
  // Consecutive entries of the pool from a seeded start, skipping the chosen token: all distinct.
  let k = seed % ALTERNATIVES.length;
  for (let j = 1; j < top; j++, k++) {
    if (ALTERNATIVES[k % ALTERNATIVES.length] === token) k++;
    const alternative = ALTERNATIVES[k % ALTERNATIVES.length]!;
    alternatives.push({ token: alternative, logprob: round(restLog - j * Math.LN2), bytes: ALTERNATIVE_BYTES.get(alternative)! });
  }
  return { token, logprob, bytes, top_logprobs: alternatives };
}

function bytesOf(token: string): number[] {
  return [...encoder.encode(token)];
}

const ALTERNATIVE_BYTES = new Map(ALTERNATIVES.map((a) => [a, bytesOf(a)]));

/** Eight decimals (the API prints about as many); never positive. */
function round(value: number): number {
  return Math.min(0, Math.round(value * 1e8) / 1e8);
}
