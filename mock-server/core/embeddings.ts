import { prng } from './hash.ts';

/**
 * Deterministic embeddings: the same text gives the same unit vector in every protocol (OpenAI
 * `/v1/embeddings`, Gemini `:embedContent` / `:batchEmbedContents`), so a test can compare vectors
 * across protocols and a gateway's translation can be checked number for number.
 *
 * The vector is the prefix of one endless, text-seeded stream of values, renormalised: asking for
 * fewer `dimensions` (OpenAI `dimensions`, Gemini `outputDimensionality`) gives a shorter vector
 * pointing the same way, as the vendors' Matryoshka-trained models do.
 *
 * @see https://platform.openai.com/docs/api-reference/embeddings/create
 * @see https://ai.google.dev/api/embeddings
 */
export function embed(text: string, dimensions: number): number[] {
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  const next = prng(`embedding|${text}`);
  const values = new Array<number>(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    // Uniform in [-1, 1): enough for cosine similarity tests; never all zero.
    const value = next() / 0x80000000 - 1;
    values[i] = value;
    norm += value * value;
  }
  const scale = 1 / Math.sqrt(norm);
  // Rounded to float32 precision, as the APIs return them (and as base64 float32 encodes them).
  return values.map((v) => Math.fround(v * scale));
}

/**
 * A vector as OpenAI's `encoding_format: "base64"` spells it: little-endian float32 bytes, base64
 * (the Python SDK's default; openai-node decodes it back to numbers).
 */
export function embeddingToBase64(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  const bytes = new Uint8Array(floats.buffer);
  // Float32Array is platform-endian; every platform Node runs on is little-endian, as the API is.
  return Buffer.from(bytes).toString('base64');
}
