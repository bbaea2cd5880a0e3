import { visibleText } from './text.ts';

/**
 * HTML built by a tagged template that escapes every interpolated value unless it is itself
 * built by `html` (so forgetting to escape target text is not possible): a value is escaped for
 * text and for quoted attributes alike (`& < > " '`), with hidden characters made visible.
 */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

/**
 * @example html`<p title="${title}">${text}</p>` // both escaped
 */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Text for an HTML text node or a quoted attribute value; tab and line ends are kept (`<pre>`). */
export function escapeHtml(text: string): string {
  return visibleText(text, { multiline: true })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A link target: an http(s) URL as is, anything else (`javascript:`, `data:`) as `#`. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

/** A fragment id from a check id or an area key (ids are `[a-z0-9-/]`; anything else is replaced). */
export function anchor(...parts: readonly string[]): string {
  return parts.join('--').replace(/[^a-zA-Z0-9-]/g, '_');
}
