import type { CanonicalMessage } from './canonical.ts';

const FALLBACK_TEXT = 'Hello from the llm-conformance mock.';

/** How many wrapper tags one text is scanned for: the scan stays linear on hostile text. */
const MAX_WRAPPER_SCANS = 64;

// `<system-reminder>`, `<command-name>`, `<local-command-stdout>`, `<ide_selection>`…: a tag name
// with a hyphen or an underscore is never an HTML element, so a person did not type it.
const WRAPPER_TAG = /<([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)(?:\s[^<>]*)?>/gi;

/**
 * The echo: what a person would recognise as their prompt, i.e. the text of the last user turn
 * without the wrappers that agent harnesses add around it, or an acknowledgement of its tool
 * results.
 *
 * Rule: in the last user turn with text, every `<name>…</name>` block whose tag name contains a
 * hyphen or an underscore (Claude Code's `<system-reminder>`, `<command-name>`,
 * `<local-command-stdout>`, IDE `<ide_selection>`…) is dropped, text parts that held only such
 * blocks disappear, and the rest is joined with newlines and trimmed. When nothing is left (the
 * turn was all wrappers), the text is echoed as sent. HTML the person typed (`<b>`, `<div>`) is
 * kept: its tag names have neither character.
 */
export function composeText(messages: readonly CanonicalMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== 'user') continue;
    const texts = message.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
    const raw = texts.join('\n').trim();
    if (raw.length > 0) {
      const person = texts
        .map(stripWrappers)
        .filter((t) => t.trim().length > 0)
        .join('\n')
        .trim();
      return person.length > 0 ? person : raw;
    }
    const result = message.parts.find((p) => p.kind === 'tool-result');
    if (result) {
      const quoted = result.parts
        .filter((p) => p.kind === 'text')
        .map((p) => p.text)
        .join(' ')
        .slice(0, 200);
      return quoted ? `Tool result received: ${quoted}` : 'Tool result received.';
    }
  }
  return FALLBACK_TEXT;
}

/** `text` without its harness wrapper blocks (an unclosed tag is kept as text). */
export function stripWrappers(text: string): string {
  if (!text.includes('<')) return text;
  let out = '';
  let from = 0;
  let scans = 0;
  WRAPPER_TAG.lastIndex = 0;
  for (let m = WRAPPER_TAG.exec(text); m && scans < MAX_WRAPPER_SCANS; m = WRAPPER_TAG.exec(text), scans++) {
    const close = text.indexOf(`</${m[1]}>`, m.index + m[0].length);
    if (close === -1) continue;
    out += text.slice(from, m.index);
    from = close + m[1]!.length + 3;
    WRAPPER_TAG.lastIndex = from;
  }
  return out + text.slice(from);
}
