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
