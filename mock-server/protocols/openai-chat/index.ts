import { DONE_SENTINEL } from '../../../specs/openai-chat/stream-grammar.ts';
import { openaiChatSpec } from '../../../specs/openai-chat/index.ts';
import type { MockRequest } from '../../../wire/wire-request.ts';
import type { ProtocolAdapter } from '../../core/protocol-adapter.ts';
import { OPENAI_REQUEST_ID_HEADER, openaiErrorTemplates, openaiRequestId, renderOpenAIError } from '../openai-common/errors.ts';
import { createChatCompletion } from './create-chat-completion.ts';
import { createEmbedding } from './embeddings.ts';
import { listModels, retrieveModel } from './models.ts';

/** Paths only OpenAI serves: their errors are OpenAI's whoever calls. */
const OPENAI_PATHS = /^\/v1\/(chat|embeddings)(\/|$)/;

/**
 * Whether a request is an OpenAI caller's: an `Authorization` header (Bearer, or a malformed one
 * that deserves OpenAI's 401) without another vendor's signal (`anthropic-version` or `x-api-key`
 * for Anthropic, `x-goog-api-key` or `?key=` for Gemini), or an OpenAI-only path.
 */
function claims(request: MockRequest, url: URL): boolean {
  if (OPENAI_PATHS.test(url.pathname)) return true;
  const otherVendor =
    request.header('anthropic-version') !== undefined ||
    request.header('x-api-key') !== undefined ||
    request.header('x-goog-api-key') !== undefined ||
    url.searchParams.has('key');
  return !otherVendor && request.header('authorization') !== undefined;
}

/**
 * OpenAI Chat Completions: POST /v1/chat/completions (JSON and SSE), GET /v1/models and
 * /v1/models/{model} in OpenAI's shape for OpenAI callers, POST /v1/embeddings.
 *
 * @see https://platform.openai.com/docs/api-reference/chat
 */
export const openaiChat: ProtocolAdapter = {
  spec: openaiChatSpec,
  operations: { createChatCompletion, listModels, retrieveModel, createEmbedding },
  claims,
  // A caller with no protocol signal (no credentials, an unknown path) gets OpenAI's shape: the
  // most common client, and what `GET /v1/models` answers by default (design: model listing).
  fallback: true,
  requestIdHeader: OPENAI_REQUEST_ID_HEADER,
  requestId: openaiRequestId,
  // Chat Completions' own words: unknown parameters without param or code, "you must provide a model parameter".
  errors: openaiErrorTemplates('chat'),
  renderError: renderOpenAIError,
  // `data:` lines only, no `event:` line; the sentinel is sent as the bare text `[DONE]`.
  encodeEvent: (event) => ({ data: event.type === 'done' ? DONE_SENTINEL : JSON.stringify(event.data) }),
};
