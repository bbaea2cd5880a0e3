import { specRegistry } from '../../specs/index.ts';
import type { Diagnostic } from '../../specs/tooling/diagnostic.ts';
import { CheckFailure, type FailureDetails } from './check.ts';

/** Fails the check with `message` unless `condition` holds. */
export function expect(condition: unknown, message: string, details?: FailureDetails): asserts condition {
  if (!condition) throw new CheckFailure(message, details);
}

/** Fails the check. */
export function fail(message: string, details?: FailureDetails): never {
  throw new CheckFailure(message, details);
}

/** Fails unless `actual` equals `expected` (deep, JSON semantics); the evidence shows both. */
export function expectEqual(actual: unknown, expected: unknown, what: string, details?: FailureDetails): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new CheckFailure(`${what} is ${preview(actual)}, expected ${preview(expected)}`, { ...details, expected: preview(expected), actual: preview(actual) });
  }
}

/**
 * Fails unless `value` validates against the schema `ref` (an `$id`, optionally with a fragment).
 * Each finding names the value received (an enum failure shows the value sent, not only the
 * allowed ones); the evidence holds the expectation and every value found wrong.
 */
export function expectSchema(ref: string, value: unknown, what: string, details?: FailureDetails): void {
  const diagnostics = specRegistry().validate(ref, value);
  if (diagnostics.length === 0) return;
  throw new CheckFailure(`${what} does not match the schema: ${describeDiagnostics(diagnostics, value)}`, {
    ...details,
    expected: diagnostics.slice(0, 3).map((d) => d.message).join('; '),
    actual: diagnostics
      .slice(0, 3)
      .map((d) => `${d.field || '(root)'} = ${d.keyword === 'required' ? '(missing)' : preview(valueAt(value, d.path), 80)}`)
      .join('; '),
  });
}

/** Schema findings on one line, each with the value received (at most `limit`, then a count). */
export function describeDiagnostics(diagnostics: readonly Diagnostic[], value: unknown, limit = 3): string {
  const findings = diagnostics.slice(0, limit).map((d) => withReceived(d, value));
  const more = diagnostics.length > limit ? `; … and ${diagnostics.length - limit} more` : '';
  return `${findings.join('; ')}${more}`;
}

function withReceived(d: Diagnostic, value: unknown): string {
  if (d.keyword === 'required' || d.keyword === 'additionalProperties' || d.keyword === 'unevaluatedProperties' || d.keyword === 'discriminator') return d.message;
  return `${d.message} (received ${preview(valueAt(value, d.path), 80)})`;
}

/** The value at a JSON Pointer (`/content/0/type`), or `undefined`. */
export function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let current: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * A short, single-line rendering of a value for failure messages: strings in double quotes with
 * only control characters escaped (JSON inside a string is shown as is, never double-escaped),
 * other values as compact JSON.
 */
export function preview(value: unknown, max = 160): string {
  let text: string;
  if (typeof value === 'string') text = `"${escapeControls(value)}"`;
  else if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return cut(text, max);
}

/** Raw text (a body, an SSE frame) on one line, unquoted: line breaks shown as `\n`. */
export function excerpt(text: string, max = 160): string {
  return cut(escapeControls(text), max);
}

function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
