import { jsonReply, type SeenReply } from '../harness/rewrite-hooks.ts';

/**
 * An OpenAI error reply as a broken target sends it, for both OpenAI suites' mutants:
 * `{error: {message, type, param, code}}` (`fields` overrides type, param and code) with an
 * `x-request-id`.
 */
export function openaiErrorReply(status: number, message: string, fields: Record<string, unknown> = {}): SeenReply {
  return jsonReply(status, { error: { message, type: 'invalid_request_error', param: null, code: null, ...fields } }, { 'x-request-id': 'req_mutant' });
}
