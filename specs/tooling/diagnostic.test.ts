import { describe, expect, it } from 'vitest';
import { diagnostic, formatDiagnostics, joinPointer, pointerToField } from './diagnostic.ts';

describe('diagnostic helpers', () => {
  it('turn JSON Pointers into the dotted fields vendors print', () => {
    expect(pointerToField('')).toBe('');
    expect(pointerToField('/messages/0/content')).toBe('messages.0.content');
    expect(pointerToField('/a~1b/c~0d')).toBe('a/b.c~d');
  });

  it('escape pointer segments', () => {
    expect(joinPointer('/tools', 'a/b~c')).toBe('/tools/a~1b~0c');
    expect(joinPointer('', 0)).toBe('/0');
  });

  it('prefix the message with the field, except at the root', () => {
    expect(diagnostic('/max_tokens', 'required', 'Field required')).toEqual({
      path: '/max_tokens',
      field: 'max_tokens',
      keyword: 'required',
      severity: 'error',
      message: 'max_tokens: Field required',
    });
    expect(diagnostic('', 'type', 'Input should be a valid dictionary', 'warning')).toMatchObject({
      message: 'Input should be a valid dictionary',
      severity: 'warning',
    });
  });

  it('format a bounded list on one line', () => {
    const many = ['a', 'b', 'c'].map((f) => diagnostic(`/${f}`, 'required', 'Field required'));
    expect(formatDiagnostics(many, 2)).toBe('a: Field required; b: Field required; … and 1 more');
    expect(formatDiagnostics(many)).toBe('a: Field required; b: Field required; c: Field required');
  });
});
