import { stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { MAX_SECRET_LENGTH } from './redact.ts';
import { UsageError } from './exit-codes.ts';

/**
 * Parsers for option values that are not plain strings: each checks its range and throws a
 * {@link UsageError} with a message that names the option and the accepted values, never echoing
 * a value that may be secret.
 */

/** An integer option within [min, max]; digits only (no `1e3`, `0x10`, `''`, `-0`). */
export function intOption(raw: string | undefined, name: string, range: { min: number; max: number; fallback: number; unit?: string }): number {
  return raw === undefined ? range.fallback : intValue(raw, `--${name}`, range);
}

/** An integer within [min, max] from text, `label` naming where it came from (`--timeout`, `$LLM_CONFORMANCE_TIMEOUT`). */
export function intValue(raw: string, label: string, range: { min: number; max: number; unit?: string }): number {
  const n = /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    const unit = range.unit ? ` ${range.unit}` : '';
    throw new UsageError(`${label} must be an integer from ${range.min} to ${range.max}${unit}, got ${JSON.stringify(raw.slice(0, 40))}`);
  }
  return n;
}

/** RFC 9110 `token`: the characters a header name may have. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Headers the HTTP client manages itself: setting them by hand breaks the framing. */
const MANAGED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect']);

/**
 * Words of a header name that make its value a credential. Whole words of the name (split at
 * `-`, `_`, `.`), not substrings: `x-portkey-provider` routes, `x-portkey-api-key` authenticates.
 */
const SECRET_WORDS = new Set([
  'auth', 'authorization', 'authentication', 'key', 'apikey', 'accesskey', 'secretkey', 'privatekey', 'token', 'authtoken',
  'accesstoken', 'jwt', 'secret', 'clientsecret', 'cookie', 'password', 'passwd', 'credential', 'credentials', 'session',
  'signature', 'bearer',
]);

/** Whether a header's value must be treated as a secret, by its name (see {@link SECRET_WORDS}). */
export function isSecretHeader(name: string): boolean {
  return name.toLowerCase().split(/[-_.]+/).some((word) => SECRET_WORDS.has(word));
}

/**
 * `--header 'Name: value'` (repeatable) as a record of lower-cased names. A malformed header, a
 * header the HTTP client manages (`host`, `content-length`, …) or a name given twice is a usage
 * error; messages name the header, never its value.
 */
export function headerOptions(raw: readonly string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const entry of raw ?? []) {
    const colon = entry.indexOf(':');
    const name = (colon === -1 ? entry : entry.slice(0, colon)).trim();
    const value = colon === -1 ? '' : entry.slice(colon + 1).trim();
    if (colon === -1) throw new UsageError("--header must be 'Name: value': one has no colon");
    if (!TOKEN.test(name)) throw new UsageError(`--header must be 'Name: value': ${name ? 'one has a name with characters a header name cannot have' : 'one has an empty name'}`);
    const shown = JSON.stringify(name);
    const lower = name.toLowerCase();
    // CR, LF and NUL would split or end the header; other controls are refused by fetch anyway.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) throw new UsageError(`--header ${shown}: the value has control characters`);
    if (value.length > MAX_SECRET_LENGTH) throw new UsageError(`--header ${shown}: the value is longer than ${MAX_SECRET_LENGTH} characters`);
    if (MANAGED_HEADERS.has(lower)) throw new UsageError(`--header ${shown} is managed by the HTTP client and cannot be set`);
    if (Object.hasOwn(headers, lower)) throw new UsageError(`--header ${shown} is given twice`);
    headers[lower] = value;
  }
  return headers;
}

/**
 * The pieces of a secret header's value to redact: the credential without its scheme
 * (`Bearer`, `Basic` would otherwise be redacted wherever the words appear), its longer parts
 * (a cookie's values), and the decoded `user:password` and password of Basic credentials.
 */
export function headerSecrets(headers: Readonly<Record<string, string>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretHeader(name)) continue;
    const scheme = /^(bearer|basic|token|digest|apikey|api-key)\s+/i.exec(value);
    const credential = scheme ? value.slice(scheme[0].length) : value;
    secrets.push(credential, ...credential.split(/[\s;,=]+/).filter((part) => part.length >= 8));
    if (scheme?.[1]?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      secrets.push(decoded, decoded.slice(decoded.indexOf(':') + 1));
    }
  }
  return [...new Set(secrets)];
}

/** The headers as a report shows them: secret values replaced by a marker. */
export function displayHeaders(headers: Readonly<Record<string, string>>, marker: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretHeader(name) ? marker : value]));
}

/**
 * A report path (`--report-json`, `--report-html`, …) is checked before the run, so a long run
 * does not end in EISDIR: `-` means stdout; a path naming a directory (existing, or ending in `/`)
 * or under a file is refused. Returns the absolute path, or `-`.
 */
export async function reportPathOption(raw: string, flag = '--report-json', example = 'conformance.json'): Promise<string> {
  if (raw === '-') return raw;
  if (raw.trim() === '') throw new UsageError(`${flag} needs a file path (or - for stdout)`);
  const path = resolve(raw);
  if (raw.endsWith('/') || raw.endsWith(sep) || (await isDirectory(path))) {
    throw new UsageError(`${flag} ${JSON.stringify(raw)} is a directory: give a file path such as ${JSON.stringify(`${raw.replace(/[/\\]+$/, '')}/${example}`)} (or - for stdout)`);
  }
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const kind = await statKind(dir);
    if (kind === 'file') throw new UsageError(`${flag} ${JSON.stringify(raw)}: ${dir} is a file, not a directory`);
    if (kind === 'dir' || dirname(dir) === dir) break;
  }
  return path;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await statKind(path)) === 'dir';
}

async function statKind(path: string): Promise<'dir' | 'file' | 'none'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
}
