import type { Diagnostic } from '../../../specs/tooling/diagnostic.ts';
import type { ErrorTemplates, RenderedError } from '../../core/protocol-adapter.ts';
import { type ErrorKind, MockProtocolError } from '../../core/protocol-error.ts';
import { describeServed } from '../../core/served-routes.ts';

/**
 * Anthropic's error types by kind, with their HTTP status. Note 529 for `overloaded_error`:
 * Anthropic-specific, and what clients key their back-off on.
 *
 * @see https://docs.claude.com/en/api/errors
 */
export const ANTHROPIC_ERROR_TYPES: Readonly<Record<ErrorKind, { readonly status: number; readonly type: string }>> = {
  invalid_request: { status: 400, type: 'invalid_request_error' },
  authentication: { status: 401, type: 'authentication_error' },
  permission: { status: 403, type: 'permission_error' },
  not_found: { status: 404, type: 'not_found_error' },
  method_not_allowed: { status: 405, type: 'invalid_request_error' },
  request_too_large: { status: 413, type: 'request_too_large' },
  rate_limit: { status: 429, type: 'rate_limit_error' },
  internal: { status: 500, type: 'api_error' },
  timeout: { status: 504, type: 'timeout_error' },
  overloaded: { status: 529, type: 'overloaded_error' },
};

const invalid = (message: string) => new MockProtocolError('invalid_request', message);

/** The pipeline's generic failures, worded as the Anthropic API words them. */
export const anthropicErrors: ErrorTemplates = {
  missingCredentials: () => new MockProtocolError('authentication', 'x-api-key header is required'),
  invalidCredentials: () => new MockProtocolError('authentication', 'invalid x-api-key'),
  missingHeader: (name) => invalid(`${name}: header is required`),
  invalidParameter: (_location, name, problem) => invalid(`${name}: ${problem}`),
  invalidJson: (detail) => invalid(`There was an error parsing the body of your request, please make sure it is valid JSON: ${detail}`),
  bodyTooLarge: () => new MockProtocolError('request_too_large', 'Request exceeds the maximum allowed number of bytes.'),
  // The live API says only "Not Found"; naming the routes served tells a caller on the wrong path
  // (or the wrong protocol) where to go.
  notFound: (method, path, served) => new MockProtocolError('not_found', served ? `Not Found: ${describeServed(method, path, served)}` : 'Not Found'),
  methodNotAllowed: () => new MockProtocolError('method_not_allowed', 'Method Not Allowed'),
  invalidBody: (diagnostics: readonly Diagnostic[]) => {
    const first = diagnostics[0];
    return new MockProtocolError('invalid_request', first?.message ?? 'Invalid request', { param: first?.field });
  },
  internal: () => new MockProtocolError('internal', 'Internal server error'),
};

/**
 * The Anthropic error envelope: `{"type":"error","error":{"type":…,"message":…},"request_id":…}`
 * (plus `error.details` when the error has them).
 * No top-level `message`/`code` (that is OpenAI's shape, a classic gateway mistake).
 */
export function renderAnthropicError(error: MockProtocolError, requestId: string): RenderedError {
  const { status, type } = ANTHROPIC_ERROR_TYPES[error.kind];
  return {
    status: error.status ?? status,
    body: { type: 'error', error: { type, message: error.message, ...(error.details ? { details: error.details } : {}) }, request_id: requestId },
  };
}
