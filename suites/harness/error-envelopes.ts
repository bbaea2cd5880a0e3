import { fail, preview } from './assert.ts';
import type { HintRule } from './hints.ts';
import { type RawExchange, jsonObject } from './http.ts';

/**
 * The vendors' error envelopes, told apart by shape, so that a check can say "this is OpenAI's
 * envelope on a Gemini route" instead of "error.status: required":
 * - `anthropic`: `{type: "error", error: {type, message}}`;
 * - `google`: `{error: {code: <HTTP status>, message, status: "INVALID_ARGUMENT"}}` (also without
 *   its status);
 * - `openai`: `{error: {message, type, param, code}}` (code a string or null), also with only
 *   some of `type`, `param` and `code`, as OpenAI-compatible servers often send it.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 * @see https://docs.claude.com/en/api/errors
 * @see https://cloud.google.com/apis/design/errors#http_mapping
 */
export type ErrorEnvelopeKind = 'openai' | 'anthropic' | 'google';

/** Which vendor's error envelope a body is, if any. */
export function errorEnvelopeKind(body: unknown): ErrorEnvelopeKind | undefined {
  const json = jsonObject(body);
  const error = jsonObject(json?.error);
  if (!json || !error) return undefined;
  if (json.type === 'error' && typeof error.type === 'string') return 'anthropic';
  // Google's code is the HTTP status, a number (OpenAI's is a string or null); a broken Google
  // envelope may lack its status, but then it has no type or param either.
  if (typeof error.code === 'number' && (typeof error.status === 'string' || (typeof error.message === 'string' && !('type' in error) && !('param' in error)))) return 'google';
  if (typeof error.message === 'string' && ('param' in error || 'code' in error || typeof error.type === 'string')) return 'openai';
  return undefined;
}

/** The envelopes in the reader's words, for failure messages and hints. */
export const ERROR_ENVELOPE_SHAPES: Readonly<Record<ErrorEnvelopeKind, string>> = {
  openai: "OpenAI's error envelope {error:{message,type,param,code}}",
  anthropic: 'Anthropic\'s error envelope {type:"error", error:{type,message}}',
  google: 'Google\'s error envelope {error:{code,message,status}}',
};

/** Another vendor's envelope than `own`, if the body is one (the usual mix-up of gateways). */
export function foreignEnvelope(body: unknown, own: ErrorEnvelopeKind): ErrorEnvelopeKind | undefined {
  const kind = errorEnvelopeKind(body);
  return kind === own ? undefined : kind;
}

/**
 * Fails when an error body is another vendor's envelope than `own`, naming both (rather than
 * reporting the fields the schema misses); `expected` is the envelope the protocol wants.
 */
export function expectNoForeignEnvelope(exchange: RawExchange, own: ErrorEnvelopeKind, what: string, expected: string): void {
  const kind = foreignEnvelope(exchange.json, own);
  if (kind) fail(`${what}: the error body is ${ERROR_ENVELOPE_SHAPES[kind]}, not ${ERROR_ENVELOPE_SHAPES[own]}`, { expected, actual: preview(exchange.json, 300), exchange: exchange.record });
}

/** The hint for another vendor's envelope on a route of `own`'s protocol: "this is … on `route`; `expectation`". */
export function foreignEnvelopeHint(own: ErrorEnvelopeKind, route: string, expectation: string): HintRule {
  return ({ json }) => {
    const kind = foreignEnvelope(json, own);
    return kind ? `this is ${ERROR_ENVELOPE_SHAPES[kind]} on ${route}; ${expectation}` : undefined;
  };
}
