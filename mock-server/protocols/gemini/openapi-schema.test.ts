import { describe, expect, it } from 'vitest';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { fromOpenApiSchema } from './openapi-schema.ts';

describe('fromOpenApiSchema', () => {
  it('turns the OpenAPI subset into JSON Schema: lower-case types, nullable, int64 strings, nested', () => {
    const schema = fromOpenApiSchema({
      type: 'OBJECT',
      description: 'Trip',
      properties: {
        city: { type: 'STRING', minLength: '2', maxLength: 30, pattern: '^[A-Z]' },
        when: { type: 'STRING', format: 'date-time', nullable: true },
        mode: { type: 'STRING', format: 'enum', enum: ['car', 'train'], nullable: true },
        stops: { type: 'ARRAY', items: { type: 'INTEGER', format: 'int32', minimum: 0 }, minItems: '1', maxItems: '9007199254740993' },
        either: { anyOf: [{ type: 'NUMBER' }, { type: 'BOOLEAN' }], default: 1 },
      },
      required: ['city'],
      propertyOrdering: ['city'],
    } as Parameters<typeof fromOpenApiSchema>[0]);
    expect(schema).toEqual({
      type: 'object',
      description: 'Trip',
      properties: {
        city: { type: 'string', minLength: 2, maxLength: 30, pattern: '^[A-Z]' },
        when: { type: ['string', 'null'], format: 'date-time' },
        mode: { type: ['string', 'null'], enum: ['car', 'train', null] },
        stops: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1 },
        either: { anyOf: [{ type: 'number' }, { type: 'boolean' }], default: 1 },
      },
      required: ['city'],
    });
    expect(compileToolSchema(schema).ok).toBe(true);
  });

  it('cuts a schema nested too deep to "anything"', () => {
    let deep: Parameters<typeof fromOpenApiSchema>[0] = { type: 'STRING' };
    for (let i = 0; i < 100; i++) deep = { type: 'ARRAY', items: deep };
    let out = fromOpenApiSchema(deep) as { items?: unknown };
    let depth = 0;
    while (out.items) {
      out = out.items as { items?: unknown };
      depth++;
    }
    expect(depth).toBeLessThanOrEqual(33);
    expect(out).toEqual({});
  });
});
