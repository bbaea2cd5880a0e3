import type { Diagnostic } from '../../specs/tooling/diagnostic.ts';
import type { SchemaRegistry } from '../../specs/tooling/schema-registry.ts';
import type { ProtocolSpec } from '../../specs/types.ts';
import type { MockRequest } from '../../wire/wire-request.ts';
import type { ModelCatalog } from './model-catalog.ts';
import type { MockProtocolError } from './protocol-error.ts';
import type { ServedRoutes } from './served-routes.ts';
import type { SseFrame } from '../../wire/sse-encode.ts';
import type { MockState } from './state.ts';

/** What every operation handler may use from the server. */
export interface ServerContext {
  readonly catalog: ModelCatalog;
  readonly registry: SchemaRegistry;
  /** The server's seed: part of every id, so two seeds give two id spaces. */
  readonly seed: string;
  /** What the server remembers between requests (stored responses, threads); bounded. */
  readonly state: MockState;
}

/** One matched request, after routing, authentication, parameter and body validation. */
export interface OperationCall {
  readonly request: MockRequest;
  readonly url: URL;
  readonly pathParams: Readonly<Record<string, string>>;
  /** The parsed JSON body, already valid against the operation's request schema (`undefined` without one). */
  readonly body: unknown;
  readonly requestId: string;
  /** Seed + request body: derive ids from it so that the same request yields the same bytes. */
  readonly replyKey: string;
  readonly server: ServerContext;
}

/** One stream event as the protocol defines it: `type` is the wire type, `data` the JSON payload. */
export interface StreamEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * How a stream's events go on the wire: `sse` (the default), one Server-Sent Event each, or
 * `json-array`, one JSON array written element by element (Google's REST streaming, which Gemini
 * answers to `:streamGenerateContent` without `alt=sse`).
 */
export type StreamFraming = 'sse' | 'json-array';

/**
 * What an operation answers; the pipeline validates it against the spec, then encodes it.
 * `shortfalls` are the handler's own findings about its reply (reported like spec violations).
 * `schema` names the schema the reply must match when it is not the operation's default (the
 * body schema, or for a stream each event's schema): a variant the OpenAPI document cannot
 * select, such as Anthropic's `?beta=true` reply shape.
 */
export type OperationReply = (
  | { readonly kind: 'json'; readonly status?: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> }
  | {
      readonly kind: 'stream';
      readonly status?: number;
      readonly events: readonly StreamEvent[];
      readonly headers?: Readonly<Record<string, string>>;
      readonly framing?: StreamFraming;
    }
) & { readonly shortfalls?: readonly Diagnostic[]; readonly schema?: string };

export type OperationHandler = (call: OperationCall) => OperationReply | Promise<OperationReply>;

/**
 * The words a protocol uses for the pipeline's generic failures. Each protocol's `errors.ts`
 * supplies them, so that "no API key" reads exactly as that vendor writes it.
 */
export interface ErrorTemplates {
  missingCredentials(): MockProtocolError;
  invalidCredentials(): MockProtocolError;
  missingHeader(name: string): MockProtocolError;
  invalidParameter(location: 'header' | 'query' | 'path', name: string, problem: string): MockProtocolError;
  invalidJson(detail: string): MockProtocolError;
  bodyTooLarge(limit: number): MockProtocolError;
  /**
   * An unknown route. `served` says what this server serves (the caller's protocol's routes, the
   * other protocols' names), for a message that tells a caller on the wrong path or protocol where
   * to go (`describeServed`).
   */
  notFound(method: string, path: string, served?: ServedRoutes): MockProtocolError;
  methodNotAllowed(method: string, path: string): MockProtocolError;
  /** `body` is the parsed request body the diagnostics point into (Google names map entries by position). */
  invalidBody(diagnostics: readonly Diagnostic[], body?: unknown): MockProtocolError;
  internal(): MockProtocolError;
}

/** A rendered error: the protocol's envelope and status. */
export interface RenderedError {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One protocol, as the mock serves it. Routes, required headers, auth schemes and schemas come
 * from `spec.openapi`; the adapter supplies only what differs in code: the operation handlers,
 * the error envelope and the stream framing.
 */
export interface ProtocolAdapter {
  readonly spec: ProtocolSpec;
  /** Handlers by OpenAPI `operationId`; every operation of the spec has one (a test checks it). */
  readonly operations: Readonly<Record<string, OperationHandler>>;
  /**
   * Whether a request is this protocol's, by its path and credentials, when several protocols
   * share a route (`GET /v1/models`) or the route is unknown and an error envelope must be
   * chosen. Adapters are asked in registry order; the first that claims answers.
   */
  claims(request: MockRequest, url: URL): boolean;
  /**
   * Answers what no adapter claims (an unknown route from a caller with no protocol signal).
   * The OpenAI adapters set it: a bare `Authorization: Bearer` caller is most often an OpenAI
   * client. Without one, the first adapter of the registry answers.
   */
  readonly fallback?: boolean;
  /** Response header that carries the request id (`request-id` for Anthropic). */
  readonly requestIdHeader: string;
  /** A vendor-shaped request id (`req_011C…`) from a deterministic key. */
  requestId(key: string): string;
  readonly errors: ErrorTemplates;
  renderError(error: MockProtocolError, requestId: string): RenderedError;
  /** The SSE frame for one stream event (event line, exact data spelling). */
  encodeEvent(event: StreamEvent): SseFrame;
  /** The text of a JSON reply or error body; default compact `JSON.stringify` (Google pretty-prints). */
  encodeJson?(body: unknown): string;
  /** The body chunks of a `json-array` stream; a protocol that answers one must supply it. */
  encodeJsonArray?(events: readonly StreamEvent[]): string[];
}
