import { describe, expect, it } from 'vitest';
import { MockState, stateKey } from './state.ts';

const A = stateKey<{ n: number }>('test/a');
const B = stateKey<string>('test/b');

describe('MockState', () => {
  it('stores, reads and deletes per key and id', () => {
    const state = new MockState();
    state.put(A, 'x', { n: 1 });
    state.put(B, 'x', 'other kind, same id');
    expect(state.get(A, 'x')).toEqual({ n: 1 });
    expect(state.get(B, 'x')).toBe('other kind, same id');
    expect(state.delete(A, 'x')).toBe(true);
    expect(state.get(A, 'x')).toBeUndefined();
    expect(state.delete(A, 'x')).toBe(false);
  });

  it('forgets the least recently used entry past its limit', () => {
    const state = new MockState(2);
    state.put(A, '1', { n: 1 });
    state.put(A, '2', { n: 2 });
    state.get(A, '1');
    state.put(A, '3', { n: 3 });
    expect(state.size).toBe(2);
    expect(state.get(A, '2')).toBeUndefined();
    expect(state.get(A, '1')).toEqual({ n: 1 });
    expect(state.get(A, '3')).toEqual({ n: 3 });
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new MockState(0)).toThrow(RangeError);
    expect(() => new MockState(10, 0)).toThrow(RangeError);
  });

  it('forgets the least recently used entries while their weights exceed the weight limit, keeping the newest', () => {
    const state = new MockState(100, 10);
    state.put(A, '1', { n: 1 }, 4);
    state.put(A, '2', { n: 2 }, 4);
    state.get(A, '1');
    state.put(A, '3', { n: 3 }, 4);
    expect(state.get(A, '2')).toBeUndefined();
    expect(state.weight).toBe(8);
    state.put(A, '1', { n: 10 }, 1);
    expect(state.weight).toBe(5);
    state.put(B, 'huge', 'x', 50);
    expect(state.size).toBe(1);
    expect(state.get(B, 'huge')).toBe('x');
    expect(state.delete(B, 'huge')).toBe(true);
    expect(state.weight).toBe(0);
  });
});
