import type { Diagnostic } from '../../specs/tooling/diagnostic.ts';
import type { SchemaRegistry } from '../../specs/tooling/schema-registry.ts';
import { nestingDepth } from '../../specs/tooling/nesting-depth.ts';
import { checkStreamGrammar } from '../../specs/tooling/stream-grammar.ts';
import { authenticate } from './authenticate.ts';
import { checkParameters } from './check-parameters.ts';
import { hash53 } from './hash.ts';
import type { LifecycleEmitter } from './lifecycle.ts';
import { BodyTooLargeError, type MockRequest } from '../../wire/wire-request.ts';
import type { ModelCatalog } from './model-catalog.ts';
import type { SpecOperation } from './openapi-operations.ts';
import type { OperationReply, ProtocolAdapter, ServerContext } from './protocol-adapter.ts';
import { InternalError, MockProtocolError } from './protocol-error.ts';
import type { Router } from './router.ts';
import { encodeSseFrame, SSE_HEADERS } from '../../wire/sse-encode.ts';
import type { MockState } from './state.ts';
import type { WireReply } from '../../wire/wire-reply.ts';

/** What to do when the mock's own output breaks its spec (always a mock bug). */
export type OutputValidation = 'off' | 'report' | 'throw';

export interface PipelineOptions {
  readonly router: Router;
  readonly registry: SchemaRegistry;
  readonly catalog: ModelCatalog;
  readonly events: LifecycleEmitter;
  readonly seed: string;
  readonly state: MockState;
  readonly apiKeys: ReadonlySet<string> | undefined;
  readonly maxBodyBytes: number;
  readonly validateOutput: OutputValidation;
  readonly info: () => Record<string, unknown>;
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/**
 * Deepest request body accepted. No API request nests this deep; a hostile one 10,000 levels deep
 * parses (V8's JSON.parse is iterative) but overflows the stack of every recursive walker after it.
 */
export const MAX_BODY_DEPTH = 256;

/**
 * The mock's request pipeline, a fixed sequence of small stages:
 * `route → authenticate → check parameters → read + validate body → operation → validate own
 * output → encode (json | stream)`. Every failure becomes the protocol's own error envelope; an
 * unexpected exception becomes the protocol's 500 and an `error` lifecycle event.
 */
export class Pipeline {
  readonly #o: PipelineOptions;
  readonly #context: ServerContext;
  #sequence = 0;

  constructor(options: PipelineOptions) {
    this.#o = options;
    this.#context = { catalog: options.catalog, registry: options.registry, seed: options.seed, state: options.state };
  }

  async handle(request: MockRequest): Promise<WireReply> {
    const started = performance.now();
    const url = parseUrl(request.url);
    const sequence = ++this.#sequence;
    const events = this.#o.events;
    const match = this.#o.router.match(request, url);
    const adapter = match.kind === 'operation' ? match.operation.adapter : match.adapter;
    const requestId = adapter.requestId(`${this.#o.seed}|${sequence}`);
    if (events.has('request:start')) events.emit('request:start', { requestId, method: request.method, url: request.url });

    let reply: WireReply;
    let operation: SpecOperation | undefined;
    try {
      if (match.kind === 'operation') {
        operation = match.operation;
        reply = await this.#run(operation, match.pathParams, request, url, requestId);
      } else if (isRoot(url) && (request.method === 'GET' || request.method === 'HEAD')) {
        reply = { status: 200, headers: JSON_HEADERS, body: JSON.stringify(this.#o.info()) };
      } else if (match.kind === 'method-not-allowed') {
        throw adapter.errors.methodNotAllowed(request.method, url.pathname);
      } else {
        throw adapter.errors.notFound(request.method, url.pathname, this.#o.router.servedTo(adapter));
      }
    } catch (error) {
      reply = this.#renderError(adapter, operation, error, requestId);
    }
    if (request.method === 'HEAD') reply = { ...reply, body: '' };
    if (events.has('request:end')) {
      events.emit('request:end', {
        requestId,
        method: request.method,
        url: request.url,
        status: reply.status,
        protocol: adapter.spec.id,
        operationId: operation?.operationId,
        durationMs: performance.now() - started,
      });
    }
    return reply;
  }

  async #run(operation: SpecOperation, pathParams: Record<string, string>, request: MockRequest, url: URL, requestId: string): Promise<WireReply> {
    const { adapter } = operation;
    const refused = authenticate(operation, request, url, this.#o.apiKeys) ?? checkParameters(operation, request, url, pathParams);
    if (refused) throw refused;
    let body: unknown;
    let bodyText = '';
    if (operation.requestSchema) {
      bodyText = await this.#readBody(adapter, request);
      body = parseJson(adapter, bodyText);
      const diagnostics = validateRequest(this.#o.registry, adapter, operation.requestSchema, body);
      if (diagnostics.length > 0) throw adapter.errors.invalidBody(diagnostics, body);
    }
    const handler = adapter.operations[operation.operationId];
    if (!handler) throw new InternalError(`no handler for ${operation.operationId}`);
    const replyKey = `${this.#o.seed}|${operation.operationId}|${hash53(bodyText)}|${bodyText.length}`;
    const result = await handler({ request, url, pathParams, body, requestId, replyKey, server: this.#context });
    this.#checkOutput(operation, result, requestId);
    return encodeReply(adapter, result, requestId);
  }

  async #readBody(adapter: ProtocolAdapter, request: MockRequest): Promise<string> {
    try {
      return await request.readBody(this.#o.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw adapter.errors.bodyTooLarge(error.limit);
      // The client went away before sending its whole body: a bad request nobody will read, not
      // a bug of the mock, so it must not surface as an `error` event and a 500.
      if (request.signal?.aborted) throw adapter.errors.invalidJson('the request body ended before its declared length');
      throw error;
    }
  }

  #checkOutput(operation: SpecOperation, reply: OperationReply, requestId: string): void {
    if (this.#o.validateOutput === 'off') return;
    const diagnostics = [...(reply.shortfalls ?? []), ...outputDiagnostics(this.#o.registry, operation, reply)];
    if (diagnostics.length === 0) return;
    this.#o.events.emit('violation', { requestId, operationId: operation.operationId, diagnostics });
    if (this.#o.validateOutput === 'throw') {
      throw new InternalError(`the ${operation.operationId} reply breaks the spec: ${diagnostics.map((d) => d.message).join('; ')}`);
    }
  }

  #renderError(adapter: ProtocolAdapter, operation: SpecOperation | undefined, error: unknown, requestId: string): WireReply {
    let protocolError: MockProtocolError;
    const headers: Record<string, string> = { ...JSON_HEADERS, [adapter.requestIdHeader]: requestId };
    if (error instanceof MockProtocolError) {
      protocolError = error;
    } else {
      this.#o.events.emit('error', { requestId, error });
      protocolError = adapter.errors.internal();
      // A bug in the mock: retrying will not help, and SDK retries would only hide it.
      headers['x-should-retry'] = 'false';
    }
    const rendered = adapter.renderError(protocolError, requestId);
    if (this.#o.validateOutput !== 'off' && operation) {
      const schema = operation.responseSchema(rendered.status);
      const diagnostics = schema ? this.#o.registry.validate(schema, rendered.body) : [];
      if (diagnostics.length > 0) this.#o.events.emit('violation', { requestId, operationId: operation.operationId, diagnostics });
    }
    return { status: rendered.status, headers: { ...headers, ...rendered.headers }, body: jsonText(adapter, rendered.body) };
  }
}

/** Diagnostics of an operation's reply against the spec: JSON schema, or event schemas + grammar. */
export function outputDiagnostics(registry: SchemaRegistry, operation: SpecOperation, reply: OperationReply): Diagnostic[] {
  if (reply.kind === 'json') {
    const schema = reply.schema ?? operation.responseSchema(reply.status ?? 200);
    return schema ? registry.validate(schema, reply.body) : [];
  }
  const out: Diagnostic[] = [];
  const eventSchema = reply.schema ?? operation.streamEventSchema;
  if (eventSchema) {
    reply.events.forEach((event, i) => {
      for (const d of registry.validate(eventSchema, event.data)) {
        out.push({ ...d, path: `/events/${i}${d.path}`, message: `event ${i} (${event.type}): ${d.message}` });
      }
    });
  }
  out.push(...checkStreamGrammar(operation.adapter.spec.grammar, reply.events));
  return out;
}

function encodeReply(adapter: ProtocolAdapter, reply: OperationReply, requestId: string): WireReply {
  const idHeader = { [adapter.requestIdHeader]: requestId };
  if (reply.kind === 'json') {
    return { status: reply.status ?? 200, headers: { ...JSON_HEADERS, ...idHeader, ...reply.headers }, body: jsonText(adapter, reply.body) };
  }
  if (reply.framing === 'json-array') {
    if (!adapter.encodeJsonArray) throw new InternalError(`${adapter.spec.id} answered a json-array stream but has no encodeJsonArray`);
    return { status: reply.status ?? 200, headers: { ...JSON_HEADERS, ...idHeader, ...reply.headers }, body: adapter.encodeJsonArray(reply.events) };
  }
  const frames = reply.events.map((event) => encodeSseFrame(adapter.encodeEvent(event)));
  return { status: reply.status ?? 200, headers: { ...SSE_HEADERS, ...idHeader, ...reply.headers }, body: frames };
}

/**
 * The request schema's verdict on a body. A recursive schema (Gemini's `Schema.items`) lets a
 * caller nest a body deeper than the validator's stack: that is the caller's bad request, not a 500.
 */
function validateRequest(registry: SchemaRegistry, adapter: ProtocolAdapter, schemaId: string, body: unknown): Diagnostic[] {
  try {
    return registry.validate(schemaId, body);
  } catch (error) {
    if (error instanceof RangeError) throw adapter.errors.invalidJson('the request is nested too deeply');
    throw error;
  }
}

function jsonText(adapter: ProtocolAdapter, body: unknown): string {
  return adapter.encodeJson ? adapter.encodeJson(body) : JSON.stringify(body);
}

function parseJson(adapter: ProtocolAdapter, text: string): unknown {
  if (text.trim() === '') throw adapter.errors.invalidJson('the request body is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw adapter.errors.invalidJson(error instanceof Error ? error.message : String(error));
  }
  if (nestingDepth(value, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) throw adapter.errors.invalidJson(`the body nests deeper than ${MAX_BODY_DEPTH} levels`);
  return value;
}

function parseUrl(raw: string): URL {
  try {
    // A bare path (node transport) is appended to the placeholder origin, not resolved against it:
    // resolving would read `//host/x` as a protocol-relative URL and route it as `/x`.
    return raw.startsWith('/') ? new URL(`http://mock.invalid${raw}`) : new URL(raw, 'http://mock.invalid');
  } catch {
    return new URL('http://mock.invalid/');
  }
}

function isRoot(url: URL): boolean {
  return url.pathname === '/' || url.pathname === '';
}
