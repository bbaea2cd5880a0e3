import { describe, expect, it } from 'vitest';
import { filterProblems, globMatch, matchesFilter } from './filter.ts';

describe('matchesFilter', () => {
  const id = 'anthropic-messages/stream/event-order';
  it.each([
    [undefined, true],
    ['', true],
    // a bare word is an area, never a substring
    ['stream', true],
    ['tools', false],
    ['event-order', false],
    ['anthropic', false],
    ['anthropic-messages', false],
    // protocol/area and a full id
    ['anthropic-messages/stream', true],
    ['anthropic-messages/stream/event-order', true],
    ['anthropic-messages/stream/event', false],
    ['anthropic-messages/str', false],
    // globs over the whole id
    ['anthropic-messages/stream/*', true],
    ['*/event-*', true],
    ['*event*', true],
    ['*/tools/*', false],
    ['anthropic-messages/*/event-order.x', false],
    ['stream/*', false],
    // lists and exclusions
    ['tools,stream', true],
    ['stream,!*/event-order', false],
    ['stream,!anthropic-messages/stream/event-order', false],
    ['!thinking', true],
    ['!stream', false],
    [' stream , ! tools ', true],
  ])('%j → %s', (pattern, expected) => {
    expect(matchesFilter(id, pattern)).toBe(expected);
  });
});

describe('globMatch', () => {
  it.each([
    ['*', '', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['**a**', 'bab', true],
    ['a.c', 'abc', false],
    ['(x|y)*', '(x|y)z', true],
  ])('%j on %j → %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('stays linear on patterns that make a regex backtrack', () => {
    const pattern = `${'*a'.repeat(40)}*b`;
    const text = 'a'.repeat(5000);
    expect(globMatch(pattern, text)).toBe(false);
  });
});

describe('filterProblems', () => {
  const ids = ['p/stream/event-order', 'p/tools/forced', 'p/thinking/round-trip'];
  it('accepts a sound pattern', () => {
    expect(filterProblems('stream,!*/event-order,p/tools', ids)).toEqual([]);
  });
  it('names each term that matches nothing, with the areas for a bare word', () => {
    expect(filterProblems('strem,p/nope,*zzz*,!thinkng', ids)).toEqual([
      '"strem" matches no check (a bare word names an area: stream, tools, thinking)',
      '"p/nope" matches no check (expected protocol/area or protocol/area/name)',
      '"*zzz*" matches no check (a glob matches whole ids)',
      '"thinkng" matches no check (a bare word names an area: stream, tools, thinking)',
    ]);
  });
  it('refuses a lone "!"', () => {
    expect(filterProblems('stream,!', ids)).toEqual(["'!' must be followed by a term"]);
  });
});

describe('tag terms', () => {
  const checks = [
    { id: 'p/stream/event-order', tags: ['streaming', 'framing'] },
    { id: 'p/tools/forced', tags: ['tools'] },
    { id: 'p/tools/stream-input', tags: ['tools', 'streaming'] },
    { id: 'p/basic/create' },
  ];
  const selected = (pattern: string) => checks.filter((c) => matchesFilter(c, pattern)).map((c) => c.id);

  it.each([
    ['tag:streaming', ['p/stream/event-order', 'p/tools/stream-input']],
    ['tag:tools,!tag:streaming', ['p/tools/forced']],
    ['!tag:streaming', ['p/tools/forced', 'p/basic/create']],
    ['tag:stream*', ['p/stream/event-order', 'p/tools/stream-input']],
    ['tag:framing,basic', ['p/stream/event-order', 'p/basic/create']],
    // a tag is matched whole, never as a substring or an area
    ['tag:stream', []],
    ['tag:tool', []],
  ])('%j selects %j', (pattern, expected) => {
    expect(selected(pattern)).toEqual(expected);
  });

  it('a tag term never matches a bare id (ids carry no tags)', () => {
    expect(matchesFilter('p/stream/event-order', 'tag:streaming')).toBe(false);
  });

  it('names the known tags when a tag matches nothing, and refuses an empty tag', () => {
    expect(filterProblems('tag:streamin', checks)).toEqual(['"tag:streamin" matches no check (known tags: framing, streaming, tools)']);
    expect(filterProblems('tag:x', ['p/stream/a'])).toEqual(['"tag:x" matches no check (no check carries a tag)']);
    expect(filterProblems('tag:,stream', checks)).toEqual(["'tag:' must be followed by a tag name"]);
    expect(filterProblems('!tag:', checks)).toEqual(["'tag:' must be followed by a tag name"]);
  });
});
