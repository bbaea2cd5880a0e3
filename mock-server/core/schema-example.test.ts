import { readCaptures } from '../../fixtures/captures/read-captures.ts';
import { describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import { exampleFromSchema, GENERATION_BOUNDS, GenerationLimitError } from './schema-example.ts';

type Schema = Record<string, unknown>;
const object = (properties: Schema, extra: Schema = {}): Schema => ({ type: 'object', properties, required: Object.keys(properties), ...extra });

/** Each generated value must validate against its schema, with the draft the schema declares. */
const TABLE: Record<string, Schema> = {
  'empty object': { type: 'object' },
  'no properties, closed': { type: 'object', properties: {}, additionalProperties: false },
  primitives: object({ s: { type: 'string' }, i: { type: 'integer' }, n: { type: 'number' }, b: { type: 'boolean' }, z: { type: 'null' } }),
  'optional properties are left out': { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer', minimum: 5 } }, required: ['a'], additionalProperties: false },
  'required without properties': { type: 'object', required: ['q'] },
  '$ref into $defs': { type: 'object', $defs: { P: object({ n: { type: 'integer', minimum: 3 } }) }, properties: { p: { $ref: '#/$defs/P' } }, required: ['p'] },
  'recursive $ref': { type: 'object', $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } } }, properties: { root: { $ref: '#/$defs/node' } }, required: ['root'] },
  'draft-07 definitions': {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    definitions: { Email: { type: 'string', format: 'email' } },
    properties: { to: { $ref: '#/definitions/Email' } },
    required: ['to'],
  },
  allOf: { type: 'object', allOf: [object({ a: { type: 'string', minLength: 10 } }), object({ b: { type: 'integer', minimum: 5 } })] },
  'allOf with $ref': { type: 'object', $defs: { Base: object({ id: { type: 'string', format: 'uuid' } }) }, allOf: [{ $ref: '#/$defs/Base' }, object({ n: { type: 'integer' } })] },
  'anyOf with null first': object({ a: { anyOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] } }),
  'type list with null first': object({ a: { type: ['null', 'integer'], minimum: 2 } }),
  oneOf: object({ a: { oneOf: [{ type: 'string', maxLength: 3 }, { type: 'integer' }] } }),
  'enum and const': object({ unit: { enum: ['celsius', 'fahrenheit'] }, kind: { const: 'fixed' }, n: { enum: [3, 5] } }),
  'default and examples': object({ d: { type: 'integer', default: 7, minimum: 5 }, e: { type: 'string', examples: ['from-examples'] } }),
  formats: object({
    dt: { type: 'string', format: 'date-time' },
    date: { type: 'string', format: 'date' },
    time: { type: 'string', format: 'time' },
    email: { type: 'string', format: 'email' },
    host: { type: 'string', format: 'hostname' },
    v4: { type: 'string', format: 'ipv4' },
    v6: { type: 'string', format: 'ipv6' },
    uri: { type: 'string', format: 'uri' },
    uuid: { type: 'string', format: 'uuid' },
    duration: { type: 'string', format: 'duration' },
    pointer: { type: 'string', format: 'json-pointer' },
    regex: { type: 'string', format: 'regex' },
  }),
  'inclusive bounds': object({ i: { type: 'integer', minimum: 10, maximum: 20 }, n: { type: 'number', minimum: -5.5, maximum: -2 }, top: { type: 'integer', maximum: -3 } }),
  'exclusive bounds': object({ i: { type: 'integer', exclusiveMinimum: 10, exclusiveMaximum: 12 }, n: { type: 'number', exclusiveMinimum: 0 }, m: { type: 'number', exclusiveMaximum: 0 } }),
  'narrow open range': object({ n: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.3 } }),
  multipleOf: object({ i: { type: 'integer', multipleOf: 7, minimum: 10 }, f: { type: 'number', multipleOf: 0.25, minimum: 2.1 } }),
  'multipleOf below a maximum': object({ i: { type: 'integer', multipleOf: 5, minimum: 0, maximum: 3 }, neg: { type: 'integer', multipleOf: 7, maximum: -10 } }),
  'minLength, maxLength': object({ long: { type: 'string', minLength: 25 }, short: { type: 'string', maxLength: 3 } }),
  pattern: object({ lower: { type: 'string', pattern: '^[a-z]+$' }, digits: { type: 'string', pattern: '^[0-9]+$' }, padded: { type: 'string', pattern: '^[a-z]+$', minLength: 12 }, slug: { type: 'string', pattern: '^[a-z]+-[0-9]+$' } }),
  'arrays: minItems, maxItems, nested': object({
    tags: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 4 },
    rows: { type: 'array', minItems: 3, items: object({ cells: { type: 'array', items: { type: 'integer', minimum: 10 }, minItems: 1 } }) },
  }),
  'uniqueItems of enums, strings, numbers': object({
    e: { type: 'array', items: { enum: ['a', 'b', 'c'] }, minItems: 2, uniqueItems: true },
    s: { type: 'array', items: { type: 'string' }, minItems: 3, uniqueItems: true },
    n: { type: 'array', items: { type: 'integer' }, minItems: 2, uniqueItems: true },
  }),
  prefixItems: object({ t: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false } }),
  'nested objects': object({ a: object({ b: object({ c: object({ d: { type: 'string', minLength: 1 } }, { additionalProperties: false }) }) }) }),
  'minProperties from properties': { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, minProperties: 1 },
  'Claude Code record (propertyNames)': object({ metadata: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} } }),
  'Claude Code tool': {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      command: { type: 'string', description: 'The command' },
      timeout: { type: 'number', description: 'ms' },
      run_in_background: { type: 'boolean' },
      env: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'string' } },
      mode: { type: 'string', enum: ['keep', 'remove'] },
    },
    required: ['command', 'mode'],
    additionalProperties: false,
  },
};

function expectValid(name: string, schema: unknown): unknown {
  const compiled = compileToolSchema(schema);
  if (!compiled.ok) throw new Error(`${name}: the schema does not compile: ${compiled.error}`);
  const value = exampleFromSchema(schema);
  expect(compiled.validate(value), `${name}: ${JSON.stringify(value)}`).toEqual([]);
  return value;
}

describe('exampleFromSchema: every generated value validates (compileToolSchema)', () => {
  for (const [name, schema] of Object.entries(TABLE)) {
    it(name, () => expectValid(name, schema));
  }
});

describe('exampleFromSchema: what it picks', () => {
  it('prefers const, then enum, default and examples', () => {
    expect(exampleFromSchema({ const: 'c', enum: ['e'], default: 'd' })).toBe('c');
    expect(exampleFromSchema({ enum: ['e', 'f'], default: 'd' })).toBe('e');
    expect(exampleFromSchema({ type: 'string', default: 'd', examples: ['x'] })).toBe('d');
    expect(exampleFromSchema({ type: 'string', examples: ['x'] })).toBe('x');
  });

  it('fills only the required properties', () => {
    expect(exampleFromSchema(TABLE['optional properties are left out'])).toEqual({ a: 'example' });
  });

  it('uses format samples and the lower bounds', () => {
    expect(exampleFromSchema({ type: 'string', format: 'email' })).toBe('user@example.com');
    expect(exampleFromSchema({ type: 'integer', minimum: 10 })).toBe(10);
    expect(exampleFromSchema({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.3 })).toBeCloseTo(0.15);
    expect(exampleFromSchema({ type: 'integer', multipleOf: 5, minimum: 0, maximum: 3 })).toBe(0);
  });

  it('picks the non-null branch of a nullable union', () => {
    expect(exampleFromSchema({ anyOf: [{ type: 'null' }, { type: 'integer' }] })).toBe(1);
    expect(exampleFromSchema({ type: ['null', 'boolean'] })).toBe(true);
  });

  it('stops at a bounded depth on recursive schemas instead of looping', () => {
    const schema = { $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } }, required: ['next'] } }, $ref: '#/$defs/n' };
    let depth = 0;
    for (let v = exampleFromSchema(schema) as Record<string, unknown> | null; v && typeof v === 'object'; v = v.next as Record<string, unknown> | null) depth++;
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThan(20);
  });

  it('answers null for an unresolvable $ref and false, "example" for true', () => {
    expect(exampleFromSchema({ $ref: '#/$defs/missing' })).toBeNull();
    expect(exampleFromSchema({ $ref: 'https://elsewhere.example/schema.json' })).toBeNull();
    expect(exampleFromSchema(false)).toBeNull();
    expect(exampleFromSchema(true)).toBe('example');
  });

  it('is deterministic', () => {
    for (const schema of Object.values(TABLE)) expect(exampleFromSchema(schema)).toEqual(exampleFromSchema(schema));
  });
});

describe('exampleFromSchema: the tools of captured clients', () => {
  const captures = ['claude-code-anthropic', 'anthropic-sdk', 'aisdk-anthropic', 'langchain-anthropic'];
  const tools = readCaptures([...captures, 'structured-output-clients', 'anthropic-sdk-tool-runner']).flatMap((capture) =>
    ((capture.body as { tools?: { name: string; input_schema?: unknown }[] } | null)?.tools ?? []).map((t) => ({ file: capture.file.replace('.jsonl', ''), ...t })),
  );

  it('finds Claude Code’s 24 tools and the SDK tools', () => {
    expect(tools.filter((t) => t.file === 'claude-code-anthropic')).toHaveLength(24);
    expect(tools.length).toBeGreaterThan(24);
  });

  it('generates a valid input for every one of them', () => {
    for (const tool of tools) {
      if (tool.input_schema) expectValid(`${tool.file} ${tool.name}`, tool.input_schema);
    }
  });
});

describe('exampleFromSchema: bounded generation', () => {
  it('refuses a size beyond the caller’s budget before allocating it (max-tokens)', () => {
    for (const schema of [{ type: 'string', minLength: 200_000_000 }, { type: 'array', minItems: 100_000_000 }, { type: 'object', required: Array.from({ length: 100_000 }, (_, i) => `k${i}`) }]) {
      expect(() => exampleFromSchema(schema, { maxChars: 10_000 })).toThrow(expect.objectContaining({ name: 'GenerationLimitError', limitedBy: 'max-tokens' }));
    }
  });

  it('refuses what exceeds the mock’s own bounds whatever the budget (mock)', () => {
    expect(() => exampleFromSchema({ type: 'string', minLength: GENERATION_BOUNDS.maxChars + 1 })).toThrow(expect.objectContaining({ limitedBy: 'mock' }));
    expect(() => exampleFromSchema({ type: 'array', minItems: GENERATION_BOUNDS.maxUniqueItems + 1, uniqueItems: true }, { maxChars: 10 ** 9 })).toThrow(
      expect.objectContaining({ limitedBy: 'mock', message: expect.stringContaining('uniqueItems') }),
    );
  });

  it('builds what fits exactly', () => {
    expect(exampleFromSchema({ type: 'string', minLength: 1_000 }, { maxChars: 1_002 })).toHaveLength(1_000);
    expect(() => exampleFromSchema({ type: 'string', minLength: 1_000 }, { maxChars: 1_001 })).toThrow(GenerationLimitError);
  });
});
