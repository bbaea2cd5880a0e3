import { specRegistry } from '../../specs/index.ts';
import { formatDiagnostics } from '../../specs/tooling/diagnostic.ts';
import { CheckFailure } from './check.ts';

/** Fails the check with `message` unless `condition` holds. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

/** Fails the check. */
export function fail(message: string): never {
  throw new CheckFailure(message);
}

/** Fails unless `actual` equals `expected` (deep, JSON semantics). */
export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new CheckFailure(`${what}: expected ${preview(expected)}, got ${preview(actual)}`);
  }
}

/** Fails unless `value` validates against the schema `ref` (an `$id`, optionally with a fragment). */
export function expectSchema(ref: string, value: unknown, what: string): void {
  const diagnostics = specRegistry().validate(ref, value);
  if (diagnostics.length > 0) throw new CheckFailure(`${what} does not match the schema: ${formatDiagnostics(diagnostics, 3)}`);
}

/** A short, single-line rendering of a value for failure messages. */
export function preview(value: unknown, max = 160): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
