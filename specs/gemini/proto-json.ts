import type { AnySchemaObject } from 'ajv';

/**
 * The proto3 JSON mapping as Google's API front end reads requests, applied to this project's
 * JSON Schemas and to request bodies:
 *
 * - a field may be spelled with its JSON name (`systemInstruction`) or its proto name
 *   (`system_instruction`); the API takes both (real clients send both);
 * - an enum value is read without regard to case (`"type": "object"` in a function's
 *   `parameters`, as the Vercel AI SDK sends it, and `"thinkingLevel": "low"`, as Google's own REST
 *   examples write it).
 *
 * The schema files spell every field in lowerCamelCase and every enum value in upper case; the
 * registered request schemas get the aliases from {@link protoJsonRequestSchema}, and the mock
 * reads a valid body through {@link normalizeProtoJson}, so that its decoder sees one spelling.
 *
 * @see https://protobuf.dev/programming-guides/json/
 */

type SchemaNode = AnySchemaObject | boolean;

/** `systemInstruction` → `system_instruction`; names without upper-case letters are returned as is. */
export function toProtoName(jsonName: string): string {
  return jsonName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `system_instruction` → `systemInstruction`. */
export function toJsonName(protoName: string): string {
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Only plain lowerCamelCase names get a snake_case twin (`_responseJsonSchema` is a json_name of its own). */
const CAMEL = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;
/** A snake_case key the reader maps back to its JSON name. */
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

/**
 * A copy of a request schema that also accepts every field's snake_case proto name and the
 * lower-case spelling of every enum value. `required` names with a twin become "one of the two".
 */
export function protoJsonRequestSchema<T extends AnySchemaObject>(schema: T): T {
  const copy = structuredClone(schema);
  expand(copy);
  return copy;
}

function expand(node: SchemaNode | undefined): void {
  if (node === undefined || typeof node === 'boolean') return;
  const properties = node.properties as Record<string, AnySchemaObject> | undefined;
  if (properties) {
    for (const [name, sub] of Object.entries(properties)) {
      expand(sub);
      const alias = toProtoName(name);
      if (CAMEL.test(name) && !(alias in properties)) properties[alias] = sub;
    }
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    if (node[key] !== null && typeof node[key] === 'object') expand(node[key] as AnySchemaObject);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(node[key])) for (const sub of node[key] as SchemaNode[]) expand(sub);
  }
  if (node.$defs) for (const sub of Object.values(node.$defs as Record<string, SchemaNode>)) expand(sub);
  if (Array.isArray(node.enum) && node.enum.every((v: unknown) => typeof v === 'string')) {
    const values = node.enum as string[];
    node.enum = [...values, ...values.map((v) => v.toLowerCase()).filter((v) => !values.includes(v))];
  }
  // Last, so that the branches it adds are not expanded again.
  if (properties) expandRequired(node, properties);
}

function expandRequired(node: AnySchemaObject, properties: Record<string, AnySchemaObject>): void {
  if (!Array.isArray(node.required)) return;
  const required = node.required as string[];
  const twinned = required.filter((name) => CAMEL.test(name) && properties[toProtoName(name)] === properties[name]);
  if (twinned.length === 0) return;
  node.required = required.filter((name) => !twinned.includes(name));
  node.allOf = [
    ...((node.allOf as SchemaNode[] | undefined) ?? []),
    // Each branch declares its property too: ajv's strict mode wants every `required` name defined beside it.
    ...twinned.map((name) => ({ anyOf: [name, toProtoName(name)].map((n) => ({ properties: { [n]: true }, required: [n] })) })),
  ];
}

/** Looks a schema up by `$id` (a registry's `get`). */
export type SchemaLookup = (id: string) => AnySchemaObject | undefined;

/**
 * A schema-valid request body with every snake_case field renamed to its JSON name and every enum
 * value in upper case, guided by the schema so that free-form values (function arguments, JSON
 * Schemas, `Struct`s) and map keys (a Schema's `properties`) are left exactly as sent.
 *
 * @param baseId the `$id` the schema came from, to resolve its relative `$ref`s.
 */
export function normalizeProtoJson(value: unknown, schema: SchemaNode, baseId: string, lookup: SchemaLookup): unknown {
  const resolved = resolve(schema, baseId, lookup);
  if (!resolved) return value;
  const { node, base } = resolved;
  let out = value;
  for (const sub of (node.allOf as SchemaNode[] | undefined) ?? []) out = normalizeProtoJson(out, sub, base, lookup);
  if (Array.isArray(out)) {
    return node.items === undefined ? out : out.map((item) => normalizeProtoJson(item, node.items as SchemaNode, base, lookup));
  }
  if (typeof out === 'string') {
    const upper = out.toUpperCase();
    return upper !== out && Array.isArray(node.enum) && node.enum.includes(upper) ? upper : out;
  }
  if (out === null || typeof out !== 'object') return out;
  const properties = node.properties as Record<string, SchemaNode> | undefined;
  if (properties) {
    const renamed: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(out)) {
      const name = SNAKE.test(key) && toJsonName(key) in properties ? toJsonName(key) : key;
      const sub = properties[name];
      renamed[name] = sub === undefined ? child : normalizeProtoJson(child, sub, base, lookup);
    }
    return renamed;
  }
  const values = node.additionalProperties;
  if (values !== null && typeof values === 'object') {
    return Object.fromEntries(Object.entries(out).map(([key, child]) => [key, normalizeProtoJson(child, values as SchemaNode, base, lookup)]));
  }
  return out;
}

function resolve(schema: SchemaNode, base: string, lookup: SchemaLookup): { node: AnySchemaObject; base: string } | undefined {
  let node: SchemaNode | undefined = schema;
  let current = base;
  // `$ref` chains in these schemas are short; the bound only guards against a cycle.
  for (let hops = 0; hops < 16 && node !== undefined && typeof node !== 'boolean' && typeof node.$ref === 'string'; hops++) {
    const url = new URL(node.$ref as string, current);
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    current = url.href;
    node = fragment.split('/').slice(1).reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], lookup(current)) as SchemaNode | undefined;
  }
  return node === undefined || typeof node === 'boolean' ? undefined : { node, base: current };
}

/** Map fields: a JSON Pointer segment after one of these is a key, which Google's paths name by position. */
const MAP_FIELDS = new Set(['properties', 'labels']);

/**
 * A JSON Pointer into a request body as Google's error messages name the field:
 * `/tools/0/functionDeclarations/0/parameters/properties/city` →
 * `tools[0].function_declarations[0].parameters.properties[0].value` (map entries by position,
 * proto names, `[i]` for list items).
 *
 * @example protoFieldPath('/generationConfig/thinkingConfig', body) // 'generation_config.thinking_config'
 */
export function protoFieldPath(pointer: string, body: unknown): string {
  if (pointer === '') return '';
  let out = '';
  let at: unknown = body;
  let previous = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at) && /^\d+$/.test(segment)) {
      out += `[${segment}]`;
    } else if (MAP_FIELDS.has(previous) && at !== null && typeof at === 'object') {
      const index = Object.keys(at).indexOf(segment);
      out += `[${index === -1 ? segment : index}].value`;
    } else {
      const name = toProtoName(segment);
      out += out === '' ? name : `.${name}`;
    }
    // A map key is never itself a map field: `properties: {properties: …}` names a property "properties".
    previous = MAP_FIELDS.has(previous) ? '' : segment;
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[segment] : undefined;
  }
  return out;
}
