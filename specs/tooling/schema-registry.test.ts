import { describe, expect, it } from 'vitest';
import type { AnySchemaObject } from 'ajv';
import { SchemaRegistry } from './schema-registry.ts';

const BASE = 'https://llm-conformance.dev/schemas/test/';

const blocks: AnySchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}blocks.json`,
  $defs: {
    Text: {
      type: 'object',
      required: ['type', 'text'],
      properties: { type: { const: 'text' }, text: { type: 'string', minLength: 1 } },
      additionalProperties: false,
    },
    Image: {
      type: 'object',
      required: ['type', 'url'],
      properties: { type: { const: 'image' }, url: { type: 'string', format: 'uri' } },
      additionalProperties: false,
    },
    // Branches given by $ref, as the protocol schemas write them.
    Block: { type: 'object', discriminator: { propertyName: 'type' }, oneOf: [{ $ref: '#/$defs/Text' }, { $ref: '#/$defs/Image' }] },
  },
};

const request: AnySchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}request.json`,
  type: 'object',
  required: ['model', 'max_tokens', 'messages'],
  properties: {
    model: { type: 'string', minLength: 1 },
    max_tokens: { type: 'integer', minimum: 0 },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    top_p: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    role: { enum: ['user', 'assistant'] },
    kind: { const: 'chat' },
    name: { type: 'string', pattern: '^[a-z]+$', maxLength: 8 },
    stop: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
    created_at: { type: 'string', format: 'date-time' },
    messages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['content'],
        properties: {
          content: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: `${BASE}blocks.json#/$defs/Block` } }] },
        },
        additionalProperties: false,
      },
    },
    // Inline branches.
    choice: {
      type: 'object',
      discriminator: { propertyName: 'type' },
      oneOf: [
        { type: 'object', required: ['type'], properties: { type: { const: 'auto' } } },
        { type: 'object', required: ['type', 'name'], properties: { type: { const: 'tool' }, name: { type: 'string' } } },
      ],
    },
    extra: { type: 'object', properties: { a: { type: 'string' } }, unevaluatedProperties: false },
  },
  additionalProperties: false,
};

const registry = new SchemaRegistry([blocks, request]);
const REQUEST = `${BASE}request.json`;
const ok = { model: 'm', max_tokens: 1, messages: [{ content: 'hi' }] };
const first = (value: unknown, ref = REQUEST) => registry.validate(ref, value)[0];

describe('SchemaRegistry: registration', () => {
  it('lists, finds and returns schemas by $id, with or without a fragment', () => {
    expect(registry.ids).toEqual([`${BASE}blocks.json`, REQUEST]);
    expect(registry.has(`${BASE}blocks.json#/$defs/Text`)).toBe(true);
    expect(registry.get(`${BASE}blocks.json#/$defs/Text`)).toBe(blocks);
    expect(registry.has(`${BASE}nope.json`)).toBe(false);
  });

  it('rejects a schema without $id and an $id used by two different schemas', () => {
    expect(() => new SchemaRegistry([{ type: 'object' }])).toThrow(/no \$id/);
    expect(() => new SchemaRegistry([blocks, { ...blocks }])).toThrow(/used twice/);
  });

  it('registers a schema shared by two protocols (the same object) once', () => {
    expect(new SchemaRegistry([blocks, blocks]).ids).toEqual([`${BASE}blocks.json`]);
  });

  it('fails at compileAll on a schema that strict mode refuses (unknown keyword)', () => {
    const broken = new SchemaRegistry([{ $id: `${BASE}broken.json`, type: 'string', example: 'x' }]);
    expect(() => broken.compileAll()).toThrow(/unknown keyword: "example"/);
    expect(() => registry.compileAll()).not.toThrow();
  });

  it('throws on a reference to an unregistered schema', () => {
    expect(() => registry.validate(`${BASE}nope.json`, {})).toThrow(/no schema/);
  });

  it('validates against a fragment of a registered schema', () => {
    expect(registry.validate(`${BASE}blocks.json#/$defs/Text`, { type: 'text', text: 'x' })).toEqual([]);
    expect(first({ type: 'text' }, `${BASE}blocks.json#/$defs/Text`)?.message).toBe('text: Field required');
  });
});

describe('SchemaRegistry: diagnostics', () => {
  it('returns nothing for a valid value', () => {
    expect(registry.validate(REQUEST, ok)).toEqual([]);
  });

  it.each([
    ['missing field', { model: 'm', messages: [] }, 'max_tokens', 'required', 'max_tokens: Field required'],
    ['extra field', { ...ok, foo: 1 }, 'foo', 'additionalProperties', 'foo: Extra inputs are not permitted'],
    ['unevaluated field', { ...ok, extra: { a: 'x', b: 1 } }, 'extra.b', 'unevaluatedProperties', 'extra.b: Extra inputs are not permitted'],
    ['integer', { ...ok, max_tokens: '1' }, 'max_tokens', 'type', 'max_tokens: Input should be a valid integer'],
    ['dictionary', { ...ok, extra: [] }, 'extra', 'type', 'extra: Input should be a valid dictionary'],
    ['list', { ...ok, stop: 'x' }, 'stop', 'type', 'stop: Input should be a valid list'],
    ['string or list (anyOf)', { ...ok, messages: [{ content: 1 }] }, 'messages.0.content', 'type', 'messages.0.content: Input should be a valid string or list'],
    ['const', { ...ok, kind: 'x' }, 'kind', 'const', "kind: Input should be 'chat'"],
    ['enum', { ...ok, role: 'bot' }, 'role', 'enum', "role: Input should be 'user' or 'assistant'"],
    ['minimum', { ...ok, max_tokens: -1 }, 'max_tokens', 'minimum', 'max_tokens: Input should be greater than or equal to 0'],
    ['maximum', { ...ok, temperature: 2 }, 'temperature', 'maximum', 'temperature: Input should be less than or equal to 1'],
    ['exclusiveMinimum', { ...ok, top_p: 0 }, 'top_p', 'exclusiveMinimum', 'top_p: Input should be greater than 0'],
    ['exclusiveMaximum', { ...ok, top_p: 1 }, 'top_p', 'exclusiveMaximum', 'top_p: Input should be less than 1'],
    ['minLength', { ...ok, model: '' }, 'model', 'minLength', 'model: String should have at least 1 character'],
    ['maxLength', { ...ok, name: 'abcdefghi' }, 'name', 'maxLength', 'name: String should have at most 8 characters'],
    ['pattern', { ...ok, name: 'A' }, 'name', 'pattern', "name: String should match pattern '^[a-z]+$'"],
    ['minItems', { ...ok, stop: [] }, 'stop', 'minItems', 'stop: List should have at least 1 item'],
    ['maxItems', { ...ok, stop: ['a', 'b', 'c'] }, 'stop', 'maxItems', 'stop: List should have at most 2 items'],
    ['format', { ...ok, created_at: 'yesterday' }, 'created_at', 'format', 'created_at: Input should be a valid date-time'],
  ])('%s', (_name, value, field, keyword, message) => {
    expect(first(value)).toMatchObject({ field, keyword, message, severity: 'error' });
  });

  it('puts the deepest error first: the union branch that matched the value type', () => {
    const diagnostics = registry.validate(REQUEST, { ...ok, messages: [{ content: [{ type: 'text' }] }] });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'messages.0.content.0.text: Field required',
      'messages.0.content: Input should be a valid string',
    ]);
  });

  it('reports every violation, not just the first', () => {
    const messages = registry.validate(REQUEST, { model: '', max_tokens: -1, messages: [], foo: 1 }).map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'foo: Extra inputs are not permitted',
        'model: String should have at least 1 character',
        'max_tokens: Input should be greater than or equal to 0',
      ]),
    );
  });

  it('escapes keys in the JSON Pointer and prints them as is in the field', () => {
    expect(first({ ...ok, 'a/b~c': 1 })).toMatchObject({ path: '/a~1b~0c', field: 'a/b~c' });
  });

  it('validates the branch picked by the discriminator only', () => {
    expect(first({ ...ok, choice: { type: 'tool' } })?.message).toBe('choice.name: Field required');
    expect(first({ ...ok, messages: [{ content: [{ type: 'image', url: 'x', alt: '' }] }] })?.message).toBe(
      'messages.0.content.0.alt: Extra inputs are not permitted',
    );
  });

  // Known bug (reported, not fixed here): `discriminatorDiagnostic` reads the oneOf branches from
  // `error.schema`, which for ajv's discriminator keyword is `{propertyName}`, so `.map` throws
  // "branches.map is not a function" on every unknown or missing tag, and `$ref` branches are never
  // resolved. Suggested fix: read `error.parentSchema.oneOf` and resolve `$ref` branches through
  // the registry. Drop `.fails` once fixed.
  describe('discriminator (currently broken in rankErrors)', () => {
    it('names the expected tags of inline branches', () => {
      expect(first({ ...ok, choice: { type: 'required' } })).toMatchObject({
        field: 'choice',
        keyword: 'discriminator',
        message: "choice: Input tag 'required' found using 'type' does not match any of the expected tags: 'auto', 'tool'",
      });
    });

    it('names the expected tags of $ref branches', () => {
      expect(first({ ...ok, messages: [{ content: [{ type: 'image_url' }] }] })?.message).toBe(
        "messages.0.content.0: Input tag 'image_url' found using 'type' does not match any of the expected tags: 'text', 'image'",
      );
    });

    it('reports a missing tag as a required field', () => {
      expect(first({ ...ok, choice: {} })).toMatchObject({ field: 'choice.type', message: 'choice.type: Field required' });
    });
  });
});

describe('diagnostic detail', () => {
  const registry = new SchemaRegistry([
    {
      $id: 'https://llm-conformance.dev/schemas/test/detail.json',
      type: 'object',
      properties: {
        n: { type: 'integer', maximum: 4 },
        s: { anyOf: [{ type: 'string' }, { type: 'array', maxItems: 2 }, { type: 'null' }] },
        e: { enum: ['a', 'b'] },
        k: { type: 'object', discriminator: { propertyName: 't' }, oneOf: [{ type: 'object', required: ['t'], properties: { t: { const: 'x' } } }] },
      },
    },
  ]);
  const first = (value: unknown) => registry.validate('https://llm-conformance.dev/schemas/test/detail.json', value)[0];

  it('says what was received and what was expected', () => {
    expect(first({ n: 1.5 })?.detail).toEqual({ receivedType: 'number', received: 1.5, expected: ['integer'] });
    expect(first({ n: 9 })?.detail).toMatchObject({ receivedType: 'integer', received: 9, limit: 4 });
    expect(first({ e: 'c' })?.detail).toMatchObject({ received: 'c', expected: ['a', 'b'] });
    expect(first({ k: { t: 'y' } })?.detail).toEqual({ receivedType: 'string', received: 'y', expected: ['x'] });
  });

  it('prefers the bound a union branch broke over the type errors of the other branches', () => {
    expect(first({ s: [1, 2, 3] })).toMatchObject({ keyword: 'maxItems', detail: { size: 3, limit: 2 } });
  });
});
