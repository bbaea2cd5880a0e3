import type { MockRequest } from './mock-request.ts';
import { readOperations, type SpecOperation } from './openapi-operations.ts';
import type { ProtocolAdapter } from './protocol-adapter.ts';

/** The result of routing a request. */
export type RouteMatch =
  | { readonly kind: 'operation'; readonly operation: SpecOperation; readonly pathParams: Record<string, string> }
  /** The path exists but not for this method. */
  | { readonly kind: 'method-not-allowed'; readonly adapter: ProtocolAdapter }
  | { readonly kind: 'not-found'; readonly adapter: ProtocolAdapter };

interface PathEntry {
  readonly template: string;
  readonly pattern: RegExp | undefined;
  readonly paramNames: readonly string[];
  /** Operations by upper-case method; several protocols may share one (GET /v1/models). */
  readonly byMethod: Map<string, SpecOperation[]>;
}

/**
 * Routes built from the protocols' OpenAPI documents. Static paths are one map lookup (the hot
 * path); templated paths (`/v1/models/{model_id}`) are tried in declaration order.
 */
export class Router {
  readonly #static = new Map<string, PathEntry>();
  readonly #templated: PathEntry[] = [];
  readonly #adapters: readonly ProtocolAdapter[];

  constructor(adapters: readonly ProtocolAdapter[]) {
    if (adapters.length === 0) throw new Error('[llm-conformance] Failed to build the router: no protocol is enabled.');
    this.#adapters = adapters;
    for (const adapter of adapters) {
      for (const operation of readOperations(adapter)) {
        if (!adapter.operations[operation.operationId]) {
          throw new Error(`[llm-conformance] Failed to build the router: ${adapter.spec.id} has no handler for operation "${operation.operationId}".`);
        }
        this.#entry(operation.path).byMethod.set(operation.method, [...(this.#entry(operation.path).byMethod.get(operation.method) ?? []), operation]);
      }
    }
  }

  /** Every operation, for documentation and tests. */
  get operations(): SpecOperation[] {
    return [...this.#static.values(), ...this.#templated].flatMap((e) => [...e.byMethod.values()].flat());
  }

  match(request: MockRequest, url: URL): RouteMatch {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const path = url.pathname;
    let entry = this.#static.get(path);
    let pathParams: Record<string, string> = {};
    if (!entry) {
      for (const candidate of this.#templated) {
        const m = candidate.pattern?.exec(path);
        if (!m) continue;
        entry = candidate;
        pathParams = Object.fromEntries(candidate.paramNames.map((name, i) => [name, safeDecode(m[i + 1] ?? '')]));
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
    return [...new Set(this.#adapters.flatMap((adapter) => readOperations(adapter).map((o) => `${o.method} ${o.path}`)))];
  }

  #entry(template: string): PathEntry {
    const existing = this.#static.get(template) ?? this.#templated.find((e) => e.template === template);
    if (existing) return existing;
    const paramNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const entry: PathEntry = {
      template,
      paramNames,
      pattern: paramNames.length > 0 ? compileTemplate(template) : undefined,
      byMethod: new Map(),
    };
    if (entry.pattern) this.#templated.push(entry);
    else this.#static.set(template, entry);
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
