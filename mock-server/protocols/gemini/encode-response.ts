import type { CanonicalBlock, CanonicalReply, CanonicalStopReason } from '../../core/canonical.ts';

/**
 * Gemini's finish reason for each canonical stop reason. A stop sequence and a function call
 * both end with `STOP` (the API has no stop-sequence or tool-use reason; the sequence itself is
 * left out of the text).
 *
 * @see https://ai.google.dev/api/generate-content#FinishReason
 */
export const FINISH_REASONS: Readonly<Record<CanonicalStopReason, string>> = {
  end: 'STOP',
  'stop-sequence': 'STOP',
  'max-tokens': 'MAX_TOKENS',
  'tool-use': 'STOP',
};

/** What the live API adds to a candidate that ends in function calls. */
const FUNCTION_CALL_FINISH_MESSAGE = 'Model generated function call(s).';

/** Everything about one reply that is not in the canonical reply. */
export interface ReplyIdentity {
  /** The model that answered (`modelVersion`): the catalog id, which an alias resolves to. */
  readonly modelVersion: string;
  readonly responseId: string;
  /** `candidateCount`: the mock's candidates are copies of one reply, each with its `index`. */
  readonly candidates: number;
  /** Whether thought parts are sent (`thinkingConfig.includeThoughts`). */
  readonly includeThoughts: boolean;
  /** The thought signature on the first answer part, when the model thought. */
  readonly signature: string | undefined;
}

/** One part of a candidate's content, in the key order of the live API. */
export type WirePart = Record<string, unknown>;

/**
 * The answer part of one canonical block: text, or a function call (`args` an object). Thinking
 * goes out as a thought part ({@link thoughtPart}); blocks Gemini has no part for are left out.
 */
export function answerPart(block: CanonicalBlock): WirePart | undefined {
  switch (block.kind) {
    case 'text':
      return { text: block.text };
    case 'tool-call':
      return { functionCall: { name: block.name, args: block.input } };
    default:
      return undefined;
  }
}

/** A thought summary part: `{"text": …, "thought": true}`. */
export function thoughtPart(text: string): WirePart {
  return { text, thought: true };
}

/** The parts of a whole reply: thoughts (if asked for), then text and function calls; the signature rides on the first answer part. */
export function encodeParts(reply: CanonicalReply, identity: ReplyIdentity): WirePart[] {
  const parts: WirePart[] = [];
  for (const block of reply.blocks) {
    if (block.kind === 'thinking') {
      if (identity.includeThoughts && block.text !== '') parts.push(thoughtPart(block.text));
      continue;
    }
    const part = answerPart(block);
    if (part) parts.push(part);
  }
  return signFirstAnswer(parts, identity.signature);
}

/** Puts the thought signature on the first part that is not a thought, as the API does. */
export function signFirstAnswer(parts: WirePart[], signature: string | undefined): WirePart[] {
  if (signature === undefined) return parts;
  const index = parts.findIndex((p) => p.thought !== true);
  return index === -1 ? parts : parts.map((p, i) => (i === index ? { ...p, thoughtSignature: signature } : p));
}

/**
 * `usageMetadata` in the live API's key order. Zero counts are left out (proto3 JSON omits
 * defaults): no `candidatesTokenCount` before the first answer token, no `thoughtsTokenCount`
 * for a model that did not think. `totalTokenCount` adds thoughts in.
 *
 * @see https://ai.google.dev/api/generate-content#UsageMetadata
 */
export function encodeUsage(promptTokens: number, candidatesTokens: number, thoughtsTokens: number) {
  return {
    promptTokenCount: promptTokens,
    ...(candidatesTokens > 0 ? { candidatesTokenCount: candidatesTokens } : {}),
    totalTokenCount: promptTokens + candidatesTokens + thoughtsTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
    ...(thoughtsTokens > 0 ? { thoughtsTokenCount: thoughtsTokens } : {}),
  };
}

/** One candidate per `candidateCount`, each with its index; `finishReason` when given. */
export function encodeCandidates(parts: readonly WirePart[], identity: ReplyIdentity, reply: CanonicalReply | undefined) {
  const content = parts.length > 0 ? { parts, role: 'model' } : { role: 'model' };
  const toolUse = reply?.stopReason === 'tool-use';
  return Array.from({ length: identity.candidates }, (_, index) => ({
    content,
    ...(reply ? { finishReason: FINISH_REASONS[reply.stopReason] } : {}),
    index,
    ...(toolUse ? { finishMessage: FUNCTION_CALL_FINISH_MESSAGE } : {}),
  }));
}

/** Tokens of the answer (output minus thinking) of every candidate. */
export function answerTokens(reply: CanonicalReply, candidates: number): number {
  return (reply.usage.outputTokens - reply.usage.thinkingTokens) * candidates;
}

/**
 * The GenerateContentResponse of :generateContent, in the live API's key order.
 *
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 */
export function encodeResponse(identity: ReplyIdentity, reply: CanonicalReply) {
  return {
    candidates: encodeCandidates(encodeParts(reply, identity), identity, reply),
    usageMetadata: encodeUsage(reply.usage.inputTokens, answerTokens(reply, identity.candidates), reply.usage.thinkingTokens * identity.candidates),
    modelVersion: identity.modelVersion,
    responseId: identity.responseId,
  };
}
