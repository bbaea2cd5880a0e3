import type { StreamGrammar } from '../tooling/stream-grammar.ts';

/**
 * The kinds of chunk a :streamGenerateContent stream is made of. Every chunk is a whole
 * GenerateContentResponse (there is no `type` field and no `event:` line); its kind follows from
 * its content, by {@link geminiChunkType}:
 * - `chunk`: candidates still being generated (no `finishReason` yet);
 * - `final`: a candidate's last chunk, carrying its `finishReason` (and the final usage);
 * - `blocked`: the prompt was refused (`promptFeedback.blockReason`, no candidates).
 */
export const GEMINI_CHUNK_TYPES = ['chunk', 'final', 'blocked'] as const;

export type GeminiChunkType = (typeof GEMINI_CHUNK_TYPES)[number];

/**
 * Order of a :streamGenerateContent stream, the same with `alt=sse` (one `data:` frame per
 * chunk, no `[DONE]`) and without it (one JSON array): any number of `chunk`s, then `final`.
 * More `final`s may follow for the other candidates of a `candidateCount` > 1 request; nothing
 * else may. A stream that ends without a `final` was cut short. A blocked prompt is one
 * `blocked` chunk. Every chunk carries the cumulative `usageMetadata` (checked apart from the
 * order: the grammar is about kinds).
 *
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 */
export const geminiStreamGrammar = {
  protocol: 'gemini',
  events: GEMINI_CHUNK_TYPES,
  keepAlive: [],
  initial: 'start',
  final: ['done'],
  transitions: {
    start: { chunk: 'generating', final: 'done', blocked: 'done' },
    generating: { chunk: 'generating', final: 'done' },
    done: { final: 'done' },
  },
} as const satisfies StreamGrammar;

/** The kind of one stream chunk (a parsed GenerateContentResponse). */
export function geminiChunkType(chunk: unknown): GeminiChunkType {
  const data = (chunk ?? {}) as { candidates?: unknown; promptFeedback?: { blockReason?: unknown } };
  const candidates = Array.isArray(data.candidates) ? (data.candidates as { finishReason?: unknown }[]) : [];
  if (candidates.some((c) => c !== null && typeof c === 'object' && typeof c.finishReason === 'string' && c.finishReason !== '')) return 'final';
  if (candidates.length === 0 && typeof data.promptFeedback?.blockReason === 'string') return 'blocked';
  return 'chunk';
}
