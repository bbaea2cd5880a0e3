import { describe, expect, it } from 'vitest';
import { cut, oneLine, visibleText } from './text.ts';

describe('visibleText', () => {
  it('shows controls, bidi overrides, non-characters and lone surrogates as escapes; keeps the rest', () => {
    expect(visibleText('a\u001b[31mb\u0000\u0007\u007f\u009b\u202e\u2066\ufffe\ud800x\udc00')).toBe(
      'a\\u{001b}[31mb\\u{0000}\\u{0007}\\u{007f}\\u{009b}\\u{202e}\\u{2066}\\u{fffe}\\u{d800}x\\u{dc00}',
    );
    expect(visibleText('ünï 😀 <b>&')).toBe('ünï 😀 <b>&');
  });

  it('keeps tab and line ends in multiline mode, escapes them otherwise', () => {
    expect(visibleText('a\tb\r\nc')).toBe('a\\tb\\r\\nc');
    expect(visibleText('a\tb\r\nc', { multiline: true })).toBe('a\tb\r\nc');
  });

  it('cuts at a code point, never inside a surrogate pair', () => {
    expect(cut('ab😀cd', 3)).toBe('ab…');
    expect(cut('abc', 3)).toBe('abc');
    expect(oneLine('x\ny', 10)).toBe('x\\ny');
  });
});
