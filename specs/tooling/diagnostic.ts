/**
 * A finding about a value (a request, a response, a stream): the result of validation is a list
 * of these, never a thrown exception, so that every violation can be reported at once.
 *
 * `path` is a JSON Pointer into the value (`/messages/0/content`); `field` is the same location in
 * the dotted form the vendors use in their error messages (`messages.0.content`).
 */
export interface Diagnostic {
  /** JSON Pointer to the offending location ('' for the root). */
  readonly path: string;
  /** Dotted field path as vendors print it (`messages.0.content.1.type`), '' for the root. */
  readonly field: string;
  /** Human-readable, vendor-style message, already prefixed with the field when there is one. */
  readonly message: string;
  /** What kind of rule failed: a JSON Schema keyword (`required`, `type`…) or a grammar rule id. */
  readonly keyword: string;
  readonly severity: 'error' | 'warning';
  /**
   * What was received and what was expected, for vendors whose messages quote them (OpenAI:
   * "expected an integer, but got a string instead"). Set by schema validation when it knows.
   */
  readonly detail?: DiagnosticDetail;
}

/** The facts behind a schema diagnostic. */
export interface DiagnosticDetail {
  /** JSON type of the offending value: `string`, `integer`, `number`, `boolean`, `object`, `array`, `null`. */
  readonly receivedType?: string;
  /** The offending value when it is a primitive (long strings are cut). */
  readonly received?: string | number | boolean | null;
  /** Accepted values (enum, const, discriminator tags) or, for `type`, accepted JSON types. */
  readonly expected?: readonly unknown[];
  /** The bound that failed (`minimum`, `maxItems`, `maxLength`, `pattern`…). */
  readonly limit?: number | string;
  /** Length of the offending string or array, for length and item-count bounds. */
  readonly size?: number;
}

/** Turns a JSON Pointer (`/a/0/b~1c`) into the dotted form vendors print (`a.0.b/c`). */
export function pointerToField(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Appends one segment to a JSON Pointer, escaping it as RFC 6901 requires. */
export function joinPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Builds an error diagnostic whose message is prefixed with the dotted field, as vendors do. */
export function diagnostic(path: string, keyword: string, text: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  const field = pointerToField(path);
  return { path, field, keyword, severity, message: field ? `${field}: ${text}` : text };
}

/** One line per diagnostic, for logs and check failure messages. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], limit = 5): string {
  const shown = diagnostics.slice(0, limit).map((d) => d.message);
  const rest = diagnostics.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; … and ${rest} more` : shown.join('; ');
}
