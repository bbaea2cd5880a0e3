import type { ProtocolSpec } from '../types.ts';
import { inferredTypes, mergeVariants, type Shape, ShapeReader } from './spec-drift-shape.ts';
import { Budget, DriftBudgetError, isObject, location, type SchemaNode, SchemaSource, UnresolvedRefError } from './spec-drift-source.ts';

/**
 * Spec drift: where our JSON Schemas disagree with an official OpenAPI document about which
 * properties are required and allowed, which enum values exist, and whether unknown properties
 * are tolerated. Each protocol spec maps its schemas (and `$defs`) to the official component
 * names (`ProtocolSpec.officialSchemas`); the comparison walks each pair, through properties,
 * array items and discriminated variants, and reports every difference once.
 *
 * `stricter` findings make us reject what the official spec allows (false failures in the suite,
 * valid requests refused by the mock); `laxer` ones make us accept what it forbids (missed
 * deviations); `error` ones are mapping or document problems.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#components-object
 */

export const DRIFT_KINDS = [
  'required-extra',
  'required-missing',
  'property-missing',
  'property-extra',
  'additional-properties',
  'enum-missing',
  'enum-extra',
  'enum-open',
  'enum-closed',
  'type',
  'nullable-missing',
  'nullable-extra',
  'variant-missing',
  'variant-extra',
  'unresolved',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];
export type DriftDirection = 'stricter' | 'laxer' | 'error';

export interface DriftFinding {
  readonly protocol: string;
  readonly kind: DriftKind;
  readonly direction: DriftDirection;
  /** From the mapped official component: `Message.content[]<text>.citations`. */
  readonly path: string;
  /** The property names, enum values (JSON), variant tags or types concerned. */
  readonly subjects: readonly string[];
  readonly message: string;
  /** Where, in our schemas (`…/message.json#/properties/usage`) and in the official document (`#/components/schemas/Usage`). */
  readonly ours: string;
  readonly official: string;
}

export interface DriftOptions {
  /** Work units (schemas visited, properties merged) before giving up (default 2 000 000). */
  readonly budget?: number;
  /** Findings kept (default 5 000); the result says when more were left off. */
  readonly maxFindings?: number;
  /** Nesting depth followed from each mapped schema (default 32). */
  readonly maxDepth?: number;
}

export interface DriftResult {
  readonly findings: readonly DriftFinding[];
  /** Schema pairs compared (mapped and nested). */
  readonly compared: number;
  /** Findings left off past `maxFindings`. */
  readonly leftOff: number;
}

/** Base URI the official document is addressed by (never fetched). */
const OFFICIAL_BASE = 'https://official.invalid/openapi.json';

/**
 * Compares a protocol's schemas with an official OpenAPI document, following the protocol's
 * `officialSchemas` mapping. Throws {@link DriftBudgetError} when the document exhausts the budget.
 *
 * @example
 * const { findings } = specDrift(anthropicMessagesSpec, JSON.parse(readFileSync('openapi.json', 'utf8')));
 */
export function specDrift(spec: ProtocolSpec, openapi: unknown, options: DriftOptions = {}): DriftResult {
  const budget = new Budget(options.budget ?? 2_000_000);
  const oursSource = new SchemaSource(new Map(spec.schemas.map((s) => [String(s.$id), s])));
  const officialSource = new SchemaSource(new Map([[OFFICIAL_BASE, openapi]]));
  const walker = new DriftWalker(spec.id, new ShapeReader(oursSource, budget), new ShapeReader(officialSource, budget), budget, {
    maxFindings: options.maxFindings ?? 5_000,
    maxDepth: options.maxDepth ?? 32,
  });
  for (const [ourRef, component] of Object.entries(spec.officialSchemas ?? {})) {
    const officialRef = `${OFFICIAL_BASE}#/components/schemas/${component.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    let ours: SchemaNode;
    let official: SchemaNode;
    try {
      ours = oursSource.node(ourRef);
      official = officialSource.node(officialRef);
    } catch (error) {
      if (!(error instanceof UnresolvedRefError)) throw error;
      const missing = error.message.includes(OFFICIAL_BASE) ? `the official document has no component ${JSON.stringify(component)}` : `our schemas have no ${ourRef}`;
      walker.report('unresolved', 'error', component, [component], missing, ourRef, officialRef);
      continue;
    }
    walker.compare(ours, official, component, 0);
  }
  return walker.result();
}

/** The official component names the mapping names that a document has (to pick protocols for a document). */
export function mappedComponentsIn(spec: ProtocolSpec, openapi: unknown): string[] {
  const components = isObject(openapi) && isObject(openapi.components) ? openapi.components.schemas : undefined;
  if (!isObject(components)) return [];
  return Object.values(spec.officialSchemas ?? {}).filter((name) => Object.hasOwn(components, name));
}

class DriftWalker {
  readonly #findings: DriftFinding[] = [];
  readonly #seen = new Set<string>();
  #compared = 0;
  #leftOff = 0;

  readonly protocol: string;
  readonly ours: ShapeReader;
  readonly official: ShapeReader;
  readonly budget: Budget;
  readonly limits: { readonly maxFindings: number; readonly maxDepth: number };

  constructor(protocol: string, ours: ShapeReader, official: ShapeReader, budget: Budget, limits: DriftWalker['limits']) {
    this.protocol = protocol;
    this.ours = ours;
    this.official = official;
    this.budget = budget;
    this.limits = limits;
  }

  result(): DriftResult {
    return { findings: this.#findings, compared: this.#compared, leftOff: this.#leftOff };
  }

  report(kind: DriftKind, direction: DriftDirection, path: string, subjects: readonly string[], message: string, ours: string, official: string): void {
    if (this.#findings.length >= this.limits.maxFindings) {
      this.#leftOff++;
      return;
    }
    this.#findings.push({ protocol: this.protocol, kind, direction, path, subjects, message, ours: shortLocation(ours), official: shortLocation(official) });
  }

  compare(oursStart: SchemaNode, officialStart: SchemaNode, path: string, depth: number): void {
    if (depth > this.limits.maxDepth) return;
    let oursNode: SchemaNode;
    let officialNode: SchemaNode;
    let a: Shape;
    let b: Shape;
    try {
      oursNode = this.ours.canonical(oursStart);
      officialNode = this.official.canonical(officialStart);
      const key = `${location(oursNode)} ${location(officialNode)}`;
      if (this.#seen.has(key)) return;
      this.#seen.add(key);
      this.budget.spend();
      this.#compared++;
      a = this.ours.shape(oursNode);
      b = this.official.shape(officialNode);
    } catch (error) {
      if (!(error instanceof UnresolvedRefError)) throw error;
      this.report('unresolved', 'error', path, [], error.message, location(oursStart), location(officialStart));
      return;
    }
    const at = { path, ours: location(oursNode), official: location(officialNode) };
    this.#compareTypes(a, b, at);
    this.#compareValues(a, b, at);
    if (a.variants && b.variants) this.#compareVariants(a.variants, b.variants, at, depth);
    else if (a.variants || b.variants) this.#compareMixed(a, b, at, depth);
    else if (!a.opaque && !b.opaque) this.#compareObjects(a, b, at, depth);
    if (a.items && b.items) this.compare(a.items, b.items, `${path}[]`, depth + 1);
  }

  #say(kind: DriftKind, direction: DriftDirection, subjects: readonly string[], message: string, at: Where): void {
    if (subjects.length > 0) this.report(kind, direction, at.path, subjects, message, at.ours, at.official);
  }

  #compareTypes(a: Shape, b: Shape, at: Where): void {
    const ta = inferredTypes(a);
    const tb = inferredTypes(b);
    if (ta && tb) {
      const notOurs = [...tb].filter((t) => !covers(ta, t));
      const notOfficial = [...ta].filter((t) => !covers(tb, t));
      this.#say('type', 'stricter', notOurs, `the official spec allows type ${list(notOurs)}; ours does not (ours: ${list([...ta])})`, at);
      this.#say('type', 'laxer', notOfficial, `ours allows type ${list(notOfficial)}; the official spec does not (official: ${list([...tb])})`, at);
    }
    if (b.nullable && !a.nullable && ta !== undefined) this.#say('nullable-missing', 'stricter', ['null'], 'the official spec allows null; ours does not', at);
    if (a.nullable && !b.nullable && tb !== undefined) this.#say('nullable-extra', 'laxer', ['null'], 'ours allows null; the official spec does not', at);
  }

  #compareValues(a: Shape, b: Shape, at: Where): void {
    if (a.values && b.values) {
      const missing = [...b.values].filter((v) => !a.values!.has(v));
      const extra = [...a.values].filter((v) => !b.values!.has(v));
      this.#say('enum-missing', 'stricter', missing, `the official spec allows ${list(missing)}; ours rejects ${missing.length > 1 ? 'them' : 'it'}`, at);
      this.#say('enum-extra', 'laxer', extra, `ours allows ${list(extra)}; the official spec does not`, at);
    } else if (b.values && !a.values && a.types !== undefined) {
      this.#say('enum-open', 'laxer', [...b.values], `ours accepts any ${list([...a.types])}; the official spec allows only ${list([...b.values])}`, at);
    } else if (a.values && !b.values && b.types !== undefined) {
      this.#say('enum-closed', 'stricter', [...a.values], `ours allows only ${list([...a.values])}; the official spec accepts any ${list([...b.types])}`, at);
    }
  }

  /**
   * A tagged union on one side, one object on the other (our `ErrorObject` with a `type` enum, the
   * official `oneOf` of one schema per error type): the object's tag values are compared with the
   * variants' tags, and its properties with those of the variants seen as one object.
   */
  #compareMixed(a: Shape, b: Shape, at: Where, depth: number): void {
    const oursUnion = a.variants !== undefined;
    const union = oursUnion ? a : b;
    const tag = union.tag!;
    const merged = mergeVariants(oursUnion ? this.ours : this.official, union.variants!, this.budget);
    const plain = oursUnion ? b : a;
    const plainTag = plain.properties.get(tag);
    const tagValues = plainTag ? (oursUnion ? this.official : this.ours).shape(plainTag).values : undefined;
    if (tagValues) {
      const tags = new Set([...union.variants!.keys()].map((t) => JSON.stringify(t)));
      const [ourTags, officialTags] = oursUnion ? [tags, tagValues] : [tagValues, tags];
      const tagAt = { ...at, path: `${at.path}.${tag}` };
      const missing = [...officialTags].filter((v) => !ourTags.has(v));
      const extra = [...ourTags].filter((v) => !officialTags.has(v));
      this.#say('enum-missing', 'stricter', missing, `the official spec allows ${list(missing)}; ours rejects ${missing.length > 1 ? 'them' : 'it'}`, tagAt);
      this.#say('enum-extra', 'laxer', extra, `ours allows ${list(extra)}; the official spec does not`, tagAt);
    }
    this.#compareObjects(oursUnion ? merged : a, oursUnion ? b : merged, at, depth, tag);
  }

  #compareObjects(a: Shape, b: Shape, at: Where, depth: number, skip?: string): void {
    const requiredExtra = [...a.required].filter((n) => !b.required.has(n));
    const requiredMissing = [...b.required].filter((n) => !a.required.has(n));
    this.#say('required-extra', 'stricter', requiredExtra, `ours requires ${list(requiredExtra)}; the official spec does not`, at);
    this.#say('required-missing', 'laxer', requiredMissing, `the official spec requires ${list(requiredMissing)}; ours does not`, at);
    if (a.closed) {
      const missing = [...b.properties.keys()].filter((n) => !a.properties.has(n));
      this.#say('property-missing', 'stricter', missing, `the official spec allows ${list(missing)}; ours rejects ${missing.length > 1 ? 'them' : 'it'} (no additional properties)`, at);
      if (!b.closed && (b.properties.size > 0 || b.types?.has('object'))) {
        this.#say('additional-properties', 'stricter', ['additionalProperties'], 'ours rejects unknown properties; the official spec allows them', at);
      }
    }
    if (b.closed) {
      const extra = [...a.properties.keys()].filter((n) => !b.properties.has(n));
      this.#say('property-extra', 'laxer', extra, `ours allows ${list(extra)}; the official spec rejects ${extra.length > 1 ? 'them' : 'it'} (no additional properties)`, at);
    }
    for (const [name, node] of a.properties) {
      const other = b.properties.get(name);
      if (other && name !== skip) this.compare(node, other, `${at.path}.${name}`, depth + 1);
    }
  }

  #compareVariants(a: Map<string, SchemaNode>, b: Map<string, SchemaNode>, at: Where, depth: number): void {
    const missing = [...b.keys()].filter((t) => !a.has(t));
    const extra = [...a.keys()].filter((t) => !b.has(t));
    this.#say('variant-missing', 'stricter', missing, `the official spec has variants ${list(missing)}; ours rejects them`, at);
    this.#say('variant-extra', 'laxer', extra, `ours accepts variants ${list(extra)}; the official spec does not list them`, at);
    for (const [tag, node] of a) {
      const other = b.get(tag);
      if (other) this.compare(node, other, `${at.path}<${tag}>`, depth + 1);
    }
  }
}

interface Where {
  readonly path: string;
  readonly ours: string;
  readonly official: string;
}

function covers(types: ReadonlySet<string>, type: string): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** At most 12 items, then a count: an enum of 40 model ids stays one readable line. */
function list(items: readonly string[]): string {
  const shown = items.slice(0, 12).join(', ');
  return items.length > 12 ? `${shown} and ${items.length - 12} more` : shown;
}

function shortLocation(loc: string): string {
  return loc.startsWith(OFFICIAL_BASE) ? loc.slice(OFFICIAL_BASE.length) : loc.replace(/^https:\/\/llm-conformance\.dev\/schemas\//, '');
}

export { DriftBudgetError };
