import { GEMINI_API_VERSIONS, geminiOperationId } from '../../../specs/gemini/openapi.ts';
import { geminiSpec } from '../../../specs/gemini/index.ts';
import { vendorId } from '../../core/ids.ts';
import type { MockRequest } from '../../../wire/wire-request.ts';
import type { OperationHandler, ProtocolAdapter } from '../../core/protocol-adapter.ts';
import { countTokens } from './count-tokens.ts';
import { batchEmbedContents, embedContent } from './embeddings.ts';
import { geminiErrors, renderGeminiError } from './errors.ts';
import { generateContent, RESPONSE_ID_ALPHABET, streamGenerateContent } from './generate-content.ts';
import { getModel, listModels } from './models.ts';
import { jsonArrayChunks, prettyJson, sseJson } from './wire-json.ts';

const HANDLERS: Readonly<Record<string, OperationHandler>> = {
  generateContent,
  streamGenerateContent,
  countTokens,
  embedContent,
  batchEmbedContents,
  listModels,
  getModel,
};

/** `/v1beta/…`, or a `models/{model}:method` call under either version. */
const GEMINI_PATH = /^\/v1beta(\/|$)|^\/v1\/models\/[^/]+:[A-Za-z]+$/;

/**
 * Whether a request is Gemini's: it authenticates the Gemini way (`x-goog-api-key` or `?key=`),
 * or its path is. This is what makes the shared `GET /v1/models` answer in Gemini's shape to a
 * Gemini caller, and picks the Google envelope for unknown `/v1beta` routes.
 */
function claims(request: MockRequest, url: URL): boolean {
  return request.header('x-goog-api-key') !== undefined || url.searchParams.has('key') || GEMINI_PATH.test(url.pathname);
}

/**
 * The Gemini API: generateContent, streamGenerateContent (SSE with `alt=sse`, a JSON array
 * without), countTokens, embedContent, batchEmbedContents and the model listing, under `/v1beta`
 * and `/v1`. JSON bodies are pretty-printed and SSE lines end in CRLF, as the live API sends them.
 *
 * @see https://ai.google.dev/api
 */
export const gemini: ProtocolAdapter = {
  spec: geminiSpec,
  operations: Object.fromEntries(
    GEMINI_API_VERSIONS.flatMap((version) => Object.entries(HANDLERS).map(([name, handler]) => [geminiOperationId(name, version), handler])),
  ),
  claims,
  // Google sends no request id header; the mock's own id goes in a header of its own.
  requestIdHeader: 'x-mock-request-id',
  requestId: (key) => vendorId('', key, 23, RESPONSE_ID_ALPHABET),
  errors: geminiErrors,
  renderError: renderGeminiError,
  encodeEvent: (event) => ({ data: sseJson(event.data), eol: '\r\n' }),
  encodeJson: prettyJson,
  encodeJsonArray: jsonArrayChunks,
};
