import { jsonObject } from './http.ts';

/**
 * The vendors' error envelopes, told apart by shape, so that a check can say "this is OpenAI's
 * envelope on a Gemini route" instead of "error.status: required":
 * - `openai`: `{error: {message, type, param, code}}` (code a string or null);
 * - `anthropic`: `{type: "error", error: {type, message}}`;
 * - `google`: `{error: {code: <HTTP status>, message, status: "INVALID_ARGUMENT"}}`.
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
  if (typeof error.code === 'number' && typeof error.status === 'string') return 'google';
  if (typeof error.message === 'string' && ('param' in error || typeof error.type === 'string')) return 'openai';
  return undefined;
}

/** The envelopes in the reader's words, for failure messages and hints. */
export const ERROR_ENVELOPE_SHAPES: Readonly<Record<ErrorEnvelopeKind, string>> = {
  openai: "OpenAI's error envelope {error:{message,type,param,code}}",
  anthropic: 'Anthropic\'s error envelope {type:"error", error:{type,message}}',
  google: 'Google\'s error envelope {error:{code,message,status}}',
};
