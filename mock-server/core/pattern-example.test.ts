import { describe, expect, it } from 'vitest';
import { patternExample } from './pattern-example.ts';

describe('patternExample', () => {
  it('writes the shortest match of common patterns', () => {
    const cases: [string, string][] = [
      ['^[A-Z]{3}-[0-9]{4}$', 'AAA-0000'],
      ['^\\d{3}-\\d{4}$', '000-0000'],
      ['^#[0-9a-fA-F]{6}$', '#000000'],
      ['^https?://', 'http://'],
      ['^(?<year>\\d{4})-(?<m>\\d{2})$', '0000-00'],
      ['^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', 'a@a.aa'],
      ['^\\p{Lu}\\w*$', 'A'],
      ['^(?:foo|bar)+\\.json$', 'foo.json'],
      ['^\\u0041\\x42\\u{43}$', 'ABC'],
    ];
    for (const [pattern, expected] of cases) expect(patternExample(pattern, 0, Infinity, 1_000), pattern).toBe(expected);
  });

  it('reaches minLength by repeating the first unbounded part, within maxLength', () => {
    expect(patternExample('^example(x+x+)+y$', 38, Infinity, 1_000)).toBe(`example${'x'.repeat(30)}y`);
    expect(patternExample('^[a-z]{2,4}$', 3, Infinity, 1_000)).toBe('aaa');
    expect(patternExample('^[a-z]{2,4}$', 5, Infinity, 1_000)).toBeUndefined();
    expect(patternExample('^[a-z]+$', 10, 5, 1_000)).toBeUndefined();
  });

  it('drops lookaheads, as the linear-time engine that checks the result does (approximate)', () => {
    expect(patternExample('^(?=b)a$', 0, Infinity, 1_000)).toBe('a');
  });

  it('gives up (undefined) on what it does not model or cannot afford, without allocating it', () => {
    expect(patternExample('^(a)\\1$', 0, Infinity, 1_000)).toBeUndefined();
    expect(patternExample('(a{1000}){1000}{1000}', 0, Infinity, 1_000_000)).toBeUndefined();
    expect(patternExample('('.repeat(100_000), 0, Infinity, 1_000)).toBeUndefined();
  });
});
