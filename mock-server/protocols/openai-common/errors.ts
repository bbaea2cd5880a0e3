import { vendorId } from '../../core/ids.ts';
import type { ErrorTemplates, RenderedError } from '../../core/protocol-adapter.ts';
import type { MockProtocolError } from '../../core/protocol-error.ts';
import { openaiResponseHeaders } from './headers.ts';
import { openaiInvalidBody, type UnknownParameterStyle } from './invalid-body.ts';
import { OPENAI_ERROR_TYPES, OpenAIError } from './openai-error.ts';
import { describeServed } from '../../core/served-routes.ts';

export { modelNotFound, OPENAI_ERROR_TYPES, OpenAIError, openaiParam } from './openai-error.ts';
export { openaiInvalidBody, type UnknownParameterStyle } from './invalid-body.ts';

const invalid = (message: string) => new OpenAIError('invalid_request', message);

/**
 * The pipeline's generic failures, worded as the OpenAI API words them (messages copied from the
 * live API's answers).
 */
export const openaiErrors: ErrorTemplates = {
  missingCredentials: () =>
    new OpenAIError(
      'authentication',
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
      { code: null },
    ),
  invalidCredentials: () => new OpenAIError('authentication', 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.'),
  missingHeader: (name) => invalid(`Missing required header: '${name}'.`),
  invalidParameter: (_location, name, problem) => new OpenAIError('invalid_request', `Invalid value for '${name}': ${problem}.`, { param: name, code: 'invalid_value' }),
  invalidJson: () =>
    invalid(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    ),
  bodyTooLarge: (limit) => new OpenAIError('request_too_large', `The request body is larger than the maximum allowed size of ${limit} bytes.`),
  // The live API stops at "Invalid URL (…)"; the mock adds what it serves (see describeServed).
  notFound: (method, path, served) => new OpenAIError('not_found', `Invalid URL (${method} ${path})${served ? `: ${describeServed(method, path, served)}` : ''}`),
  methodNotAllowed: (method, path) => new OpenAIError('method_not_allowed', `Invalid URL (${method} ${path})`),
  invalidBody: (diagnostics) => openaiInvalidBody(diagnostics),
  internal: () => new OpenAIError('internal', 'The server had an error while processing your request. Sorry about that!'),
};

/**
 * The shared templates with one API's wording of schema violations (`chat` for Chat Completions,
 * `responses` for the Responses API; see {@link UnknownParameterStyle}).
 */
export function openaiErrorTemplates(style: UnknownParameterStyle): ErrorTemplates {
  return { ...openaiErrors, invalidBody: (diagnostics) => openaiInvalidBody(diagnostics, style) };
}

/**
 * The OpenAI error envelope: `{"error":{"message","type","param","code"}}`, all four always
 * present (`null` when empty): typed clients decode `param` and `code` as required fields.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */
export function renderOpenAIError(error: MockProtocolError): RenderedError {
  const { status, type, code } = OPENAI_ERROR_TYPES[error.kind];
  return {
    status: error.status ?? status,
    body: { error: { message: error.message, type, param: error.param ?? null, code: error instanceof OpenAIError ? error.code : code } },
    headers: openaiResponseHeaders(),
  };
}

/** OpenAI's request id (`x-request-id: req_<32 hex>`), from a deterministic key. */
export function openaiRequestId(key: string): string {
  return vendorId('req_', key, 32, '0123456789abcdef');
}

/** The response header OpenAI sends the request id in (the SDK reads it into `requestID`). */
export const OPENAI_REQUEST_ID_HEADER = 'x-request-id';
