import type { MockRequest } from '../../wire/wire-request.ts';
import { readOperations, type SpecOperation } from './openapi-operations.ts';
import type { ProtocolAdapter } from './protocol-adapter.ts';
import type { ServedRoutes } from './served-routes.ts';

/** The result of routing a request. */
export type RouteMatch =
  | { readonly kind: 'operation'; readonly operation: SpecOperation; readonly pathParams: Record<string, string> }
  /** The path exists but not for this method. */
  | { readonly kind: 'method-not-allowed'; readonly adapter: ProtocolAdapter }
  | { readonly kind: 'not-found'; readonly adapter: ProtocolAdapter };

interface PathEntry {
  /** The template with its parameter names erased (`/v1/models/{}`): templates that differ only in names share one entry. */
  readonly shape: string;
  readonly pattern: RegExp | undefined;
  /** Characters outside `{…}`: the more, the more specific the template. */
  readonly literalLength: number;
  /** Operations by upper-case method; several protocols may share one (GET /v1/models). */
  readonly byMethod: Map<string, SpecOperation[]>;
}

/**
 * Routes built from the protocols' OpenAPI documents. Static paths are one map lookup (the hot
 * path); templated paths are tried most specific first (more literal characters), then in
 * declaration order, so that `/v1/models/{model}:generateContent` (Gemini) wins over
 * `/v1/models/{model_id}` (whose `{model_id}` would also match `gemini-2.5-flash:generateContent`).
 * Templates that differ only in parameter names (`/v1/models/{model_id}`, `/v1/models/{model}`)
 * are one route shared by their protocols; each operation reads the parameters by its own names.
 */
export class Router {
  readonly #static = new Map<string, PathEntry>();
  readonly #templated: PathEntry[] = [];
  readonly #adapters: readonly ProtocolAdapter[];
  /** Parameter names of each templated operation path, in order. */
  readonly #paramNames = new Map<string, readonly string[]>();

  constructor(adapters: readonly ProtocolAdapter[]) {
    if (adapters.length === 0) throw new Error('[llm-conformance] Failed to build the router: no protocol is enabled.');
    this.#adapters = adapters;
    for (const adapter of adapters) {
      for (const operation of readOperations(adapter)) {
        if (!adapter.operations[operation.operationId]) {
          throw new Error(`[llm-conformance] Failed to build the router: ${adapter.spec.id} has no handler for operation "${operation.operationId}".`);
        }
        const entry = this.#entry(operation.path);
        entry.byMethod.set(operation.method, [...(entry.byMethod.get(operation.method) ?? []), operation]);
      }
    }
    // Stable sort: equally specific templates keep their declaration order.
    this.#templated.sort((a, b) => b.literalLength - a.literalLength);
  }

  /** Every operation, for documentation and tests. */
  get operations(): SpecOperation[] {
    return [...this.#static.values(), ...this.#templated].flatMap((e) => [...e.byMethod.values()].flat());
  }

  match(request: MockRequest, url: URL): RouteMatch {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const path = url.pathname;
    let entry = this.#static.get(path);
    let values: readonly string[] = [];
    if (!entry) {
      for (const candidate of this.#templated) {
        const m = candidate.pattern?.exec(path);
        if (!m) continue;
        entry = candidate;
        values = m.slice(1).map((v) => safeDecode(v ?? ''));
        break;
      }
    }
    if (!entry) return { kind: 'not-found', adapter: this.claimant(request, url, this.#adapters) };
    const operations = entry.byMethod.get(method);
    if (!operations) {
      const adapters = [...entry.byMethod.values()].flat().map((o) => o.adapter);
      return { kind: 'method-not-allowed', adapter: this.claimant(request, url, adapters) };
    }
    const operation = operations.length === 1 ? operations[0]! : pick(operations, request, url);
    const names = this.#paramNames.get(operation.path) ?? [];
    const pathParams = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
    return { kind: 'operation', operation, pathParams };
  }

  /**
   * The protocol a request belongs to, among candidates: the first (in registry order) that
   * claims it by path and credentials, else the `fallback` adapter, else the first.
   */
  claimant(request: MockRequest, url: URL, candidates: readonly ProtocolAdapter[] = this.#adapters): ProtocolAdapter {
    return candidates.find((a) => a.claims(request, url)) ?? candidates.find((a) => a.fallback === true) ?? candidates[0] ?? this.#adapters[0]!;
  }

  /** What this server serves, as `METHOD /path` lines (for unknown-route messages), in registry order. */
  get served(): readonly string[] {
    return [...new Set(this.#adapters.flatMap((adapter) => this.#routesOf(adapter)))];
  }

  /** What a caller of `adapter`'s protocol is told about this server when its route is unknown. */
  servedTo(adapter: ProtocolAdapter): ServedRoutes {
    return { routes: this.#routesOf(adapter), otherApis: this.#adapters.filter((a) => a !== adapter).map((a) => a.spec.title) };
  }

  #routesOf(adapter: ProtocolAdapter): string[] {
    return [...new Set(readOperations(adapter).map((o) => `${o.method} ${o.path}`))];
  }

  #entry(template: string): PathEntry {
    const paramNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    if (paramNames.length > 0) this.#paramNames.set(template, paramNames);
    const shape = template.replace(/\{[^}]+\}/g, '{}');
    const existing = this.#static.get(shape) ?? this.#templated.find((e) => e.shape === shape);
    if (existing) return existing;
    const entry: PathEntry = {
      shape,
      pattern: paramNames.length > 0 ? compileTemplate(template) : undefined,
      literalLength: shape.length - 2 * paramNames.length,
      byMethod: new Map(),
    };
    if (entry.pattern) this.#templated.push(entry);
    else this.#static.set(shape, entry);
    return entry;
  }
}

function pick(operations: readonly SpecOperation[], request: MockRequest, url: URL): SpecOperation {
  return operations.find((o) => o.adapter.claims(request, url)) ?? operations[0]!;
}

function compileTemplate(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
