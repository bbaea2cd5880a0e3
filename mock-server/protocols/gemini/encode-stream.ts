import { geminiChunkType } from '../../../specs/gemini/stream-grammar.ts';
import type { CanonicalReply } from '../../core/canonical.ts';
import type { StreamEvent } from '../../core/protocol-adapter.ts';
import { tokenize } from '../../core/token-estimator.ts';
import { answerPart, answerTokens, encodeCandidates, encodeUsage, type ReplyIdentity, signFirstAnswer, thoughtPart, type WirePart } from './encode-response.ts';

/** Tokens per streamed chunk (the live API sends a few words per chunk, not one token). */
export const CHUNK_TOKENS = 4;

/** A piece of the reply as it streams: its parts, and the answer/thought tokens it adds. */
interface Piece {
  readonly parts: WirePart[];
  readonly answer: number;
  readonly thoughts: number;
}

/** Tokens cut into groups of {@link CHUNK_TOKENS}, each a streamed piece. */
function groups(tokens: readonly string[], part: (text: string) => WirePart, kind: 'answer' | 'thoughts'): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < tokens.length; i += CHUNK_TOKENS) {
    const group = tokens.slice(i, i + CHUNK_TOKENS);
    out.push({ parts: [part(group.join(''))], answer: kind === 'answer' ? group.length : 0, thoughts: kind === 'thoughts' ? group.length : 0 });
  }
  return out;
}

/** The reply cut into stream pieces: thought text, then answer text, a whole function call per piece. */
function pieces(reply: CanonicalReply, identity: ReplyIdentity): Piece[] {
  const out: Piece[] = [];
  let textTokens = 0;
  for (const block of reply.blocks) {
    if (block.kind === 'thinking') {
      if (identity.includeThoughts && block.text !== '') out.push(...groups(block.tokens ?? tokenize(block.text), thoughtPart, 'thoughts'));
    } else if (block.kind === 'text') {
      const tokens = block.tokens ?? tokenize(block.text);
      textTokens += tokens.length;
      out.push(...groups(tokens, (text) => ({ text }), 'answer'));
    } else {
      const part = answerPart(block);
      if (part) out.push({ parts: [part], answer: 0, thoughts: 0 });
    }
  }
  // A function call's tokens (name, arguments, framing) are what the answer costs beyond its text.
  const callTokens = answerTokens(reply, 1) - textTokens;
  const calls = out.filter((p) => p.parts[0]?.functionCall !== undefined);
  return out.map((p) => (calls.includes(p) ? { ...p, answer: Math.ceil(callTokens / calls.length) } : p));
}

/**
 * The chunks of :streamGenerateContent, each a whole GenerateContentResponse: a few tokens of
 * thought or answer per chunk (a function call whole), every chunk with the cumulative
 * `usageMetadata`, `modelVersion` and `responseId`, and `finishReason` on the last. The thought
 * signature rides on the first answer part; thoughts the caller did not ask to see are counted
 * from the first chunk on (the model thought before it answered).
 *
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 */
export function encodeStream(identity: ReplyIdentity, reply: CanonicalReply): StreamEvent[] {
  const list = pieces(reply, identity);
  const signed = list.findIndex((p) => p.parts[0]?.thought !== true);
  if (signed !== -1) list[signed] = { ...list[signed]!, parts: signFirstAnswer(list[signed]!.parts, identity.signature) };
  const n = identity.candidates;
  const totalAnswer = answerTokens(reply, n);
  const totalThoughts = reply.usage.thinkingTokens * n;
  let answer = 0;
  let thoughts = identity.includeThoughts ? 0 : totalThoughts;
  const chunks = (list.length > 0 ? list : [{ parts: [], answer: 0, thoughts: 0 }]).map((piece, i, all) => {
    const last = i === all.length - 1;
    answer = last ? totalAnswer : Math.min(totalAnswer, answer + piece.answer * n);
    thoughts = last ? totalThoughts : Math.min(totalThoughts, thoughts + piece.thoughts * n);
    return {
      candidates: encodeCandidates(piece.parts, identity, last ? reply : undefined),
      usageMetadata: encodeUsage(reply.usage.inputTokens, answer, thoughts),
      modelVersion: identity.modelVersion,
      responseId: identity.responseId,
    };
  });
  return chunks.map((data) => ({ type: geminiChunkType(data), data }));
}
