import type { Diagnostic } from '../../../specs/tooling/diagnostic.ts';
import { vendorId } from '../../core/ids.ts';
import type { ErrorTemplates, RenderedError } from '../../core/protocol-adapter.ts';
import { type ErrorKind, MockProtocolError } from '../../core/protocol-error.ts';

/**
 * OpenAI's error `type` (and default `code`) for each kind, with the HTTP status. Unlike
 * Anthropic, OpenAI answers overload with 503 and rate limits with `type: "requests"`.
 *
 * @see https://platform.openai.com/docs/guides/error-codes/api-errors
 */
export const OPENAI_ERROR_TYPES: Readonly<Record<ErrorKind, { readonly status: number; readonly type: string; readonly code: string | null }>> = {
  invalid_request: { status: 400, type: 'invalid_request_error', code: null },
  authentication: { status: 401, type: 'invalid_request_error', code: 'invalid_api_key' },
  permission: { status: 403, type: 'invalid_request_error', code: null },
  not_found: { status: 404, type: 'invalid_request_error', code: null },
  method_not_allowed: { status: 405, type: 'invalid_request_error', code: null },
  request_too_large: { status: 413, type: 'invalid_request_error', code: null },
  rate_limit: { status: 429, type: 'requests', code: 'rate_limit_exceeded' },
  internal: { status: 500, type: 'server_error', code: null },
  timeout: { status: 504, type: 'server_error', code: null },
  overloaded: { status: 503, type: 'server_error', code: null },
};

/**
 * An OpenAI error with an explicit `code` (`model_not_found`, `missing_required_parameter`, …):
 * the envelope's `code` field, which clients branch on.
 */
export class OpenAIError extends MockProtocolError {
  readonly code: string | null;

  constructor(kind: ErrorKind, message: string, options: { status?: number; param?: string; code?: string | null } = {}) {
    super(kind, message, options);
    this.name = 'OpenAIError';
    this.code = options.code === undefined ? OPENAI_ERROR_TYPES[kind].code : options.code;
  }
}

/** The 404 the API answers for a model id it does not serve. */
export function modelNotFound(model: string): OpenAIError {
  return new OpenAIError('not_found', `The model \`${model}\` does not exist or you do not have access to it.`, { code: 'model_not_found' });
}

/**
 * A JSON Pointer / dotted field as OpenAI prints a parameter: `messages[0].content[1].type`.
 */
export function openaiParam(field: string): string {
  return field
    .split('.')
    .filter((segment) => segment !== '')
    .reduce((out, segment) => (/^\d+$/.test(segment) ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), '');
}

/** A request-schema violation, worded as the OpenAI API words it. */
function invalidBody(diagnostics: readonly Diagnostic[]): OpenAIError {
  const first = diagnostics[0];
  if (!first) return new OpenAIError('invalid_request', 'Invalid request.');
  const param = openaiParam(first.field);
  // The diagnostic's message is "<field>: <what is wrong>"; OpenAI quotes the parameter instead.
  const problem = first.field && first.message.startsWith(`${first.field}: `) ? first.message.slice(first.field.length + 2) : first.message;
  switch (first.keyword) {
    case 'required':
    case 'discriminator':
      if (problem === 'Field required') return new OpenAIError('invalid_request', `Missing required parameter: '${param}'.`, { param, code: 'missing_required_parameter' });
      return new OpenAIError('invalid_request', `Invalid value for '${param}': ${problem}.`, { param, code: 'invalid_value' });
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return new OpenAIError('invalid_request', `Unrecognized request argument supplied: ${param}`, { param, code: 'unknown_parameter' });
    case 'type':
      return new OpenAIError('invalid_request', `Invalid type for '${param}': ${expectedType(problem)}.`, { param, code: 'invalid_type' });
    default:
      return new OpenAIError('invalid_request', `Invalid value for '${param}': ${problem}.`, { param, code: 'invalid_value' });
  }
}

/** "Input should be a valid integer" → "expected an integer". */
function expectedType(problem: string): string {
  const type = problem.replace(/^Input should be a valid /, '');
  return `expected ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

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
  notFound: (method, path) => new OpenAIError('not_found', `Invalid URL (${method} ${path})`),
  methodNotAllowed: (method, path) => new OpenAIError('method_not_allowed', `Invalid URL (${method} ${path})`),
  invalidBody,
  internal: () => new OpenAIError('internal', 'The server had an error while processing your request. Sorry about that!'),
};

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
  };
}

/** OpenAI's request id (`x-request-id: req_<32 hex>`), from a deterministic key. */
export function openaiRequestId(key: string): string {
  return vendorId('req_', key, 32, '0123456789abcdef');
}

/** The response header OpenAI sends the request id in (the SDK reads it into `requestID`). */
export const OPENAI_REQUEST_ID_HEADER = 'x-request-id';
