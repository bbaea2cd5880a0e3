import { safeRegExp } from '../../specs/tooling/safe-regexp.ts';

/**
 * A deterministic string that matches a caller's `pattern` (ECMA-262 syntax), for the value
 * generator: `^[A-Z]{3}-[0-9]{4}$` gives `AAA-0000`. The pattern is parsed into a small tree and
 * the shortest match is written out (first alternative, minimum repetitions, the first character
 * of each class); `minLength` is reached by repeating the first unbounded part once more per
 * missing character. The result is checked with the linear-time engine; `undefined` when the
 * pattern uses what this does not model (lookarounds that exclude the shortest match, back-
 * references) or cannot meet the lengths within `maxChars`.
 */
export function patternExample(pattern: string, minLength: number, maxLength: number, maxChars: number): string | undefined {
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return undefined; // unsupported syntax, or nesting too deep for the parser's stack
  }
  const cap = Math.min(maxLength, maxChars);
  try {
    const shortest = write(tree, { extra: 0, cap });
    const padded = shortest.length >= minLength ? shortest : write(tree, { extra: minLength - shortest.length, cap });
    if (padded.length < minLength || padded.length > maxLength) return undefined;
    return safeRegExp(pattern).test(padded) ? padded : undefined;
  } catch {
    return undefined; // over the length cap
  }
}

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly options: readonly Node[] }
  | { readonly kind: 'repeat'; readonly item: Node; readonly min: number; readonly max: number };

const EMPTY: Node = { kind: 'text', text: '' };

/** `extra` characters still to add by repeating unbounded parts; `cap` the longest result allowed. */
interface WriteState {
  extra: number;
  readonly cap: number;
}

class TooLong extends Error {}

function write(node: Node, state: WriteState, out = { text: '' }): string {
  switch (node.kind) {
    case 'text':
      out.text += node.text;
      break;
    case 'seq':
      for (const item of node.items) write(item, state, out);
      break;
    case 'alt':
      write(node.options[0] ?? EMPTY, state, out);
      break;
    case 'repeat': {
      const unit = write(node.item, { extra: 0, cap: state.cap });
      if (unit.length === 0) break;
      let count = node.min;
      if (state.extra > 0 && node.max > node.min) {
        const more = Math.min(node.max - node.min, Math.ceil(state.extra / unit.length));
        count += more;
        state.extra -= more * unit.length;
      }
      if (out.text.length + count * unit.length > state.cap) throw new TooLong();
      out.text += unit.repeat(count);
      break;
    }
  }
  if (out.text.length > state.cap) throw new TooLong();
  return out.text;
}

// What one character of each escape class is written as.
const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: '0', D: 'a', w: 'a', W: '-', s: ' ', S: 'a' };
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
// Tried in order for a negated class `[^…]`.
const NEGATED_CANDIDATES = ['a', 'x', 'A', '0', '_', '-', ' ', '.', 'é'];

/** A recursive-descent parser of the ECMA-262 pattern subset JSON Schema patterns use. */
class Parser {
  #i = 0;
  readonly #p: string;

  constructor(pattern: string) {
    this.#p = pattern;
  }

  parse(): Node {
    const node = this.#alternation();
    if (this.#i < this.#p.length) throw new SyntaxError(`unexpected ${this.#p[this.#i]}`);
    return node;
  }

  #alternation(): Node {
    const options = [this.#sequence()];
    while (this.#p[this.#i] === '|') {
      this.#i++;
      options.push(this.#sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  #sequence(): Node {
    const items: Node[] = [];
    while (this.#i < this.#p.length && this.#p[this.#i] !== '|' && this.#p[this.#i] !== ')') items.push(this.#quantified(this.#atom()));
    return { kind: 'seq', items };
  }

  #quantified(item: Node): Node {
    const c = this.#p[this.#i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.#i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(this.#p.slice(this.#i, this.#i + 24))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.#p.slice(this.#i))!;
      this.#i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else {
      return item;
    }
    if (this.#p[this.#i] === '?') this.#i++; // lazy: the same strings match
    return { kind: 'repeat', item, min, max };
  }

  #atom(): Node {
    const c = this.#p[this.#i++]!;
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return { kind: 'text', text: 'a' };
      case '[':
        return { kind: 'text', text: this.#characterClass() };
      case '(':
        return this.#group();
      case '\\':
        return { kind: 'text', text: this.#escape(false) };
      default:
        return { kind: 'text', text: c };
    }
  }

  #group(): Node {
    let lookaround = false;
    if (this.#p.startsWith('?:', this.#i)) this.#i += 2;
    else if (/^\?<?[=!]/.test(this.#p.slice(this.#i, this.#i + 3))) {
      lookaround = true;
      this.#i += this.#p[this.#i + 1] === '<' ? 3 : 2;
    } else if (this.#p.startsWith('?<', this.#i)) this.#i = this.#p.indexOf('>', this.#i) + 1;
    const inner = this.#alternation();
    if (this.#p[this.#i++] !== ')') throw new SyntaxError('unclosed group');
    // A lookaround matches no characters; whether the shortest match satisfies it is checked at the end.
    return lookaround ? EMPTY : inner;
  }

  /** One character the class `[…]` accepts. */
  #characterClass(): string {
    const negated = this.#p[this.#i] === '^';
    if (negated) this.#i++;
    const members: string[] = [];
    const ranges: [number, number][] = [];
    let first: string | undefined;
    while (this.#i < this.#p.length && this.#p[this.#i] !== ']') {
      const start = this.#p[this.#i] === '\\' ? (this.#i++, this.#escape(true)) : this.#p[this.#i++]!;
      first ??= start;
      if (this.#p[this.#i] === '-' && this.#p[this.#i + 1] !== ']' && this.#i + 1 < this.#p.length) {
        this.#i++;
        const last = this.#p[this.#i] === '\\' ? (this.#i++, this.#escape(true)) : this.#p[this.#i++]!;
        ranges.push([start.codePointAt(0) ?? 0, last.codePointAt(0) ?? 0]);
      } else {
        members.push(start);
      }
    }
    if (this.#p[this.#i++] !== ']') throw new SyntaxError('unclosed class');
    if (!negated) return first ?? '';
    const excluded = (ch: string) => members.includes(ch) || ranges.some(([a, b]) => (ch.codePointAt(0) ?? 0) >= a && (ch.codePointAt(0) ?? 0) <= b);
    return NEGATED_CANDIDATES.find((ch) => !excluded(ch)) ?? '';
  }

  /** The character an escape stands for (the cursor is just past the backslash). */
  #escape(inClass: boolean): string {
    const c = this.#p[this.#i++] ?? '';
    if (c in CLASS_ESCAPES) return CLASS_ESCAPES[c]!;
    if (c in CONTROL_ESCAPES) return CONTROL_ESCAPES[c]!;
    if (c === 'b') return inClass ? '\b' : '';
    if (c === 'B') return '';
    if (c === 'x') return this.#hex(2);
    if (c === 'u') return this.#p[this.#i] === '{' ? this.#codePoint() : this.#hex(4);
    if (c === 'c') return String.fromCharCode((this.#p.charCodeAt(this.#i++) || 64) % 32);
    if (c === 'p' || c === 'P') {
      const end = this.#p.indexOf('}', this.#i);
      const property = this.#p.slice(this.#i + 1, end);
      this.#i = end + 1;
      if (c === 'P') return /^(?:L|Letter)/.test(property) ? '0' : 'a';
      return /^(?:Lu|Uppercase)/.test(property) ? 'A' : /^(?:N|Nd|Number|Digit)/.test(property) ? '0' : 'a';
    }
    if (/[1-9k]/.test(c)) throw new SyntaxError('backreferences are not modelled');
    return c; // an escaped literal: \. \- \/ …
  }

  #hex(digits: number): string {
    const code = Number.parseInt(this.#p.slice(this.#i, this.#i + digits), 16);
    this.#i += digits;
    if (Number.isNaN(code)) throw new SyntaxError('bad hex escape');
    return String.fromCharCode(code);
  }

  #codePoint(): string {
    const end = this.#p.indexOf('}', this.#i);
    const code = Number.parseInt(this.#p.slice(this.#i + 1, end), 16);
    this.#i = end + 1;
    if (Number.isNaN(code) || code > 0x10ffff) throw new SyntaxError('bad code point');
    return String.fromCodePoint(code);
  }
}
