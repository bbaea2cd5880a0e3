import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth.ts';
import { compileToolSchema } from './tool-schema.ts';

describe('nestsDeeperThan', () => {
  it('counts object and array levels, not primitives', () => {
    expect(nestsDeeperThan(1, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [1] }, 2)).toBe(false);
    expect(nestsDeeperThan({ a: [[1]] }, 2)).toBe(true);
  });

  it('walks values nested far deeper than the stack allows', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(nestsDeeperThan(deep, 256)).toBe(true);
  });

  it('keeps compileToolSchema from overflowing on a schema nested too deep', () => {
    const deep = JSON.parse(`${'{"properties":{"a":'.repeat(20_000)}{}${'}}'.repeat(20_000)}`) as unknown;
    expect(compileToolSchema(deep)).toEqual({ ok: false, error: 'schema nests deeper than 256 levels' });
  });
});
