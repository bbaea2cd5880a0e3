import { describe, expect, it } from 'vitest';
import { embed, embeddingToBase64 } from './embeddings.ts';

const norm = (v: readonly number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

describe('embed', () => {
  it('is deterministic and text-dependent', () => {
    expect(embed('hello', 8)).toEqual(embed('hello', 8));
    expect(embed('hello', 8)).not.toEqual(embed('hello!', 8));
  });

  it('returns unit vectors of the asked length', () => {
    for (const d of [1, 3, 256, 3072]) {
      const v = embed('the quick brown fox', d);
      expect(v).toHaveLength(d);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('a shorter vector points the same way as the prefix of a longer one', () => {
    const long = embed('same direction', 64);
    const short = embed('same direction', 16);
    const prefixNorm = norm(long.slice(0, 16));
    short.forEach((x, i) => expect(x).toBeCloseTo(long[i]! / prefixNorm, 5));
  });

  it('rejects a dimension count that is not a positive integer', () => {
    for (const d of [0, -1, 1.5, Number.NaN]) expect(() => embed('x', d)).toThrow(RangeError);
  });

  it('base64 is the little-endian float32 bytes of the vector', () => {
    const v = embed('bytes', 5);
    const decoded = new Float32Array(new Uint8Array(Buffer.from(embeddingToBase64(v), 'base64')).buffer);
    expect([...decoded]).toEqual(v);
  });
});
