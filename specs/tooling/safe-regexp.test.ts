import { describe, expect, it } from 'vitest';
import { compileToolSchema } from './tool-schema.ts';
import { safeRegExp, stripLookaheads } from './safe-regexp.ts';

describe('safeRegExp', () => {
  it('matches as ECMA-262 does for ordinary patterns', () => {
    const cases: [string, string, boolean][] = [
      ['^[A-Z]{3}-[0-9]{4}$', 'ABC-1234', true],
      ['^[A-Z]{3}-[0-9]{4}$', 'abc-1234', false],
      ['^\\d+$', '123', true],
      ['^\\p{L}+$', 'héllo', true],
      ['^\\u0041$', 'A', true],
      ['^(?<word>\\w+)$', 'word', true],
      ['(?<=a)b', 'ab', true],
      ['x$', 'x\ny', false],
    ];
    for (const [pattern, value, expected] of cases) {
      expect(safeRegExp(pattern).test(value), `${pattern} ${value}`).toBe(expected);
      expect(new RegExp(pattern, 'u').test(value), `native ${pattern}`).toBe(expected);
    }
  });

  it('answers catastrophic-backtracking patterns on long inputs (linear time)', () => {
    const re = safeRegExp('^example(x+x+)+y$');
    expect(re.fidelity).toBe('exact');
    expect(re.test(`example${'x'.repeat(100_000)}`)).toBe(false);
    expect(re.test(`example${'x'.repeat(100_000)}y`)).toBe(true);
    expect(safeRegExp('^(a|a)*$').test(`${'a'.repeat(50_000)}!`)).toBe(false);
  });

  it('drops lookaheads (approximate) and does not evaluate backreferences (unchecked)', () => {
    const email = safeRegExp("^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-\\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");
    expect(email.fidelity).toBe('approximate');
    expect(email.test('user@example.com')).toBe(true);
    expect(email.test('not an email')).toBe(false);
    const backref = safeRegExp('^(a)\\1$');
    expect(backref.fidelity).toBe('unchecked');
    expect(backref.test('anything')).toBe(true);
    expect(stripLookaheads('a(?=b(c))[(?=]\\(?!x(?!y)z')).toBe('a[(?=]\\(?!xz');
  });

  it('throws a SyntaxError for what is not a regular expression', () => {
    expect(() => safeRegExp('(unclosed')).toThrow(SyntaxError);
  });

  it('is the engine of callers’ schemas: each pattern stays its own (ajv keys patterns by toString)', () => {
    const compiled = compileToolSchema({ type: 'object', properties: { a: { type: 'string', pattern: '^a+$' }, b: { type: 'string', pattern: '^b+$' } } });
    expect(compiled.ok && compiled.validate({ a: 'aaa', b: 'bbb' })).toEqual([]);
    expect(compiled.ok && compiled.validate({ a: 'bbb', b: 'aaa' }).map((d) => d.field)).toEqual(['a', 'b']);
    expect(String(safeRegExp('^a+$'))).toBe('/^a+$/u');
  });
});
