import { describe, expect, it } from 'vitest';
import { MAX_TOP_LOGPROBS, tokenLogprobs } from './logprobs.ts';
import { tokenize } from './token-estimator.ts';

describe('tokenLogprobs', () => {
  const tokens = tokenize('Grüße, the world 🐎!');

  it('gives one entry per token, with its exact UTF-8 bytes and a logprob in (-0.52, 0]', () => {
    const entries = tokenLogprobs(tokens, 0, 'k');
    expect(entries.map((e) => e.token)).toEqual(tokens);
    for (const e of entries) {
      expect(e.bytes).toEqual([...new TextEncoder().encode(e.token)]);
      expect(e.logprob).toBeLessThanOrEqual(0);
      expect(e.logprob).toBeGreaterThan(-0.52);
      expect(e.top_logprobs).toEqual([]);
    }
  });

  it('lists the chosen token first, then distinct alternatives in decreasing probability, summing to at most 1', () => {
    for (const top of [1, 5, MAX_TOP_LOGPROBS]) {
      for (const e of tokenLogprobs([...tokens, ' the', '!'], top, 'k')) {
        expect(e.top_logprobs).toHaveLength(top);
        expect(e.top_logprobs[0]).toEqual({ token: e.token, logprob: e.logprob, bytes: e.bytes });
        expect(new Set(e.top_logprobs.map((t) => t.token)).size).toBe(top);
        const values = e.top_logprobs.map((t) => t.logprob);
        expect(values).toEqual([...values].sort((a, b) => b - a));
        expect(values.reduce((sum, v) => sum + Math.exp(v), 0)).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
  });

  it('clamps top_logprobs to 0-20', () => {
    expect(tokenLogprobs(['a'], 50, 'k')[0]?.top_logprobs).toHaveLength(MAX_TOP_LOGPROBS);
    expect(tokenLogprobs(['a'], -3, 'k')[0]?.top_logprobs).toHaveLength(0);
  });

  it('is deterministic per key and position: a token streamed alone with its offset gets the same entry', () => {
    const whole = tokenLogprobs(tokens, 3, 'choice-0');
    expect(tokenLogprobs(tokens, 3, 'choice-0')).toEqual(whole);
    tokens.forEach((token, i) => expect(tokenLogprobs([token], 3, 'choice-0', i)[0]).toEqual(whole[i]));
    expect(tokenLogprobs(tokens, 3, 'choice-1')).not.toEqual(whole);
  });
});
