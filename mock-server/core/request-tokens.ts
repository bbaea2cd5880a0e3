import type { CanonicalPart, CanonicalRequest, CanonicalTool } from './canonical.ts';
import { countTokens } from './token-estimator.ts';

/**
 * Fixed overheads of the documented estimator (see `token-estimator.ts`). They stand in for the
 * role markers, tool framing and image encodings a real tokenizer would add, so that a request
 * with a system prompt or tools always counts more than the same messages alone.
 */
export const TOKEN_OVERHEAD = {
  /** Every request: start and end of the prompt. */
  request: 3,
  /** Every message (role marker and separators). */
  message: 4,
  /** A non-empty system prompt. */
  system: 4,
  /** Every tool definition, on top of its name, description and schema. */
  tool: 8,
  /** A tool call or tool result block, on top of its content. */
  toolBlock: 6,
  /** An image of any size (the mock does not decode images). */
  image: 1_600,
  /** A document given as base64/file/url (the mock does not read PDFs). */
  binaryDocument: 3_000,
} as const;

/**
 * Input tokens of a canonical request. The same function serves `usage.input_tokens` of a
 * generation and every protocol's token-counting endpoint, so the two always agree.
 */
export function estimateRequestTokens(request: Pick<CanonicalRequest, 'system' | 'messages' | 'tools'>): number {
  let total = TOKEN_OVERHEAD.request;
  if (request.system.length > 0) total += TOKEN_OVERHEAD.system + partsTokens(request.system);
  for (const message of request.messages) total += TOKEN_OVERHEAD.message + partsTokens(message.parts);
  for (const tool of request.tools) total += toolTokens(tool);
  return total;
}

function toolTokens(tool: CanonicalTool): number {
  return (
    TOKEN_OVERHEAD.tool +
    countTokens(tool.name) +
    countTokens(tool.description ?? '') +
    (tool.builtin ? 0 : countTokens(JSON.stringify(tool.inputSchema)))
  );
}

/** Tokens of a list of parts; exported for tests and for adapters that count partial content. */
export function partsTokens(parts: readonly CanonicalPart[]): number {
  let total = 0;
  for (const part of parts) total += partTokens(part);
  return total;
}

function partTokens(part: CanonicalPart): number {
  switch (part.kind) {
    case 'text':
      return countTokens(part.text);
    case 'image':
      return TOKEN_OVERHEAD.image;
    case 'document':
      return part.text !== undefined ? countTokens(part.text) + countTokens(part.title ?? '') : TOKEN_OVERHEAD.binaryDocument;
    case 'tool-call':
      return TOKEN_OVERHEAD.toolBlock + countTokens(part.name) + countTokens(JSON.stringify(part.input ?? {}));
    case 'tool-result':
      return TOKEN_OVERHEAD.toolBlock + partsTokens(part.parts);
    case 'thinking':
      return countTokens(part.text);
    case 'redacted-thinking':
      return Math.ceil(part.data.length / 8);
    case 'opaque':
      return countTokens(part.json);
  }
}
