/**
 * llm-conformance mock server: the public surface.
 *
 * @see ../README.md
 */

// Server
export { createMockServer, type MockServer, type MockServerOptions } from './create-mock-server.ts';
export { serveNodeHttp, type NodeHttpOptions, type NodeHttpServer, type RequestHandlerLike } from './transports/node-http.ts';
export { createFetch } from './transports/fetch.ts';

// Protocols
export { PROTOCOL_ADAPTERS, anthropicMessages, gemini, openaiChat, openaiResponses } from './protocols/index.ts';
export type { ProtocolAdapter, OperationCall, OperationReply, StreamEvent, ErrorTemplates } from './core/protocol-adapter.ts';

// Model catalog, canonical model, token estimator
export { DEFAULT_MODELS, ModelCatalog, type CatalogModel, type ModelFamily } from './core/model-catalog.ts';
export type { CanonicalRequest, CanonicalReply, CanonicalBlock, CanonicalPart, CanonicalStopReason, CanonicalOutput } from './core/canonical.ts';
export { embed, embeddingToBase64 } from './core/embeddings.ts';
export { MockState, stateKey, type StateKey } from './core/state.ts';
export { countTokens, tokenize, TOKEN_ESTIMATOR_VERSION } from './core/token-estimator.ts';
export { estimateRequestTokens, TOKEN_OVERHEAD } from './core/request-tokens.ts';

// Wire-level building blocks (transports, mutants, custom hosts)
export { type MockRequest, type WireRequest, fromWebRequest, BodyTooLargeError } from '../wire/wire-request.ts';
export { type WireReply, type WireChunk, toWebResponse, readWireBody } from '../wire/wire-reply.ts';
export { type SseFrame, encodeSseFrame, SSE_HEADERS } from '../wire/sse-encode.ts';
export { MockProtocolError, InternalError, type ErrorKind } from './core/protocol-error.ts';
export type { LifecycleEvents } from './core/lifecycle.ts';
