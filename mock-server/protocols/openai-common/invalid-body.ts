import type { Diagnostic, DiagnosticDetail } from '../../../specs/tooling/diagnostic.ts';
import { OpenAIError, openaiParam } from './openai-error.ts';

/**
 * How an API words an unknown top-level parameter and a missing model:
 * - `chat`, as Chat Completions answers: "Unrecognized request argument supplied: foo" with
 *   neither `param` nor `code`, and "you must provide a model parameter";
 * - `responses`, as the Responses API answers: "Unknown parameter: 'foo'." with `param` and
 *   `code: "unknown_parameter"`;
 * - `common` (the shared templates' default): the Chat wording with `param` and `code` set.
 */
export type UnknownParameterStyle = 'chat' | 'responses' | 'common';

/**
 * A request-schema violation as the OpenAI API words it: the first (most specific) diagnostic,
 * with the parameter in OpenAI's spelling (`messages[0].content`) and the `code` clients branch on
 * (`missing_required_parameter`, `invalid_type`, `empty_array`, `integer_above_max_value`, …).
 * Messages follow the live API's ("Invalid type for 'max_tokens': expected an integer, but got a
 * decimal number instead.").
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */
export function openaiInvalidBody(diagnostics: readonly Diagnostic[], style: UnknownParameterStyle = 'common'): OpenAIError {
  const first = diagnostics[0];
  if (!first) return new OpenAIError('invalid_request', 'Invalid request.');
  const param = openaiParam(first.field);
  const d = first.detail ?? {};
  const fail = (message: string, code: string | null) => new OpenAIError('invalid_request', message, { param, code });
  switch (first.keyword) {
    case 'required':
    case 'discriminator':
      if (!first.message.endsWith('Field required')) return invalidValue(param, d);
      // Chat Completions' own words for a missing model, with neither param nor code.
      if (param === 'model' && style === 'chat') return new OpenAIError('invalid_request', 'you must provide a model parameter', { code: null });
      return fail(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
    case 'additionalProperties':
    case 'unevaluatedProperties':
      if (style === 'responses') return fail(`Unknown parameter: '${param}'.`, 'unknown_parameter');
      if (style === 'chat') return new OpenAIError('invalid_request', `Unrecognized request argument supplied: ${param}`, { code: null });
      return fail(`Unrecognized request argument supplied: ${param}`, 'unknown_parameter');
    case 'type':
      return fail(`Invalid type for '${param}': expected ${expectedTypes(d, first.message)}${got(d)}.`, 'invalid_type');
    case 'enum':
    case 'const':
      return invalidValue(param, d);
    case 'minItems':
      if (d.size === 0) return fail(`Invalid '${param}': empty array. Expected an array with minimum length ${String(d.limit)}, but got an empty array instead.`, 'empty_array');
      return fail(`Invalid '${param}': array too short. Expected an array with minimum length ${String(d.limit)}, but got an array with length ${String(d.size)} instead.`, 'array_below_min_length');
    case 'maxItems':
      return fail(`Invalid '${param}': array too long. Expected an array with maximum length ${String(d.limit)}, but got an array with length ${String(d.size)} instead.`, 'array_above_max_length');
    case 'minLength':
      return fail(`Invalid '${param}': string too short. Expected a string with minimum length ${String(d.limit)}, but got a string with length ${String(d.size)} instead.`, 'string_below_min_length');
    case 'maxLength':
      return fail(`Invalid '${param}': string too long. Expected a string with maximum length ${String(d.limit)}, but got a string with length ${String(d.size)} instead.`, 'string_above_max_length');
    case 'minimum':
    case 'maximum':
      return outOfRange(param, first.keyword, d);
    case 'pattern':
      return fail(`Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '${String(d.limit)}'.`, 'invalid_value');
    default:
      return fail(`Invalid value for '${param}': ${problemOf(first)}.`, 'invalid_value');
  }
}

/** "Invalid value: 'bot'. Supported values are: 'system', 'user', and 'tool'." */
function invalidValue(param: string, d: DiagnosticDetail): OpenAIError {
  const supported = (d.expected ?? []).map((v) => `'${String(v)}'`);
  // The API's own English: "'a' and 'b'", "'a', 'b', and 'c'".
  const list =
    supported.length > 2 ? `${supported.slice(0, -1).join(', ')}, and ${supported.at(-1)}` : supported.length === 2 ? `${supported[0]} and ${supported[1]}` : (supported[0] ?? '');
  const value = d.received === undefined ? 'the value' : `'${String(d.received)}'`;
  return new OpenAIError('invalid_request', `Invalid value: ${value}. Supported values are: ${list}.`, { param, code: 'invalid_value' });
}

/** "Invalid 'n': integer above maximum value. Expected a value <= 128, but got 200 instead." */
function outOfRange(param: string, keyword: 'minimum' | 'maximum', d: DiagnosticDetail): OpenAIError {
  const kind = d.receivedType === 'integer' ? 'integer' : 'decimal';
  const [side, op, code] = keyword === 'maximum' ? ['above maximum', '<=', 'above_max_value'] : ['below minimum', '>=', 'below_min_value'];
  return new OpenAIError('invalid_request', `Invalid '${param}': ${kind} ${side} value. Expected a value ${op} ${String(d.limit)}, but got ${String(d.received)} instead.`, {
    param,
    code: `${kind}_${code}`,
  });
}

const ARTICLE_TYPES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** The accepted JSON types without `null` (a nullable field is not described as "or null"). */
function expectedTypes(d: DiagnosticDetail, message: string): string {
  const types = (d.expected ?? []).map(String).filter((t) => t !== 'null');
  if (types.length === 0) {
    // No detail (a diagnostic built by hand): read the type from "Input should be a valid integer".
    const type = message.replace(/^.*Input should be a valid /, '').split(' ')[0] ?? '';
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
  }
  const named = types.map((t) => ARTICLE_TYPES[t] ?? t);
  return named.length === 1 ? (named[0] ?? '') : `one of ${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

/** ", but got a decimal number instead" (empty when the received type is unknown). */
function got(d: DiagnosticDetail): string {
  if (d.receivedType === undefined) return '';
  const name = d.receivedType === 'number' ? 'a decimal number' : (ARTICLE_TYPES[d.receivedType] ?? d.receivedType);
  return `, but got ${name} instead`;
}

/** The diagnostic's message without its "<field>: " prefix. */
function problemOf(d: Diagnostic): string {
  return d.field && d.message.startsWith(`${d.field}: `) ? d.message.slice(d.field.length + 2) : d.message;
}
