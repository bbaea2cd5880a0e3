import type { GeminiSchema } from './wire-types.ts';

/** Deeper than this, a caller's schema is cut to "anything" (it is untrusted input). */
const MAX_DEPTH = 32;

/** Gemini `format`s that JSON Schema also knows; the others (`enum`, `int32`, `float`…) only describe. */
const JSON_SCHEMA_FORMATS = new Set(['date-time', 'date', 'time', 'email', 'uri', 'uuid']);

const int = (value: number | string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
};

/**
 * A Gemini `Schema` (the OpenAPI 3.0 subset of function `parameters` and `responseSchema`, with
 * upper-case types and `nullable`) as the JSON Schema the canonical engine builds values from.
 *
 * @example fromOpenApiSchema({ type: 'OBJECT', properties: { city: { type: 'STRING' } } })
 * // { type: 'object', properties: { city: { type: 'string' } } }
 * @see https://ai.google.dev/api/caching#Schema
 */
export function fromOpenApiSchema(schema: GeminiSchema, depth = 0): Record<string, unknown> {
  if (depth > MAX_DEPTH) return {};
  const out: Record<string, unknown> = {};
  const type = schema.type && schema.type !== 'TYPE_UNSPECIFIED' ? schema.type.toLowerCase() : undefined;
  if (type) out.type = schema.nullable && type !== 'null' ? [type, 'null'] : type;
  if (schema.format && JSON_SCHEMA_FORMATS.has(schema.format)) out.format = schema.format;
  if (schema.title !== undefined) out.title = schema.title;
  if (schema.description !== undefined) out.description = schema.description;
  if (schema.enum) out.enum = schema.nullable ? [...schema.enum, null] : [...schema.enum];
  if (schema.items) out.items = fromOpenApiSchema(schema.items, depth + 1);
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, sub]) => [name, fromOpenApiSchema(sub, depth + 1)]));
  }
  if (schema.required) out.required = [...schema.required];
  if (schema.anyOf) out.anyOf = schema.anyOf.map((sub) => fromOpenApiSchema(sub, depth + 1));
  // int64 bounds: proto3 JSON allows them as strings (@google/genai types them so).
  for (const key of ['minItems', 'maxItems', 'minProperties', 'maxProperties', 'minLength', 'maxLength'] as const) {
    const n = int(schema[key]);
    if (n !== undefined && n >= 0) out[key] = n;
  }
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  if (schema.pattern !== undefined) out.pattern = schema.pattern;
  if (schema.default !== undefined) out.default = schema.default;
  return out;
}
