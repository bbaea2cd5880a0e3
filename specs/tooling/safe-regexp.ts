import { RE2JS } from 're2js';

/** What ajv (and the mock's value generator) needs from a regular expression. */
export interface SafeRegExp {
  test(value: string): boolean;
  /**
   * `exact`: the pattern is matched as written; `approximate`: its lookahead assertions were
   * dropped (the linear-time engine has none), so a match may miss them; `unchecked`: the pattern
   * uses backreferences, which no linear-time engine evaluates, and every string is accepted.
   */
  readonly fidelity: 'exact' | 'approximate' | 'unchecked';
  /** `/pattern/flags`: ajv keys its compiled patterns by `toString()`, so it must differ per pattern. */
  toString(): string;
}

const CACHE_LIMIT = 1024;
const cache = new Map<string, SafeRegExp>();

/**
 * A caller's regular expression (a JSON Schema `pattern`, a `patternProperties` key), matched in
 * linear time. Callers' patterns are untrusted input: `^(x+x+)+y$` makes V8's backtracking engine
 * run for minutes on a 40-character string, so they go through RE2's algorithm (re2js, a pure-JS
 * port of RE2) instead. The pattern is first compiled by V8 (compiling is linear; matching is not)
 * so that syntax errors are reported exactly as ECMA-262, the dialect JSON Schema specifies.
 *
 * RE2 has no lookahead and no backreferences. Lookaheads (which Zod emits for `z.email()`) are
 * dropped, making the match approximate; a pattern with backreferences is not evaluated.
 *
 * @throws SyntaxError for a pattern that is not a valid ECMA-262 regular expression.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-6.4
 * @see https://github.com/google/re2/wiki/Syntax
 */
export function safeRegExp(pattern: string, flags = 'u'): SafeRegExp {
  const key = `${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  new RegExp(pattern, flags); // syntax check only: V8 compiles lazily and in linear time
  const compiled = { ...compile(pattern, flags), toString: () => `/${pattern}/${flags}` };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

/** The `code.regExp` engine of an ajv instance that compiles callers' schemas. */
export const ajvRegExpEngine = Object.assign((pattern: string, flags: string) => safeRegExp(pattern, flags), { code: 'safeRegExp' });

function compile(pattern: string, flags: string): Omit<SafeRegExp, 'toString'> {
  const re2Flags = (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0);
  const attempt = (source: string) => RE2JS.compile(RE2JS.translateRegExp(source), re2Flags | RE2JS.LOOKBEHINDS);
  try {
    const re = attempt(pattern);
    return { test: (value) => re.test(value), fidelity: 'exact' };
  } catch {
    // fall through: lookaheads or backreferences
  }
  const withoutLookaheads = stripLookaheads(pattern);
  if (withoutLookaheads !== pattern) {
    try {
      const re = attempt(withoutLookaheads);
      return { test: (value) => re.test(value), fidelity: 'approximate' };
    } catch {
      // fall through
    }
  }
  return { test: () => true, fidelity: 'unchecked' };
}

/** `pattern` without its `(?=…)` and `(?!…)` groups (escapes and character classes respected). */
export function stripLookaheads(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i)) {
      i = skipGroup(pattern, i);
      continue;
    }
    const next = tokenEnd(pattern, i);
    out += pattern.slice(i, next);
    i = next;
  }
  return out;
}

/** Index just past the group that opens at `start`. */
function skipGroup(pattern: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    i = c === '(' || c === ')' ? i + 1 : tokenEnd(pattern, i);
  }
  return pattern.length;
}

/** Index just past one token: an escape, a character class, or one character. */
function tokenEnd(pattern: string, i: number): number {
  if (pattern[i] === '\\') return i + 2;
  if (pattern[i] !== '[') return i + 1;
  let j = i + 1;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j + 1;
}
