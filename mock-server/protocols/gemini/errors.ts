import { protoFieldPath } from '../../../specs/gemini/proto-json.ts';
import type { Diagnostic } from '../../../specs/tooling/diagnostic.ts';
import type { ErrorTemplates, RenderedError } from '../../core/protocol-adapter.ts';
import { type ErrorKind, MockProtocolError } from '../../core/protocol-error.ts';

/**
 * The HTTP status and google.rpc code name of each kind. Google answers a bad API key with 400
 * (not 401), no key with 403, and routes it does not know with 404 whatever the method.
 *
 * @see https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes
 * @see https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto
 */
export const GOOGLE_ERROR_CODES: Readonly<Record<ErrorKind, { readonly status: number; readonly rpc: string }>> = {
  invalid_request: { status: 400, rpc: 'INVALID_ARGUMENT' },
  authentication: { status: 401, rpc: 'UNAUTHENTICATED' },
  permission: { status: 403, rpc: 'PERMISSION_DENIED' },
  not_found: { status: 404, rpc: 'NOT_FOUND' },
  method_not_allowed: { status: 404, rpc: 'NOT_FOUND' },
  request_too_large: { status: 400, rpc: 'INVALID_ARGUMENT' },
  rate_limit: { status: 429, rpc: 'RESOURCE_EXHAUSTED' },
  internal: { status: 500, rpc: 'INTERNAL' },
  overloaded: { status: 503, rpc: 'UNAVAILABLE' },
  timeout: { status: 504, rpc: 'DEADLINE_EXCEEDED' },
};

/** One entry of `error.details`: a google.rpc message with its `@type`. */
export type GoogleErrorDetail = Readonly<Record<string, unknown>> & { readonly '@type': string };

/**
 * A Google error with `error.details` (ErrorInfo, BadRequest, … : `rpcDetails`, a list, unlike
 * the record `MockProtocolError.details` other envelopes carry) and, rarely, another rpc code than
 * its kind's.
 */
export class GeminiError extends MockProtocolError {
  readonly rpcDetails: readonly GoogleErrorDetail[] | undefined;
  readonly rpc: string | undefined;

  constructor(kind: ErrorKind, message: string, options: { status?: number; rpc?: string; details?: readonly GoogleErrorDetail[] } = {}) {
    super(kind, message, options.status === undefined ? {} : { status: options.status });
    this.name = 'GeminiError';
    this.rpcDetails = options.details;
    this.rpc = options.rpc;
  }
}

const invalid = (message: string, details?: readonly GoogleErrorDetail[]) => new GeminiError('invalid_request', message, details ? { details } : {});

/** A BadRequest detail naming the field, as the API attaches to request-parsing errors. */
function badRequest(field: string, description: string): GoogleErrorDetail {
  return { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ ...(field ? { field } : {}), description }] };
}

const API_KEY_INVALID = 'API key not valid. Please pass a valid API key.';

/** `models/foo is not found for API version v1beta, or is not supported for generateContent. …` */
export function modelNotSupported(model: string, version: string, method: string): GeminiError {
  return new GeminiError(
    'not_found',
    `models/${model} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
}

/** The pipeline's generic failures, worded as the Gemini API words them. */
export const geminiErrors: ErrorTemplates = {
  missingCredentials: () =>
    new GeminiError(
      'permission',
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    ),
  invalidCredentials: () =>
    new GeminiError('authentication', API_KEY_INVALID, {
      status: 400,
      rpc: 'INVALID_ARGUMENT',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: API_KEY_INVALID },
      ],
    }),
  missingHeader: (name) => invalid(`Missing required header: ${name}`),
  invalidParameter: (_location, name, problem) => {
    const message = `Invalid value at '${name}': ${problem}`;
    return invalid(message, [badRequest(name, message)]);
  },
  invalidJson: (detail) => invalid(`Invalid JSON payload received. ${detail}`),
  bodyTooLarge: (limit) => new GeminiError('request_too_large', `Request payload size exceeds the limit: ${limit} bytes.`),
  notFound: () => new GeminiError('not_found', 'Method not found.'),
  methodNotAllowed: () => new GeminiError('method_not_allowed', 'Method not found.'),
  invalidBody: (diagnostics, body) => invalidBody(diagnostics[0], body),
  internal: () =>
    new GeminiError('internal', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting'),
};

/** Proto scalar type names for the JSON Schema types a diagnostic expected. */
const PROTO_TYPES: Readonly<Record<string, string>> = { integer: 'TYPE_INT32', number: 'TYPE_FLOAT', boolean: 'TYPE_BOOL', string: 'TYPE_STRING' };

/**
 * A request-schema violation as Google's JSON parser reports it: an unknown field is
 * `Invalid JSON payload received. Unknown name "x" at 'generation_config': Cannot find field.`,
 * a bad value `Invalid value at 'generation_config.seed' (TYPE_INT32), 3812238859`; the field is
 * named by its proto path and repeated in a BadRequest detail.
 */
function invalidBody(first: Diagnostic | undefined, body: unknown): GeminiError {
  if (!first) return invalid('Request contains an invalid argument.');
  const segments = first.path.split('/');
  if (first.keyword === 'additionalProperties' || first.keyword === 'unevaluatedProperties') {
    const name = (segments.pop() ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
    const at = protoFieldPath(segments.join('/'), body);
    const message = `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}${at ? ` at '${at}'` : ''}: Cannot find field.`;
    return invalid(message, [badRequest(at, message)]);
  }
  const at = protoFieldPath(first.path, body);
  if (first.keyword === 'required') {
    const message = `* ${at}: required field is not set.\n`;
    return invalid(message, [badRequest(at, message)]);
  }
  const value = JSON.stringify(atPointer(body, first.path)) ?? 'null';
  const message = `Invalid value at '${at}' (${protoType(first)}), ${first.keyword === 'pattern' ? `Base64 decoding failed for ${value}` : value}`;
  return invalid(message, [badRequest(at, message)]);
}

function atPointer(value: unknown, pointer: string): unknown {
  let at = value;
  for (const raw of pointer.split('/').slice(1)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}

function protoType(d: Diagnostic): string {
  if (d.keyword === 'pattern') return 'TYPE_BYTES';
  if (d.keyword === 'enum') return 'TYPE_ENUM';
  const expected = /valid (\w+)/.exec(d.message)?.[1] ?? '';
  return PROTO_TYPES[expected] ?? (d.keyword === 'minimum' || d.keyword === 'maximum' ? 'TYPE_INT32' : 'TYPE_MESSAGE');
}

/**
 * The Google error envelope: `{"error": {"code", "message", "status", "details"?}}`, pretty-printed
 * like every Google JSON body. `code` repeats the HTTP status.
 */
export function renderGeminiError(error: MockProtocolError): RenderedError {
  const base = GOOGLE_ERROR_CODES[error.kind];
  const status = error.status ?? base.status;
  const rpc = error instanceof GeminiError && error.rpc ? error.rpc : base.rpc;
  const details = error instanceof GeminiError ? error.rpcDetails : undefined;
  return {
    status,
    body: { error: { code: status, message: error.message, status: rpc, ...(details ? { details } : {}) } },
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  };
}

