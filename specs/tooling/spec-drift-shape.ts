import { type Budget, isObject, location, own, type SchemaNode, type SchemaSource } from './spec-drift-source.ts';

/**
 * What a schema node allows, flattened for comparison: `$ref` followed, `allOf` merged, `anyOf` /
 * `oneOf` read as unions (a `null` branch makes the node nullable; object branches tagged by a
 * discriminator become variants), OpenAPI 3.0's `nullable: true` honoured. Keywords the
 * comparison does not model (`if`/`then`, `not`, `pattern`, bounds, `format`) are ignored.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#discriminator-object
 */
export interface Shape {
  /** JSON types allowed besides null (`integer` ⊂ `number`); `undefined`: not constrained. */
  types: Set<string> | undefined;
  nullable: boolean;
  /** The allowed values (JSON-encoded) when the node is an enumeration; `undefined`: any value of its types. */
  values: Set<string> | undefined;
  properties: Map<string, SchemaNode>;
  required: Set<string>;
  /** `additionalProperties: false` or `unevaluatedProperties: false`. */
  closed: boolean;
  items: SchemaNode | undefined;
  /** Object branches by the value of their tag property (`type` for content blocks). */
  variants: Map<string, SchemaNode> | undefined;
  /** The tag property of `variants`. */
  tag: string | undefined;
  /** An object union without a tag: its properties are not compared. */
  opaque: boolean;
}

function emptyShape(): Shape {
  return { types: undefined, nullable: false, values: undefined, properties: new Map(), required: new Set(), closed: false, items: undefined, variants: undefined, tag: undefined, opaque: false };
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** Shapes of one {@link SchemaSource}, computed once per node. */
export class ShapeReader {
  readonly #source: SchemaSource;
  readonly #budget: Budget;
  readonly #memo = new Map<string, Shape>();
  readonly #building = new Set<string>();

  constructor(source: SchemaSource, budget: Budget) {
    this.#source = source;
    this.#budget = budget;
  }

  /**
   * The node a pure `$ref` (one with only annotations beside it) stands for: two paths to the same
   * schema then compare, and report, once.
   */
  canonical(node: SchemaNode): SchemaNode {
    let current = node;
    for (let hops = 0; hops < 64 && isPureRef(current.schema); hops++) {
      this.#budget.spend();
      current = this.#source.node(own(current.schema as Readonly<Record<string, unknown>>, '$ref') as string, current);
    }
    return current;
  }

  /** The shape of `node`; a node being built (a cyclic schema) reads as unconstrained. */
  shape(node: SchemaNode): Shape {
    const key = location(node);
    const known = this.#memo.get(key);
    if (known) return known;
    if (this.#building.has(key)) return emptyShape();
    this.#building.add(key);
    try {
      const shape = emptyShape();
      this.#apply(shape, node);
      this.#memo.set(key, shape);
      return shape;
    } finally {
      this.#building.delete(key);
    }
  }

  #apply(shape: Shape, node: SchemaNode): void {
    this.#budget.spend();
    const s = node.schema;
    if (!isObject(s)) return;
    const ref = own(s, '$ref');
    if (typeof ref === 'string') {
      const target = this.#source.follow(this.#source.node(ref, node), this.#budget);
      if (target) merge(shape, this.shape(target), this.#budget);
    }
    this.#applyType(shape, s);
    const values = own(s, 'enum');
    if (Array.isArray(values)) intersectValues(shape, new Set(values.map((v) => JSON.stringify(v))));
    if (Object.hasOwn(s, 'const')) intersectValues(shape, new Set([JSON.stringify(own(s, 'const'))]));
    this.#applyObject(shape, node, s);
    if (isObject(own(s, 'items'))) shape.items ??= this.#source.child(node, 'items');
    const allOf = own(s, 'allOf');
    if (Array.isArray(allOf)) allOf.forEach((_, i) => merge(shape, this.shape(this.#source.child(node, 'allOf', i)), this.#budget));
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = own(s, keyword);
      if (Array.isArray(branches)) this.#applyUnion(shape, node, branches.map((_, i) => this.#source.child(node, keyword, i)));
    }
  }

  #applyType(shape: Shape, s: Readonly<Record<string, unknown>>): void {
    const type = own(s, 'type');
    const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string' && JSON_TYPES.has(t));
    if (types.length > 0) {
      if (types.includes('null')) shape.nullable = true;
      const nonNull = new Set(types.filter((t) => t !== 'null'));
      shape.types = shape.types ? new Set([...shape.types].filter((t) => nonNull.has(t) || (t === 'integer' && nonNull.has('number')))) : nonNull;
    }
    if (own(s, 'nullable') === true) shape.nullable = true;
  }

  #applyObject(shape: Shape, node: SchemaNode, s: Readonly<Record<string, unknown>>): void {
    const properties = own(s, 'properties');
    if (isObject(properties)) {
      for (const name of Object.keys(properties)) {
        this.#budget.spend();
        if (!shape.properties.has(name)) shape.properties.set(name, this.#source.child(node, 'properties', name));
      }
    }
    const required = own(s, 'required');
    if (Array.isArray(required)) for (const name of required) if (typeof name === 'string') shape.required.add(name);
    if (own(s, 'additionalProperties') === false || own(s, 'unevaluatedProperties') === false) shape.closed = true;
  }

  #applyUnion(shape: Shape, node: SchemaNode, branchNodes: readonly SchemaNode[]): void {
    const branches = branchNodes.map((b) => ({ node: b, shape: this.shape(b) }));
    const nonNull = branches.filter((b) => !isNullOnly(b.shape));
    if (nonNull.length < branches.length || nonNull.some((b) => b.shape.nullable)) shape.nullable = true;
    if (nonNull.length === 0) return;
    if (nonNull.length === 1) {
      merge(shape, nonNull[0]!.shape, this.#budget);
      return;
    }
    const branchTypes = nonNull.map((b) => inferredTypes(b.shape));
    shape.types = branchTypes.some((t) => t === undefined) ? undefined : new Set(branchTypes.flatMap((t) => [...t!]));
    // An enumeration stays closed only when every branch is one (`anyOf: [string, const…]` is open).
    const openValued = nonNull.some((b) => b.shape.values === undefined);
    shape.values = openValued ? undefined : new Set(nonNull.flatMap((b) => [...b.shape.values!]));
    const objects = nonNull.filter((b, i) => branchTypes[i]?.has('object'));
    const arrays = nonNull.filter((b) => b.shape.items !== undefined);
    shape.items ??= arrays[0]?.shape.items;
    if (objects.length === 1) mergeObject(shape, objects[0]!.shape, this.#budget);
    if (objects.length > 1) {
      const tagged = this.#variants(node, objects);
      if (tagged) [shape.tag, shape.variants] = tagged;
      else shape.opaque = true;
    }
  }

  /** Object branches by tag: the discriminator's property, else `type`, each branch with one value for it. */
  #variants(node: SchemaNode, objects: readonly { node: SchemaNode; shape: Shape }[]): [string, Map<string, SchemaNode>] | undefined {
    const discriminator = isObject(node.schema) ? own(node.schema, 'discriminator') : undefined;
    const named = isObject(discriminator) ? own(discriminator, 'propertyName') : undefined;
    for (const tag of new Set([...(typeof named === 'string' ? [named] : []), 'type'])) {
      const variants = new Map<string, SchemaNode>();
      for (const branch of objects) {
        const property = branch.shape.properties.get(tag);
        const values = property ? this.shape(property).values : undefined;
        if (values?.size !== 1) break;
        variants.set(JSON.parse([...values][0]!) as string, branch.node);
      }
      if (variants.size === objects.length) return [tag, variants];
    }
    return undefined;
  }
}

const ANNOTATIONS = new Set(['$ref', '$comment', 'description', 'title', 'default', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly']);

function isPureRef(schema: unknown): boolean {
  return isObject(schema) && typeof own(schema, '$ref') === 'string' && Object.keys(schema).every((k) => ANNOTATIONS.has(k) || k.startsWith('x-'));
}

function isNullOnly(shape: Shape): boolean {
  if (shape.values?.size === 1 && shape.values.has('null')) return true;
  return shape.nullable && shape.types?.size === 0 && shape.properties.size === 0 && shape.variants === undefined;
}

/** Declared types, or those implied by the values or by object keywords. */
export function inferredTypes(shape: Shape): Set<string> | undefined {
  if (shape.types) return shape.types;
  if (shape.values) return new Set([...shape.values].map((v) => jsonType(JSON.parse(v))).filter((t) => t !== 'null'));
  if (shape.properties.size > 0 || shape.required.size > 0 || shape.variants) return new Set(['object']);
  if (shape.items) return new Set(['array']);
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function intersectValues(shape: Shape, values: Set<string>): void {
  if (values.has('null')) shape.nullable = true;
  const nonNull = new Set([...values].filter((v) => v !== 'null'));
  if (nonNull.size === 0 && values.size > 0) {
    shape.values = values;
    return;
  }
  shape.values = shape.values ? new Set([...shape.values].filter((v) => nonNull.has(v))) : nonNull;
}

/** `allOf` semantics, loosely: types and values narrow, properties and requirements add up. */
function merge(into: Shape, from: Shape, budget: Budget): void {
  if (from.types) into.types = into.types ? new Set([...into.types].filter((t) => from.types!.has(t))) : new Set(from.types);
  if (from.nullable) into.nullable = true;
  if (from.values) intersectValues(into, from.values);
  into.items ??= from.items;
  if (!into.variants && from.variants) [into.tag, into.variants] = [from.tag, from.variants];
  into.opaque ||= from.opaque;
  mergeObject(into, from, budget);
}

/**
 * The object every variant is, seen as one: properties of any variant, required by all, closed
 * when all are (to compare a tagged union with a single object that covers the same tags).
 */
export function mergeVariants(reader: ShapeReader, variants: ReadonlyMap<string, SchemaNode>, budget: Budget): Shape {
  const merged = emptyShape();
  const shapes = [...variants.values()].map((node) => reader.shape(node));
  merged.types = new Set(['object']);
  merged.closed = shapes.every((v) => v.closed);
  for (const v of shapes) mergeObject(merged, { ...v, required: new Set(), closed: false }, budget);
  for (const name of shapes[0]?.required ?? []) if (shapes.every((v) => v.required.has(name))) merged.required.add(name);
  return merged;
}

function mergeObject(into: Shape, from: Shape, budget: Budget): void {
  budget.spend(from.properties.size + from.required.size);
  for (const [name, node] of from.properties) if (!into.properties.has(name)) into.properties.set(name, node);
  for (const name of from.required) into.required.add(name);
  if (from.closed) into.closed = true;
}
