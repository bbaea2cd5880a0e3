import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type Diagnostic, type DiagnosticDetail, diagnostic } from './diagnostic.ts';

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose
// `.default` is the plugin itself.
const addFormats = addFormatsModule.default;

/**
 * A set of JSON Schemas (draft 2020-12), each with an absolute `$id`, compiled lazily by ajv.
 *
 * Validation has two speeds: a fast validator (first error only) answers "valid?" on the hot path,
 * and only when it fails a verbose `allErrors` validator runs to produce every {@link Diagnostic},
 * ranked so that the most specific one comes first (vendors report one field; we pick the same).
 *
 * @see https://json-schema.org/draft/2020-12/json-schema-core
 * @see https://ajv.js.org/json-schema.html#discriminator
 */
export class SchemaRegistry {
  readonly #schemas = new Map<string, AnySchemaObject>();
  #fast: Ajv2020 | undefined;
  #detailed: Ajv2020 | undefined;
  readonly #fastFns = new Map<string, ValidateFunction>();
  readonly #detailedFns = new Map<string, ValidateFunction>();
  /** Every sub-schema object → the `$id` of the document it belongs to (to resolve `$ref` branches). */
  readonly #owner = new WeakMap<object, string>();

  constructor(schemas: Iterable<AnySchemaObject>) {
    for (const schema of schemas) {
      const id = schema.$id;
      if (typeof id !== 'string') throw new Error(`[llm-conformance] Failed to register a schema: it has no $id.`);
      // Protocols of one family share schemas (the OpenAI error envelope): the same object twice is one schema.
      if (this.#schemas.get(id) === schema) continue;
      if (this.#schemas.has(id)) throw new Error(`[llm-conformance] Failed to register schema "${id}": the $id is used twice.`);
      this.#schemas.set(id, schema);
      indexOwner(schema, id, this.#owner);
    }
  }

  /** Every registered `$id`. */
  get ids(): string[] {
    return [...this.#schemas.keys()];
  }

  has(id: string): boolean {
    return this.#schemas.has(baseId(id));
  }

  /** The registered schema document for an `$id` (without fragment). */
  get(id: string): AnySchemaObject | undefined {
    return this.#schemas.get(baseId(id));
  }

  /**
   * Validates `value` against the schema `ref` (an `$id`, optionally with a `#/$defs/...` fragment).
   * Returns no diagnostics when the value is valid; otherwise every violation, most specific first.
   */
  validate(ref: string, value: unknown): Diagnostic[] {
    if (this.#compile(ref, false)(value)) return [];
    const detailed = this.#compile(ref, true);
    detailed(value);
    return rankErrors(detailed.errors ?? [], (ref, from) => this.#resolve(ref, from));
  }

  /** Resolves a `$ref` written inside `from` (a sub-schema of a registered document). */
  #resolve(ref: string, from: object): AnySchemaObject | undefined {
    const url = new URL(ref, this.#owner.get(from) ?? 'urn:unknown');
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    let node: unknown = this.#schemas.get(url.href);
    for (const segment of fragment.split('/').slice(1)) {
      node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node as AnySchemaObject | undefined;
  }

  /** Compiles every registered schema now, so that a broken schema fails at start-up, not mid-request. */
  compileAll(): void {
    for (const id of this.#schemas.keys()) this.#compile(id, false);
  }

  #compile(ref: string, detailed: boolean): ValidateFunction {
    const cache = detailed ? this.#detailedFns : this.#fastFns;
    let fn = cache.get(ref);
    if (fn) return fn;
    if (!this.has(ref)) throw new Error(`[llm-conformance] Failed to validate: no schema "${ref}" is registered.`);
    const ajv = this.#ajv(detailed);
    fn = ajv.getSchema(ref);
    if (!fn) throw new Error(`[llm-conformance] Failed to compile schema "${ref}".`);
    cache.set(ref, fn);
    return fn;
  }

  #ajv(detailed: boolean): Ajv2020 {
    const existing = detailed ? this.#detailed : this.#fast;
    if (existing) return existing;
    const ajv = new Ajv2020({
      allErrors: detailed,
      verbose: detailed,
      discriminator: true,
      strict: true,
      strictTypes: false,
      allowUnionTypes: true,
      schemas: [...this.#schemas.values()],
    });
    addFormats(ajv);
    if (detailed) this.#detailed = ajv;
    else this.#fast = ajv;
    return ajv;
  }
}

function indexOwner(node: unknown, id: string, owner: WeakMap<object, string>): void {
  if (node === null || typeof node !== 'object' || owner.has(node)) return;
  owner.set(node, id);
  for (const child of Object.values(node)) indexOwner(child, id, owner);
}

function baseId(ref: string): string {
  const hash = ref.indexOf('#');
  return hash === -1 ? ref : ref.slice(0, hash);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'dictionary',
  null: 'null',
};

// Keywords that only summarise failures of their sub-schemas: reported only when nothing better exists.
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'if', 'not', 'allOf', 'contains']);
const KEYWORD_RANK: Record<string, number> = {
  discriminator: 0,
  required: 1,
  additionalProperties: 2,
  unevaluatedProperties: 2,
  const: 3,
  enum: 3,
  // After bounds (5): when a union fails both on type and on a bound at one place, the branch
  // whose type matched says what is wrong (`stop`: array too long, not "should be a string").
  type: 6,
};

/** Resolves a `$ref` found in the schema object `from`. */
export type RefResolver = (ref: string, from: object) => AnySchemaObject | undefined;

/**
 * Turns ajv errors into vendor-style diagnostics (the wording follows pydantic, which the Anthropic
 * API uses: `messages.0.content: Field required`). The most specific error comes first: the deepest
 * path wins, because for `anyOf` unions the branch that matched the value's type fails deeper than
 * the branches that did not.
 */
export function rankErrors(errors: readonly ErrorObject[], resolve?: RefResolver): Diagnostic[] {
  const concrete = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const pool = concrete.length > 0 ? concrete : errors;
  const merged = mergeTypeErrors(pool);
  const diagnostics = merged.map((e) => withDetail(toDiagnostic(e, resolve), e));
  const depth = (d: Diagnostic) => (d.path === '' ? 0 : d.path.split('/').length);
  const rank = (d: Diagnostic) => KEYWORD_RANK[d.keyword] ?? 5;
  return diagnostics
    .map((d, order) => ({ d, order }))
    .sort((a, b) => depth(b.d) - depth(a.d) || rank(a.d) - rank(b.d) || a.order - b.order)
    .map(({ d }) => d)
    .filter((d, i, all) => all.findIndex((o) => o.message === d.message) === i);
}

interface TypeError extends ErrorObject {
  mergedTypes?: string[];
}

/** `anyOf: [string, array]` failing on a number yields one "string or list" message, not two. */
function mergeTypeErrors(errors: readonly ErrorObject[]): TypeError[] {
  const out: TypeError[] = [];
  for (const error of errors) {
    if (error.keyword !== 'type') {
      out.push(error);
      continue;
    }
    const types = String(error.params.type).split(',');
    const same = out.find((e) => e.keyword === 'type' && e.instancePath === error.instancePath);
    if (same) same.mergedTypes = [...new Set([...(same.mergedTypes ?? []), ...types])];
    else out.push({ ...error, mergedTypes: types });
  }
  return out;
}

const MAX_RECEIVED_CHARS = 200;

/** Adds what was received and expected (only known when ajv ran in verbose mode). */
function withDetail(d: Diagnostic, error: TypeError): Diagnostic {
  if (!('data' in error) || d.keyword === 'required' || d.keyword === 'additionalProperties' || d.keyword === 'unevaluatedProperties') return d;
  const data: unknown = error.data;
  const p = error.params as Record<string, unknown>;
  const detail: DiagnosticDetail = {
    receivedType: jsonType(data),
    ...(isPrimitive(data) ? { received: typeof data === 'string' ? data.slice(0, MAX_RECEIVED_CHARS) : data } : {}),
    ...(error.keyword === 'type' ? { expected: error.mergedTypes ?? [String(p.type)] } : {}),
    ...(error.keyword === 'enum' ? { expected: p.allowedValues as unknown[] } : {}),
    ...(error.keyword === 'const' ? { expected: [p.allowedValue] } : {}),
    ...(typeof p.limit === 'number' ? { limit: p.limit } : {}),
    ...(typeof p.pattern === 'string' ? { limit: p.pattern } : {}),
    ...(typeof data === 'string' || Array.isArray(data) ? { size: data.length } : {}),
  };
  return { ...d, detail: d.detail ? { ...detail, ...d.detail } : detail };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function toDiagnostic(error: TypeError, resolve?: RefResolver): Diagnostic {
  const path = error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return diagnostic(`${path}/${escape(String(p.missingProperty))}`, 'required', 'Field required');
    case 'additionalProperties':
      return diagnostic(`${path}/${escape(String(p.additionalProperty))}`, 'additionalProperties', 'Extra inputs are not permitted');
    case 'unevaluatedProperties':
      return diagnostic(`${path}/${escape(String(p.unevaluatedProperty))}`, 'unevaluatedProperties', 'Extra inputs are not permitted');
    case 'type': {
      const names = (error.mergedTypes ?? [String(p.type)]).map((t) => TYPE_NAMES[t] ?? t);
      return diagnostic(path, 'type', `Input should be a valid ${joinOr(names)}`);
    }
    case 'const':
      return diagnostic(path, 'const', `Input should be ${quote(p.allowedValue)}`);
    case 'enum':
      return diagnostic(path, 'enum', `Input should be ${joinOr((p.allowedValues as unknown[]).map(quote))}`);
    case 'discriminator':
      return discriminatorDiagnostic(error, resolve);
    case 'minimum':
      return diagnostic(path, 'minimum', `Input should be greater than or equal to ${String(p.limit)}`);
    case 'exclusiveMinimum':
      return diagnostic(path, 'exclusiveMinimum', `Input should be greater than ${String(p.limit)}`);
    case 'maximum':
      return diagnostic(path, 'maximum', `Input should be less than or equal to ${String(p.limit)}`);
    case 'exclusiveMaximum':
      return diagnostic(path, 'exclusiveMaximum', `Input should be less than ${String(p.limit)}`);
    case 'minLength':
      return diagnostic(path, 'minLength', `String should have at least ${String(p.limit)} character${p.limit === 1 ? '' : 's'}`);
    case 'maxLength':
      return diagnostic(path, 'maxLength', `String should have at most ${String(p.limit)} characters`);
    case 'minItems':
      return diagnostic(path, 'minItems', `List should have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`);
    case 'maxItems':
      return diagnostic(path, 'maxItems', `List should have at most ${String(p.limit)} items`);
    case 'pattern':
      return diagnostic(path, 'pattern', `String should match pattern '${String(p.pattern)}'`);
    case 'format':
      return diagnostic(path, 'format', `Input should be a valid ${String(p.format)}`);
    default:
      return diagnostic(path, error.keyword, `Input ${error.message ?? 'is invalid'}`);
  }
}

function discriminatorDiagnostic(error: ErrorObject, resolve?: RefResolver): Diagnostic {
  const p = error.params as { error?: string; tag?: string; tagValue?: unknown };
  const tag = p.tag ?? 'type';
  // `error.schema` is the keyword value ({propertyName}); the branches are the parent's `oneOf`.
  const parent = error.parentSchema as AnySchemaObject | undefined;
  const branches = ((parent?.oneOf ?? []) as AnySchemaObject[]).map((branch) =>
    typeof branch?.$ref === 'string' && parent ? (resolve?.(branch.$ref, branch) ?? branch) : branch,
  );
  const tags = branches.map((branch) => branch?.properties?.[tag]?.const).filter((v): v is string => typeof v === 'string');
  const expected = tags.map(quote);
  if (p.error === 'tag' || p.tagValue === undefined) {
    return diagnostic(`${error.instancePath}/${escape(tag)}`, 'discriminator', 'Field required');
  }
  const list = expected.length > 0 ? `: ${expected.join(', ')}` : '';
  const found = diagnostic(
    error.instancePath,
    'discriminator',
    `Input tag ${quote(p.tagValue)} found using '${tag}' does not match any of the expected tags${list}`,
  );
  const received = isPrimitive(p.tagValue) ? { received: p.tagValue } : {};
  return { ...found, detail: { receivedType: jsonType(p.tagValue), ...received, expected: tags } };
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
