import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from './diagnostic.ts';
import { nestingDepth } from './nesting-depth.ts';
import { ajvRegExpEngine } from './safe-regexp.ts';
import { rankErrors } from './schema-registry.ts';

// ajv-formats is CommonJS: its default import under NodeNext is `module.exports` (see schema-registry.ts).
const addFormats = addFormatsModule.default;

/** A caller-supplied JSON Schema (a tool's `input_schema`), compiled, or the reason it is not one. */
export type CompiledToolSchema =
  | { readonly ok: true; readonly validate: (value: unknown) => Diagnostic[] }
  | { readonly ok: false; readonly error: string };

type Draft = '2020-12' | '2019-09' | 'draft-07';

// Tool schemas repeat across requests (Claude Code sends the same 24 tools every turn), and ajv
// compilation costs far more than validation, so compiled validators are cached by content.
const CACHE_LIMIT = 512;
/**
 * Deepest caller schema accepted. Real schemas nest a few levels; thousands of levels overflow
 * the stack of any recursive walker (ajv's compiler, `JSON.stringify`).
 */
export const MAX_TOOL_SCHEMA_DEPTH = 128;
const cache = new Map<string, CompiledToolSchema>();
const instances = new Map<Draft, Ajv>();

function instance(draft: Draft): Ajv {
  let ajv = instances.get(draft);
  if (!ajv) {
    // Callers' schemas are not ours: lenient about unknown keywords, strict about validity, and
    // their `pattern`s run on a linear-time engine (a backtracking one can be made to hang).
    const options = { allErrors: true, verbose: true, strict: false, validateFormats: true, addUsedSchema: false, code: { regExp: ajvRegExpEngine } } as const;
    ajv = draft === '2020-12' ? new Ajv2020(options) : draft === '2019-09' ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv);
    instances.set(draft, ajv);
  }
  return ajv;
}

function draftOf(schema: Record<string, unknown>): Draft | undefined {
  const declared = schema.$schema;
  if (typeof declared !== 'string') return undefined;
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('2019-09')) return '2019-09';
  return 'draft-07'; // draft-07, -06 and -04 schemas validate alike for our purposes
}

/**
 * Compiles a tool's input schema with the JSON Schema draft it declares in `$schema`
 * (2020-12 when it declares none, as the Anthropic docs specify, falling back to draft-07 for
 * schemas only valid there, which many client libraries still emit without saying so).
 *
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use
 */
export function compileToolSchema(schema: unknown): CompiledToolSchema {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return { ok: false, error: 'schema must be an object' };
  }
  if (nestingDepth(schema, MAX_TOOL_SCHEMA_DEPTH) > MAX_TOOL_SCHEMA_DEPTH) {
    return { ok: false, error: `schema nests deeper than ${MAX_TOOL_SCHEMA_DEPTH} levels` };
  }
  const key = JSON.stringify(schema);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = compileUncached(schema as Record<string, unknown>);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

function compileUncached(schema: Record<string, unknown>): CompiledToolSchema {
  const declared = draftOf(schema);
  const { $schema: _ignored, ...body } = schema;
  const attempts: Draft[] = declared ? [declared] : ['2020-12', 'draft-07'];
  let lastError = '';
  for (const draft of attempts) {
    let fn: ValidateFunction;
    try {
      fn = instance(draft).compile(body);
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      continue;
    }
    return {
      ok: true,
      validate: (value) => (fn(value) ? [] : rankErrors((fn.errors ?? []) as ErrorObject[])),
    };
  }
  return { ok: false, error: lastError };
}

