import { describe, expect, it } from 'vitest';
import { matchesFilter } from './filter.ts';

describe('matchesFilter', () => {
  const id = 'anthropic-messages/stream/event-order';
  it.each([
    [undefined, true],
    ['', true],
    ['stream', true],
    ['tools', false],
    ['anthropic-messages/stream/*', true],
    ['*/event-*', true],
    ['*/tools/*', false],
    ['tools,stream', true],
    ['stream,!event-order', false],
    ['!thinking', true],
    ['anthropic-messages/*/event-order.x', false],
  ])('%j → %s', (pattern, expected) => {
    expect(matchesFilter(id, pattern)).toBe(expected);
  });
});
