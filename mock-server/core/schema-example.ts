import { safeRegExp } from '../../specs/tooling/safe-regexp.ts';
import { Budget, GENERATION_BOUNDS, GenerationLimitError } from './generation-budget.ts';
import { patternExample } from './pattern-example.ts';

export { GENERATION_BOUNDS, GenerationLimitError } from './generation-budget.ts';

/**
 * Builds a deterministic value that satisfies a caller's JSON Schema: the mock's answer when a
 * tool call is forced, and its structured output. Prefers what the schema itself offers (`const`,
 * `enum`, `default`, `examples`), fills every required property, and respects the common numeric,
 * length and format constraints. The reply engine checks the result against the schema; a schema
 * this cannot satisfy (an exotic `pattern`) is reported as a violation, never hidden.
 *
 * The schema is untrusted input, so generation is bounded: the value's JSON text may not exceed
 * `maxChars` (checked before anything large is allocated: `minLength: 200000000` costs nothing),
 * and `pattern`s are matched by a linear-time engine.
 */
type Schema = Record<string, unknown> | boolean;

const MAX_DEPTH = 24;

export interface ExampleOptions {
  /** Resolves local `$ref`s (`#/$defs/…`, `#/definitions/…`); defaults to the schema itself. */
  readonly root?: unknown;
  /** The caller's budget in characters of JSON text (from `max_tokens`); the mock's bound caps it. */
  readonly maxChars?: number;
}

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  'iri-reference': 'https://example.com/',
  url: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
  'json-pointer': '/example',
  'relative-json-pointer': '0',
  regex: '.*',
};

// Tried in order when a string has a `pattern`; the first that matches wins.
const PATTERN_CANDIDATES = ['example', 'a', 'A', '0', 'abc', 'ABC', '123', 'a1', 'example_1', 'example-1', 'x@example.com', '2026-01-01', 'https://example.com/'];

/**
 * A value for `schema`.
 *
 * @throws GenerationLimitError when the value would exceed `maxChars` or the mock's bounds.
 */
export function exampleFromSchema(schema: unknown, options: ExampleOptions = {}): unknown {
  const context: Context = { root: (options.root ?? schema) as Schema, budget: new Budget(options.maxChars) };
  return build(schema as Schema, context, 0, '');
}

interface Context {
  readonly root: Schema;
  readonly budget: Budget;
}

function build(schema: Schema, context: Context, depth: number, name: string): unknown {
  const value = buildValue(schema, context, depth, name);
  // Containers spend per item as they are built; scalars (and values the schema gives) here.
  if (value === null || typeof value !== 'object') context.budget.spend(scalarSize(value), 'the value');
  else if (schemaGave(schema)) context.budget.spend(JSON.stringify(value).length, 'the value');
  return value;
}

function buildValue(schema: Schema, context: Context, depth: number, name: string): unknown {
  const { root } = context;
  if (schema === true || schema === undefined) return 'example';
  if (schema === false || depth > MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(root, schema.$ref);
    return target === undefined ? null : buildValue(target, context, depth + 1, name);
  }
  const given = givenValue(schema);
  if (given.found) return given.value;
  if (Array.isArray(schema.allOf)) return buildValue(mergeAllOf(schema, root), context, depth + 1, name);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const branch = branches.find((b) => !isNullSchema(b as Schema)) ?? branches[0];
      return buildValue(branch as Schema, context, depth + 1, name);
    }
  }
  switch (pickType(schema)) {
    case 'object':
      return buildObject(schema, context, depth);
    case 'array':
      return buildArray(schema, context, depth, name);
    case 'string':
      return buildString(schema, context.budget);
    case 'integer':
      return buildNumber(schema, true);
    case 'number':
      return buildNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'example';
  }
}

/** `const`, then the first `enum` value, `default`, the first of `examples`. */
function givenValue(schema: Record<string, unknown>): { found: boolean; value?: unknown } {
  if ('const' in schema) return { found: true, value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { found: true, value: schema.enum[0] };
  if (schema.default !== undefined) return { found: true, value: schema.default };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { found: true, value: schema.examples[0] };
  return { found: false };
}

function schemaGave(schema: Schema): boolean {
  return typeof schema === 'object' && givenValue(schema).found;
}

function scalarSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  return String(value).length;
}

function pickType(schema: Record<string, unknown>): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') ?? type[0]) as string | undefined;
  if (schema.properties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  return undefined;
}

function isNullSchema(schema: Schema): boolean {
  return typeof schema === 'object' && schema.type === 'null';
}

function buildObject(schema: Record<string, unknown>, context: Context, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  const out: Record<string, unknown> = {};
  context.budget.spend(2, 'the value');
  const add = (key: string, propertySchema: Schema) => {
    context.budget.spend(key.length + 4, 'the value');
    out[key] = build(propertySchema, context, depth + 1, key);
  };
  for (const key of required) if (!Object.hasOwn(out, key)) add(key, Object.hasOwn(properties, key) ? properties[key]! : true);
  const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  for (const key of Object.keys(properties)) {
    if (Object.keys(out).length >= minProperties) break;
    if (!Object.hasOwn(out, key)) add(key, properties[key] as Schema);
  }
  return out;
}

function buildArray(schema: Record<string, unknown>, context: Context, depth: number, name: string): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as Schema[]) : Array.isArray(schema.items) ? (schema.items as Schema[]) : [];
  const items = !Array.isArray(schema.items) ? (schema.items as Schema | undefined) : undefined;
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const count = Math.min(Math.max(minItems, prefix.length, items ? 1 : 0), maxItems);
  if (schema.uniqueItems === true && count > GENERATION_BOUNDS.maxUniqueItems) {
    throw new GenerationLimitError('mock', `a uniqueItems array of ${count} items exceeds the mock's bound of ${GENERATION_BOUNDS.maxUniqueItems}`);
  }
  // Every item costs at least two characters (`0,`): refuse a hostile minItems before looping.
  context.budget.spend(2 + count, 'the value');
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) out.push(build(prefix[i] ?? items ?? true, context, depth + 1, name));
  if (schema.uniqueItems === true && out.length > 1) return distinctItems(out, items, context.root);
  return out;
}

/** Makes the items of a `uniqueItems` array differ: other enum values, numbered strings or numbers. */
function distinctItems(out: unknown[], items: Schema | undefined, root: Schema): unknown[] {
  const itemSchema = typeof items === 'object' && typeof items.$ref === 'string' ? resolveRef(root, items.$ref) : items;
  const choices = typeof itemSchema === 'object' && Array.isArray(itemSchema.enum) ? itemSchema.enum : undefined;
  if (choices && choices.length >= out.length) return choices.slice(0, out.length);
  if (out.every((v) => typeof v === 'number')) return out.map((v, i) => (v as number) + i);
  if (out.every((v) => typeof v === 'string')) return out.map((v, i) => (i === 0 ? v : `${v as string}${i}`));
  return out;
}

function buildString(schema: Record<string, unknown>, budget: Budget): string {
  const minLength = typeof schema.minLength === 'number' ? Math.max(0, schema.minLength) : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  // Before any padding is allocated: a hostile minLength stops here.
  budget.ensure(minLength, `a string of minLength ${minLength}`);
  const sample = (typeof schema.format === 'string' && FORMAT_SAMPLES[schema.format]) || undefined;
  if (typeof schema.pattern === 'string') {
    // A format's sample first (an email pattern next to `format: email`), then the pattern's own shortest match.
    const matched = matchPattern(schema.pattern, sample ? [sample] : [], minLength, maxLength) ?? patternExample(schema.pattern, minLength, maxLength, budget.remaining) ?? matchPattern(schema.pattern, PATTERN_CANDIDATES, minLength, maxLength);
    if (matched !== undefined) return matched;
  }
  let value = sample ?? 'example';
  if (value.length < minLength) value += 'x'.repeat(minLength - value.length);
  return value.length > maxLength ? value.slice(0, maxLength) : value;
}

/** The first candidate (padded with `x` to `minLength`) that matches `pattern` within the lengths. */
function matchPattern(pattern: string, candidates: readonly string[], minLength: number, maxLength: number): string | undefined {
  let re: { test(value: string): boolean };
  try {
    re = safeRegExp(pattern);
  } catch {
    return undefined;
  }
  for (const candidate of candidates) {
    const padded = candidate.length >= minLength ? candidate : candidate + 'x'.repeat(minLength - candidate.length);
    if (padded.length <= maxLength && re.test(padded)) return padded;
  }
  return undefined;
}

function buildNumber(schema: Record<string, unknown>, integer: boolean): number {
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const step = integer ? 1 : 0.5;
  let low = num('minimum') ?? -Infinity;
  const exclusiveLow = num('exclusiveMinimum');
  if (exclusiveLow !== undefined) low = Math.max(low, exclusiveLow + step);
  let high = num('maximum') ?? Infinity;
  const exclusiveHigh = num('exclusiveMaximum');
  if (exclusiveHigh !== undefined) high = Math.min(high, exclusiveHigh - step);
  if (!integer && low > high) {
    // An open range narrower than one step, e.g. (0, 0.3): its midpoint is inside.
    const a = Math.max(num('minimum') ?? -Infinity, exclusiveLow ?? -Infinity);
    const b = Math.min(num('maximum') ?? Infinity, exclusiveHigh ?? Infinity);
    if (Number.isFinite(a) && Number.isFinite(b)) low = high = (a + b) / 2;
  }
  let value = Math.min(Math.max(1, low), high);
  if (integer) value = Math.ceil(value);
  const multipleOf = num('multipleOf');
  if (multipleOf !== undefined && multipleOf > 0) {
    value = Math.ceil(value / multipleOf) * multipleOf;
    // Rounding up past the maximum: the largest multiple below it instead.
    if (value > high) value = Math.floor(high / multipleOf) * multipleOf;
  }
  return value;
}

function mergeAllOf(schema: Record<string, unknown>, root: Schema): Record<string, unknown> {
  const { allOf, ...rest } = schema;
  const merged: Record<string, unknown> = { ...rest };
  const properties: Record<string, unknown> = { ...((rest.properties as object) ?? {}) };
  const required = new Set<string>(Array.isArray(rest.required) ? (rest.required as string[]) : []);
  for (const part of allOf as Schema[]) {
    const resolved = typeof part === 'object' && typeof part.$ref === 'string' ? resolveRef(root, part.$ref) : part;
    if (typeof resolved !== 'object') continue;
    Object.assign(properties, resolved.properties ?? {});
    for (const key of Array.isArray(resolved.required) ? (resolved.required as string[]) : []) required.add(key);
    for (const [key, value] of Object.entries(resolved)) {
      if (key !== 'properties' && key !== 'required' && !(key in merged)) merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current as Schema | undefined;
}
