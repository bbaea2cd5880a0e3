import { describe, expect, it } from 'vitest';
import { prng } from './hash.ts';
import { countTokens, tokenize, TOKEN_ESTIMATOR_VERSION } from './token-estimator.ts';

const SAMPLES: Record<string, string> = {
  ascii: 'The quick brown fox jumps over the lazy dog.',
  punctuation: 'a,b;c!? (x) [y] {z} "q" \'s\' -- ... ::',
  'whitespace runs': '  leading\t\ttabs\n\n\nnewlines   trailing   ',
  'only whitespace': ' \t\n\r\f\v\u00a0 ',
  'long word': 'supercalifragilisticexpialidocious antidisestablishmentarianism',
  digits: '3.14159 2026-01-01T00:00:00Z 1,000,000 0xdeadbeef',
  accents: 'Ça déjà vu — naïve façade, Ærøskøbing, Zürich',
  combining: 'e\u0301te\u0301 (decomposed accents)',
  cjk: '我爱北京天安门。日本語のテキスト、한국어 텍스트',
  emoji: 'hi 👋🏽 family 👨‍👩‍👧‍👦 flag 🇫🇷 heart ❤️ done ✅',
  'astral letters': '𝐀𝐁𝐂 𠀀𠀁 text',
  'lone surrogate': 'bad \ud800 half and \udc00 other',
  mixed: 'snake_case camelCaseWord kebab-case path/to/file.ts https://example.com/a?b=c#d',
  json: '{"city":"Paris","unit":"celsius","n":[1,2,3]}',
  rtl: 'مرحبا بالعالم שלום עולם',
};

describe('tokenize', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`joins back exactly: ${name}`, () => {
      const pieces = tokenize(text);
      expect(pieces.join('')).toBe(text);
      expect(pieces.every((p) => p.length > 0)).toBe(true);
      expect(countTokens(text)).toBe(pieces.length);
    });
  }

  it('splits into documented pieces: leading whitespace stays with the next piece, words cut at 4 chars', () => {
    expect(tokenize('Hello world')).toEqual(['Hell', 'o', ' worl', 'd']);
    expect(tokenize('  a, b!')).toEqual(['  a', ',', ' b', '!']);
    expect(tokenize('end   ')).toEqual(['end', '   ']);
    expect(tokenize('word_with_underscores')).toEqual(['word', '_wit', 'h_un', 'ders', 'core', 's']);
  });

  it('keeps a surrogate pair (emoji, astral letters) in one piece', () => {
    expect(tokenize('👋')).toEqual(['👋']);
    expect(tokenize('a 😀b')).toEqual(['a', ' 😀', 'b']);
    for (const piece of tokenize(SAMPLES.emoji ?? '')) {
      const first = piece.charCodeAt(0);
      const last = piece.charCodeAt(piece.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff, `piece ${JSON.stringify(piece)} ends in a high surrogate`).toBe(false);
      expect(first >= 0xdc00 && first <= 0xdfff, `piece ${JSON.stringify(piece)} starts with a low surrogate`).toBe(false);
    }
  });

  it('treats letters of every script as word characters', () => {
    expect(tokenize('日本語テキスト')).toEqual(['日本語テ', 'キスト']);
    expect(tokenize('Zürich')).toEqual(['Züri', 'ch']);
  });

  it('counts the empty string as 0 tokens and yields no pieces', () => {
    expect(tokenize('')).toEqual([]);
    expect(countTokens('')).toBe(0);
  });

  it('is prefix-stable: re-tokenizing the first k pieces gives those k pieces (what max_tokens relies on)', () => {
    for (const text of Object.values(SAMPLES)) {
      const pieces = tokenize(text);
      for (let k = 0; k <= pieces.length; k++) {
        expect(tokenize(pieces.slice(0, k).join(''))).toEqual(pieces.slice(0, k));
      }
    }
  });

  it('joins back exactly on seeded random strings over a mixed alphabet', () => {
    const alphabet = ['a', 'Z', '9', '_', ' ', '  ', '\n', '\t', '.', ',', 'é', '中', '👍', '\u200d', '\ufe0f', '\u00a0', '\r\n'];
    const next = prng('token-estimator-fuzz');
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = next() % 40;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      expect(tokenize(text).join('')).toBe(text);
    }
  });
});

describe('countTokens', () => {
  it('is stable: these counts are part of the documented estimator', () => {
    expect(TOKEN_ESTIMATOR_VERSION).toBe('llm-conformance-estimator-1');
    expect(countTokens(SAMPLES.ascii ?? '')).toBe(13);
    expect(countTokens('Hello world')).toBe(4);
    expect(countTokens('a')).toBe(1);
    expect(countTokens('   ')).toBe(1);
    expect(countTokens('abcdefghij')).toBe(3);
  });

  it('gives the same answer on every call', () => {
    for (const text of Object.values(SAMPLES)) expect(countTokens(text)).toBe(countTokens(text));
  });

  it('grows with the text', () => {
    expect(countTokens('one two three')).toBeGreaterThan(countTokens('one two'));
  });
});

describe('tokenize with a limit, countTokens on large text', () => {
  it('stops after `limit` pieces, which are the first pieces of the whole split', () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    expect(tokenize(text, 3)).toEqual(tokenize(text).slice(0, 3));
    expect(tokenize(text, 0)).toEqual([]);
  });

  it('counts 30 MB of punctuation (one token per character) without splitting it', () => {
    const text = '!?.,;:'.repeat(5_000_000);
    expect(countTokens(text)).toBe(text.length);
    expect(countTokens('é'.repeat(1_000_000))).toBe(250_000);
  });
});
