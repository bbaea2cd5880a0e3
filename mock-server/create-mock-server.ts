import { SchemaRegistry } from '../specs/tooling/schema-registry.ts';
import type { ProtocolSpec } from '../specs/types.ts';
import { LifecycleEmitter, type LifecycleEvents } from './core/lifecycle.ts';
import { fromWebRequest, type MockRequest } from '../wire/wire-request.ts';
import { type CatalogModel, DEFAULT_MODELS, ModelCatalog } from './core/model-catalog.ts';
import { type OutputValidation, Pipeline } from './core/pipeline.ts';
import type { ProtocolAdapter } from './core/protocol-adapter.ts';
import { Router } from './core/router.ts';
import { MockState } from './core/state.ts';
import { TOOL } from './core/version.ts';
import { toWebResponse, type WireReply } from '../wire/wire-reply.ts';
import { PROTOCOL_ADAPTERS } from './protocols/index.ts';

/** Options of {@link createMockServer}; every one has a sensible default. */
export interface MockServerOptions {
  /** Protocols to serve (default: all). */
  readonly protocols?: readonly ProtocolAdapter[];
  /** The model catalog (default: current Anthropic, OpenAI and Google models). */
  readonly models?: readonly CatalogModel[];
  /**
   * Serve only the catalog's models (default false: an unlisted id of a known vendor family,
   * such as `claude-sonnet-5` or `gpt-7`, is served with that family's limits; any other id is
   * the protocol's 404 either way).
   */
  readonly catalogOnly?: boolean;
  /** Seed for ids; two servers with the same seed answer the same requests with the same bytes. */
  readonly seed?: string | number;
  /** Accepted API keys. Without it any non-empty key is accepted; with it others get a 401. */
  readonly apiKeys?: readonly string[];
  /** Largest accepted request body (default 32 MiB, Anthropic's limit); larger → the protocol's 413. */
  readonly maxBodyBytes?: number;
  /**
   * What to do when the mock's own reply breaks its spec: `report` (default: a `violation`
   * lifecycle event), `throw` (answer 500; for the project's own tests) or `off` (load tests).
   */
  readonly validateOutput?: OutputValidation;
  /**
   * How many stored objects (OpenAI stored responses, Anthropic threads) the server remembers
   * before it forgets the least recently used (default 10,000).
   */
  readonly stateLimit?: number;
  /**
   * An estimate, in bytes, of how much stored content (OpenAI stored responses with their input)
   * the server keeps before it forgets the least recently used (default 256 MiB).
   */
  readonly stateMaxBytes?: number;
}

/** A running mock: a fetch-style handler plus the lower-level `handle` the node transport uses. */
export interface MockServer {
  /** Answers a WHATWG `Request` (msw, tests, any fetch-style host). */
  fetch(request: Request): Promise<Response>;
  /** Answers a transport-neutral request with a wire reply (the node transport's fast path). */
  handle(request: MockRequest): Promise<WireReply>;
  /** Subscribes to a lifecycle event; returns the unsubscribe function. */
  on<K extends keyof LifecycleEvents>(type: K, listener: (payload: LifecycleEvents[K]) => void): () => void;
  readonly catalog: ModelCatalog;
  readonly protocols: readonly ProtocolAdapter[];
}

const DEFAULT_MAX_BODY = 32 * 1024 * 1024;
const DEFAULT_STATE_BYTES = 256 * 1024 * 1024;

// Schemas are immutable data and compiling them costs ~100 ms, so servers serving the same
// protocol specs (the same objects, not just the same ids) share one compiled registry.
const registries: { readonly specs: readonly ProtocolSpec[]; readonly registry: SchemaRegistry }[] = [];

function registryFor(protocols: readonly ProtocolAdapter[]): SchemaRegistry {
  const specs = protocols.map((p) => p.spec);
  const hit = registries.find((entry) => entry.specs.length === specs.length && entry.specs.every((spec, i) => spec === specs[i]));
  if (hit) return hit.registry;
  const registry = new SchemaRegistry(specs.flatMap((spec) => spec.schemas));
  registry.compileAll();
  registries.push({ specs, registry });
  return registry;
}

/**
 * Creates the reference mock. It holds no socket: serve it with `serveNodeHttp` (fast path) or
 * `createMswHandlers` (in-process), or call `fetch` directly.
 *
 * @example
 * const mock = createMockServer({ seed: 1 });
 * const res = await mock.fetch(new Request('http://mock/v1/models', { headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' } }));
 *
 * @see https://docs.claude.com/en/api/messages
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const protocols = options.protocols ?? PROTOCOL_ADAPTERS;
  const registry = registryFor(protocols);
  const catalog = new ModelCatalog(options.models ?? DEFAULT_MODELS, { catalogOnly: options.catalogOnly === true });
  const events = new LifecycleEmitter();
  const pipeline = new Pipeline({
    router: new Router(protocols),
    registry,
    catalog,
    events,
    seed: String(options.seed ?? 0),
    state: new MockState(options.stateLimit, options.stateMaxBytes ?? DEFAULT_STATE_BYTES),
    apiKeys: options.apiKeys ? new Set(options.apiKeys) : undefined,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    validateOutput: options.validateOutput ?? 'report',
    info: () => ({ name: TOOL.name, version: TOOL.version, protocols: protocols.map((p) => p.spec.id), models: catalog.list().length }),
  });
  return {
    fetch: async (request) => toWebResponse(await pipeline.handle(fromWebRequest(request))),
    handle: (request) => pipeline.handle(request),
    on: (type, listener) => events.on(type, listener),
    catalog,
    protocols,
  };
}
