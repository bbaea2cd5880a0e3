import { describe, expect, it } from 'vitest';
import { DriftBudgetError, type DriftFinding, mappedComponentsIn, specDrift } from './spec-drift.ts';
import { driftProtocol as protocol, openapiDocument as openapi } from './spec-drift-test-support.ts';

/** Findings as compact `path kind direction subjects` lines, easy to assert on. */
function drift(ours: Record<string, Record<string, unknown>>, mapping: Record<string, string>, official: Record<string, unknown>): string[] {
  return specDrift(protocol(ours, mapping), openapi(official)).findings.map(line);
}

function line(f: DriftFinding): string {
  return `${f.path} ${f.kind} ${f.direction} ${f.subjects.join(',')}`;
}

const str = { type: 'string' };

describe('specDrift: objects', () => {
  it('finds nothing when the schemas agree (through $ref, allOf and OpenAPI 3.0 nullable)', () => {
    const ours = {
      'a.json': {
        type: 'object',
        required: ['id', 'kind'],
        properties: { id: str, kind: { $ref: '#/$defs/Kind' }, note: { anyOf: [str, { type: 'null' }] } },
        $defs: { Kind: { enum: ['x', 'y'] } },
      },
    };
    const official = {
      A: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['kind'], properties: { kind: { $ref: '#/components/schemas/Kind' }, note: { type: 'string', nullable: true } } }] },
      Base: { type: 'object', required: ['id'], properties: { id: str } },
      Kind: { type: 'string', enum: ['y', 'x'] },
    };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual([]);
  });

  it('reports required properties on either side', () => {
    const ours = { 'a.json': { type: 'object', required: ['id', 'extra'], properties: { id: str, extra: str, cap: str } } };
    const official = { A: { type: 'object', required: ['id', 'cap', 'max'], properties: { id: str, cap: str, max: { type: 'integer' } } } };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual(['A required-extra stricter extra', 'A required-missing laxer cap,max']);
  });

  it('reports allowed properties and additionalProperties only where a side is closed', () => {
    const ours = { 'a.json': { type: 'object', properties: { id: str, beta: str }, additionalProperties: false } };
    const open = { A: { type: 'object', properties: { id: str, other: str } } };
    expect(drift(ours, { 'a.json': 'A' }, open)).toEqual(['A property-missing stricter other', 'A additional-properties stricter additionalProperties']);
    const closed = { A: { type: 'object', properties: { id: str, other: str }, additionalProperties: false } };
    expect(drift(ours, { 'a.json': 'A' }, closed)).toEqual(['A property-missing stricter other', 'A property-extra laxer beta']);
    const oursOpen = { 'a.json': { type: 'object', properties: { id: str, beta: str } } };
    expect(drift(oursOpen, { 'a.json': 'A' }, open)).toEqual([]);
  });

  it('follows nested properties and array items, naming the path', () => {
    const ours = { 'a.json': { type: 'object', properties: { list: { type: 'array', items: { type: 'object', required: ['a'], properties: { a: str } } } } } };
    const official = { A: { type: 'object', properties: { list: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } }, Item: { type: 'object', properties: { a: str } } };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual(['A.list[] required-extra stricter a']);
  });

  it('reads __proto__ and constructor as plain property names', () => {
    const ours = { 'a.json': JSON.parse('{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"string"},"constructor":{"type":"integer"}}}') };
    const official = { A: JSON.parse('{"type":"object","required":["constructor"],"properties":{"__proto__":{"type":"string"},"constructor":{"type":"number"}}}') };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual(['A required-extra stricter __proto__', 'A required-missing laxer constructor', 'A.constructor type stricter number']);
  });
});

describe('specDrift: values and types', () => {
  it('reports enum values missing and extra, open and closed', () => {
    const ours = { 'a.json': { type: 'object', properties: { e: { enum: ['a', 'b', 'ours'] }, open: str, closed: { const: 'only' }, model: str } } };
    const official = {
      A: {
        type: 'object',
        properties: { e: { type: 'string', enum: ['a', 'b', 'new'] }, open: { enum: ['p', 'q'] }, closed: str, model: { anyOf: [str, { const: 'm-1' }, { const: 'm-2' }] } },
      },
    };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual([
      'A.e enum-missing stricter "new"',
      'A.e enum-extra laxer "ours"',
      'A.open enum-open laxer "p","q"',
      'A.closed enum-closed stricter "only"',
    ]);
  });

  it('reports types (integer is a number) and null on either side', () => {
    const ours = { 'a.json': { type: 'object', properties: { n: { type: 'integer' }, m: { type: 'number' }, s: { anyOf: [str, { type: 'null' }] }, t: str } } };
    const official = { A: { type: 'object', properties: { n: { type: 'number' }, m: { type: 'integer' }, s: str, t: { type: ['string', 'null'] } } } };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual([
      'A.n type stricter number',
      'A.m type laxer number',
      'A.s nullable-extra laxer null',
      'A.t nullable-missing stricter null',
    ]);
  });
});

describe('specDrift: unions', () => {
  const block = (type: string, extra: Record<string, unknown> = {}) => ({ type: 'object', required: ['type'], properties: { type: { const: type }, ...extra } });

  it('matches discriminated variants by tag and compares each', () => {
    const ours = { 'a.json': { oneOf: [{ $ref: '#/$defs/T' }, block('mine')], $defs: { T: block('text', { text: str }) } } };
    const official = {
      A: { oneOf: [{ $ref: '#/components/schemas/T' }, { $ref: '#/components/schemas/I' }], discriminator: { propertyName: 'type' } },
      T: { type: 'object', required: ['type', 'text'], properties: { type: { type: 'string', enum: ['text'] }, text: str } },
      I: block('image'),
    };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual(['A variant-missing stricter image', 'A variant-extra laxer mine', 'A<text> required-missing laxer text']);
  });

  it('compares a tagged union with one object covering the same tags', () => {
    const ours = { 'e.json': { type: 'object', required: ['type', 'message'], properties: { type: { enum: ['a_error', 'b_error', 'ours_error'] }, message: str } } };
    const official = { E: { oneOf: [block('a_error', { message: str }), block('b_error', { message: str }), block('c_error', { message: str })] } };
    expect(drift(ours, { 'e.json': 'E' }, official)).toEqual(['E.type enum-missing stricter "c_error"', 'E.type enum-extra laxer "ours_error"', 'E required-extra stricter message']);
  });

  it('reads content as string-or-array and leaves untagged object unions alone', () => {
    const ours = { 'a.json': { type: 'object', properties: { content: { anyOf: [str, { type: 'array', items: { type: 'integer' } }] }, u: { anyOf: [{ type: 'object', properties: { a: str } }, { type: 'object', properties: { b: str } }] } } } };
    const official = { A: { type: 'object', properties: { content: { oneOf: [str, { type: 'array', items: { type: 'number' } }] }, u: { type: 'object', required: ['z'], properties: { z: str } } } } };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual(['A.content[] type stricter number']);
  });
});

describe('specDrift: the mapping and hostile documents', () => {
  it('reports a component or a $ref that does not exist, and goes on', () => {
    const ours = { 'a.json': { type: 'object', properties: { x: str } }, 'b.json': { type: 'object', required: ['y'] } };
    const official = { A: { type: 'object', properties: { x: { $ref: '#/components/schemas/Nope' } } } };
    const result = drift(ours, { 'a.json': 'A', 'b.json': 'Missing', 'c.json': 'A' }, official);
    expect(result).toEqual(['A.x unresolved error ', 'Missing unresolved error Missing', 'A unresolved error A']);
  });

  it('terminates on cyclic schemas on both sides', () => {
    const ours = { 'a.json': { type: 'object', required: ['v'], properties: { v: str, child: { $ref: '#' }, loop: { $ref: '#/$defs/L' } }, $defs: { L: { $ref: '#/$defs/L' } } } };
    const official = { A: { type: 'object', properties: { v: str, child: { $ref: '#/components/schemas/A' }, loop: { $ref: '#/components/schemas/L' } } }, L: { $ref: '#/components/schemas/L' } };
    expect(drift(ours, { 'a.json': 'A' }, official)).toEqual(['A required-extra stricter v']);
  });

  it('stays bounded on fan-out (each level refers to the next ten times) and long $ref chains', () => {
    const levels: Record<string, unknown> = { L40: { type: 'object', properties: { leaf: str } } };
    for (let i = 39; i >= 0; i--) levels[`L${i}`] = { allOf: Array.from({ length: 10 }, () => ({ $ref: `#/components/schemas/L${i + 1}` })), properties: { [`p${i}`]: { $ref: `#/components/schemas/L${i + 1}` } } };
    const ours = { 'a.json': { type: 'object', properties: { leaf: str } } };
    expect(specDrift(protocol(ours, { 'a.json': 'L0' }), openapi(levels)).findings.length).toBeLessThan(100);

    const chain: Record<string, unknown> = { C10000: str };
    for (let i = 0; i < 10_000; i++) chain[`C${i}`] = { $ref: `#/components/schemas/C${i + 1}` };
    expect(() => specDrift(protocol({ 'a.json': str }, { 'a.json': 'C0' }), openapi(chain))).toThrow(DriftBudgetError);
  });

  it('gives up with DriftBudgetError when the budget runs out, and caps findings', () => {
    const wide = { type: 'object', required: Array.from({ length: 500 }, (_, i) => `r${i}`), properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`r${i}`, str])) };
    const ours = { 'a.json': { type: 'object', properties: {} } };
    expect(() => specDrift(protocol(ours, { 'a.json': 'W' }), openapi({ W: wide }), { budget: 100 })).toThrow(DriftBudgetError);
    const many: Record<string, unknown> = {};
    const mapping: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      many[`W${i}`] = wide;
      mapping[`a.json#/$defs/D${i}`] = `W${i}`;
    }
    const oursMany = { 'a.json': { $defs: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`D${i}`, { type: 'object', required: ['x'] }])) } };
    const result = specDrift(protocol(oursMany, mapping), openapi(many), { maxFindings: 10 });
    expect(result.findings).toHaveLength(10);
    expect(result.leftOff).toBe(50);
  });

  it('lists which mapped components a document has', () => {
    const spec = protocol({ 'a.json': str }, { 'a.json': 'A', 'a.json#/$defs/B': 'B' });
    expect(mappedComponentsIn(spec, openapi({ A: str }))).toEqual(['A']);
    expect(mappedComponentsIn(spec, { openapi: '3.1.0' })).toEqual([]);
  });
});
