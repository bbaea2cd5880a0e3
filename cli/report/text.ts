/**
 * Text from the target is untrusted: every report writer passes it through here before it applies
 * its own escaping (HTML, XML, Markdown) or prints it (console). What a reader cannot see, or what
 * would act on the reader's terminal or parser, is made visible as a `\u{…}` escape instead.
 */

/**
 * Characters shown as escapes: C0 controls but tab, LF and CR (handled per mode), DEL, C1
 * controls (U+009B is a terminal's CSI), bidirectional overrides and isolates ("Trojan Source":
 * they reorder what a reader sees), U+FFFE/U+FFFF (not XML characters), and lone surrogates
 * (not encodable as UTF-8).
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escapeOf = (ch: string) => `\\u{${ch.charCodeAt(0).toString(16).padStart(4, '0')}}`;

/**
 * `text` with every hidden or active character as a visible escape (`ESC` → `\u{001b}`).
 * `multiline` keeps tab, LF and CR (a `<pre>` or a code block shows them as they were); without
 * it they become `\t`, `\n`, `\r`, so the text stays on one line.
 *
 * @example visibleText('\u001b[31mred\r\n') // '\\u{001b}[31mred\\r\\n'
 */
export function visibleText(text: string, options: { multiline?: boolean } = {}): string {
  const shown = text.replace(HIDDEN, escapeOf);
  if (options.multiline) return shown;
  return shown.replace(/[\t\n\r]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}

/** At most `max` characters of `text` (cut at a code point), with `…` when it was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  // Never split a surrogate pair: half of one is a lone surrogate.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** One line of untrusted text, visible and cut: for a console line, a table cell, an attribute. */
export function oneLine(text: string, max: number): string {
  return cut(visibleText(text), max);
}

/** `n` and the noun, plural when `n` is not 1 (`1 check`, `3 checks`). */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
