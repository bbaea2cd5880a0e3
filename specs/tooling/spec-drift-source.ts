/**
 * Schema documents as the spec-drift comparison reads them: documents by base URI, `$ref`
 * resolution (relative URI + JSON pointer), and a work budget so that a hostile or huge document
 * (deep `$ref` chains, cycles, fan-out) cannot make the comparison run away.
 *
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-schema-references
 * @see https://www.rfc-editor.org/rfc/rfc6901 (JSON Pointer)
 */

/** One schema inside a document: its document's base URI, a JSON pointer, and the value there. */
export interface SchemaNode {
  readonly doc: string;
  readonly pointer: string;
  readonly schema: unknown;
}

/** The comparison ran out of budget: the document is too large, too deep or too cyclic. */
export class DriftBudgetError extends Error {
  constructor(what: string) {
    super(`[llm-conformance] Failed to compare schemas: ${what}. The document is too large or too deeply nested for spec-drift.`);
    this.name = 'DriftBudgetError';
  }
}

/** A counter of work units; every schema visited and every property merged spends one. */
export class Budget {
  #left: number;
  constructor(units: number) {
    this.#left = units;
  }
  spend(units = 1): void {
    this.#left -= units;
    if (this.#left < 0) throw new DriftBudgetError('work budget exhausted');
  }
}

/** A `$ref` that points nowhere (unknown document, missing pointer target). */
export class UnresolvedRefError extends Error {
  constructor(ref: string, from: string) {
    super(`cannot resolve $ref ${JSON.stringify(ref.slice(0, 200))} from ${from}`);
    this.name = 'UnresolvedRefError';
  }
}

/** The longest `$ref` → `$ref` chain followed before giving up. */
const MAX_REF_CHAIN = 64;

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property (never the prototype's: `__proto__`, `constructor` are data here). */
export function own(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A set of schema documents, by base URI, with `$ref` resolution inside and across them. */
export class SchemaSource {
  readonly #docs: ReadonlyMap<string, unknown>;

  constructor(docs: ReadonlyMap<string, unknown>) {
    this.#docs = docs;
  }

  /** The node at `ref` (`doc#pointer`, or a pointer-only `#…` against `from`'s document). */
  node(ref: string, from?: SchemaNode): SchemaNode {
    const hash = ref.indexOf('#');
    const uri = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    let doc = from?.doc ?? '';
    if (uri !== '') {
      try {
        doc = new URL(uri, from?.doc || undefined).href;
      } catch {
        throw new UnresolvedRefError(ref, from ? location(from) : 'the mapping');
      }
    }
    if (!this.#docs.has(doc)) throw new UnresolvedRefError(ref, from ? location(from) : 'the mapping');
    return { doc, pointer, schema: walk(this.#docs.get(doc), pointer, ref) };
  }

  /** A child node: `child(node, 'properties', 'name')`. */
  child(node: SchemaNode, ...keys: readonly (string | number)[]): SchemaNode {
    let value: unknown = node.schema;
    for (const key of keys) value = Array.isArray(value) ? value[Number(key)] : isObject(value) ? own(value, String(key)) : undefined;
    return { doc: node.doc, pointer: `${node.pointer}/${keys.map((k) => String(k).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`, schema: value };
  }

  /** Follows `$ref` until a schema without one; `undefined` for a cycle. Siblings of `$ref` are the caller's. */
  follow(node: SchemaNode, budget: Budget): SchemaNode | undefined {
    const seen = new Set<string>();
    let current = node;
    for (let hops = 0; hops <= MAX_REF_CHAIN; hops++) {
      budget.spend();
      const ref = isObject(current.schema) ? own(current.schema, '$ref') : undefined;
      if (typeof ref !== 'string') return current;
      const key = location(current);
      if (seen.has(key)) return undefined;
      seen.add(key);
      current = this.node(ref, current);
    }
    throw new DriftBudgetError(`a $ref chain longer than ${MAX_REF_CHAIN} at ${location(node)}`);
  }
}

/** `doc#pointer`: a node's identity (and how findings name where they are). */
export function location(node: SchemaNode): string {
  return `${node.doc}#${node.pointer}`;
}

function walk(root: unknown, pointer: string, ref: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) throw new UnresolvedRefError(ref, 'a fragment that is not a JSON pointer');
  let value = root;
  for (const raw of pointer.slice(1).split('/')) {
    let token: string;
    try {
      token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      throw new UnresolvedRefError(ref, 'a malformed pointer');
    }
    value = Array.isArray(value) && /^\d+$/.test(token) ? value[Number(token)] : isObject(value) ? own(value, token) : undefined;
    if (value === undefined) throw new UnresolvedRefError(ref, 'its document');
  }
  return value;
}
