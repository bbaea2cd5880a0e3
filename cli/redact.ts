/**
 * Removes secrets from every text that leaves the process (console, JSON report, logs, error
 * messages, trace files). API keys never appear in any output, even when a target echoes them
 * back, in pieces, in another case or base64-encoded.
 *
 * Redaction runs on the *final* text, after it was cut and formatted: a message cut in the middle
 * of an echoed key must not leak the part before the cut. So the redactor does not look for whole
 * secrets; it removes every run of {@link PIECE_LENGTH} or more characters that is a piece of a
 * secret (ASCII case-insensitively), of its JSON- or URL-escaped form, or of its base64 and
 * base64url encodings at each byte alignment. Secrets are untrusted text: they are never
 * compiled into a regular expression.
 *
 * Cost: building is linear in the secrets' length (capped by {@link MAX_SECRET_LENGTH}); redacting
 * is one rolling hash per character of text, with a string compare only on a hash hit, and text
 * with no hit is returned as is.
 */

/** What replaces a secret, or a run of secret pieces. */
export const REDACTED = '[redacted]';

/** The shortest piece of a secret that is removed wherever it appears (the bound: 6). */
export const PIECE_LENGTH = 6;

/** Shorter secrets are ignored (redacting every "abc" would destroy the output and hide nothing). */
export const MIN_SECRET_LENGTH = 4;

/** Longer secrets are refused: no API key or header is this long, and memory stays bounded. */
export const MAX_SECRET_LENGTH = 16 * 1024;

/** `scheme://userinfo@`: credentials in any URL of any text, whatever the secrets are. */
const URL_USERINFO = /([a-z][a-z0-9+.-]{0,30}:\/\/)[^\s/@?#"'<>\\]{1,512}@/gi;

/** A text redactor; `add` registers more secrets (e.g. once a command has parsed its options). */
export interface Redactor {
  (text: string): string;
  /** Registers secrets; `undefined`, empty and too-short values are ignored. */
  add(...secrets: readonly (string | undefined)[]): void;
  /** `JSON.stringify(value, null, space)`, redacted, and still valid JSON. */
  json(value: unknown, space?: number): string;
}

/**
 * A redactor for these secrets (more can be added later with `redactor.add`).
 *
 * @example
 * const redact = createRedactor([apiKey]);
 * stdout(redact(`invalid key ${apiKey.slice(0, 20)}…`)); // "invalid key [redacted]…"
 */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  const pieces = new PieceSet();
  const redact = ((text: string) => pieces.redact(scrubUserinfo(text))) as Redactor;
  redact.add = (...more) => {
    for (const secret of more) if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) pieces.add(secret);
  };
  redact.json = (value, space) => redactJson(redact, value, space);
  redact.add(...secrets);
  return redact;
}

function scrubUserinfo(text: string): string {
  return text.includes('://') && text.includes('@') ? text.replace(URL_USERINFO, `$1${REDACTED}@`) : text;
}

/** The forms in which a secret may reach an output: as is (any ASCII case), escaped, encoded. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    // Encoded after `shift` unknown bytes (as in Basic auth's `user:key`): the first 4 characters
    // depend on those bytes and the last 4 on what follows, so only the middle is the secret's own.
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const own = encoded.slice(shift === 0 ? 0 : 4, -4);
    for (const form of [own, own.replaceAll('+', '-').replaceAll('/', '_')]) if (form.length >= PIECE_LENGTH) forms.add(form);
    if (shift === 0) forms.add(encoded);
  }
  return [...forms];
}

const BASE = 31;
const MASK = (1 << 20) - 1;

/** ASCII-lower-case of one UTF-16 code unit (case variants of keys are ASCII). */
function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** Every {@link PIECE_LENGTH}-character piece of every form of every secret, with a hash filter. */
class PieceSet {
  readonly #pieces = new Set<string>();
  /** Bit per hash bucket: most text positions are rejected without building a string. */
  readonly #filter = new Uint8Array((MASK + 1) >> 3);
  /** Secrets shorter than a piece: matched whole (case-insensitively) instead. */
  readonly #short = new Set<string>();
  readonly #outFactor = BASE ** (PIECE_LENGTH - 1);

  add(secret: string): void {
    if (secret.length > MAX_SECRET_LENGTH) throw new RangeError(`[llm-conformance] Failed to register a secret: longer than ${MAX_SECRET_LENGTH} characters.`);
    for (const form of secretForms(secret)) {
      const text = lowerAscii(form);
      if (text.length < PIECE_LENGTH) {
        if (text.length >= MIN_SECRET_LENGTH) this.#short.add(text);
        continue;
      }
      for (let i = 0; i + PIECE_LENGTH <= text.length; i++) {
        const piece = text.slice(i, i + PIECE_LENGTH);
        if (this.#pieces.has(piece)) continue;
        this.#pieces.add(piece);
        const h = this.#hash(piece, 0);
        this.#filter[h >> 3]! |= 1 << (h & 7);
      }
    }
  }

  #hash(text: string, start: number): number {
    let h = 0;
    for (let i = start; i < start + PIECE_LENGTH; i++) h = (Math.imul(h, BASE) + lower(text.charCodeAt(i))) | 0;
    return h & MASK;
  }

  redact(text: string): string {
    if (this.#pieces.size === 0 && this.#short.size === 0) return text;
    const covered = this.#coveredByPieces(text);
    if (this.#short.size > 0) covered.push(...this.#coveredByShort(text));
    if (covered.length === 0) return text;
    return replaceRanges(text, this.#short.size > 0 ? mergeRanges(covered) : covered);
  }

  /**
   * Ranges [start, end) covered by pieces, merged and in order, via a rolling hash over
   * ASCII-lower-cased code units.
   */
  #coveredByPieces(text: string): [number, number][] {
    const ranges: [number, number][] = [];
    if (this.#pieces.size === 0 || text.length < PIECE_LENGTH) return ranges;
    let h = 0;
    for (let i = 0; i < PIECE_LENGTH; i++) h = (Math.imul(h, BASE) + lower(text.charCodeAt(i))) | 0;
    for (let start = 0; ; start++) {
      const bucket = h & MASK;
      if (this.#filter[bucket >> 3]! & (1 << (bucket & 7)) && this.#pieces.has(lowerAscii(text.slice(start, start + PIECE_LENGTH)))) {
        const last = ranges.at(-1);
        if (last && start <= last[1]) last[1] = start + PIECE_LENGTH;
        else ranges.push([start, start + PIECE_LENGTH]);
      }
      const end = start + PIECE_LENGTH;
      if (end >= text.length) return ranges;
      h = (Math.imul(h - Math.imul(lower(text.charCodeAt(start)), this.#outFactor), BASE) + lower(text.charCodeAt(end))) | 0;
    }
  }

  #coveredByShort(text: string): [number, number][] {
    const ranges: [number, number][] = [];
    const haystack = lowerAscii(text);
    for (const secret of this.#short) {
      for (let at = haystack.indexOf(secret); at !== -1; at = haystack.indexOf(secret, at + 1)) ranges.push([at, at + secret.length]);
    }
    return ranges;
  }
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function replaceRanges(text: string, ranges: readonly [number, number][]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), REDACTED);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * JSON, redacted after formatting. A secret with JSON's own characters in it (`"`, `\`) could make
 * a redacted run swallow a delimiter; then every string (and key) is redacted before formatting,
 * so the output stays valid JSON.
 */
function redactJson(redact: (text: string) => string, value: unknown, space?: number): string {
  const text = JSON.stringify(value, null, space) ?? 'null';
  const redacted = redact(text);
  if (redacted === text || isJson(redacted)) return redacted;
  return JSON.stringify(deepRedact(redact, value), null, space) ?? 'null';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function deepRedact(redact: (text: string) => string, value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => deepRedact(redact, v, depth + 1));
  const source = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
  if (source === null || typeof source !== 'object') return deepRedact(redact, source, depth + 1);
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [redact(k), deepRedact(redact, v, depth + 1)]));
}

/** A URL safe to print: no user-info, and query parameters that look like keys are masked. */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()]) {
      if (/key|token|secret|auth/i.test(name)) url.searchParams.set(name, REDACTED);
    }
    return url.toString().replace(/\/$/, '');
  } catch {
    return raw;
  }
}
