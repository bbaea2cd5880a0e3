/**
 * Removes secrets from text that leaves the process (console, reports, logs): API keys never
 * appear in any output, even when a target echoes them back in an error message.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const active = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))];
  if (active.length === 0) return (text) => text;
  const pattern = new RegExp(active.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(pattern, '[redacted]');
}

/** A URL safe to print: no user-info, and query parameters that look like keys are masked. */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()]) {
      if (/key|token|secret|auth/i.test(name)) url.searchParams.set(name, '[redacted]');
    }
    return url.toString().replace(/\/$/, '');
  } catch {
    return raw;
  }
}

// Query parameters that carry credentials: Gemini's `?key=`, `api_key`, `access_token`, signatures.
const SECRET_PARAM = /key|token|secret|auth|signature|password/i;

/**
 * A request target safe to log: the value of every key-like query parameter is replaced by
 * `[redacted]` (a Gemini client sends its API key as `?key=`). Works on a bare path
 * (`/v1beta/models/m:generateContent?key=…`) and on an absolute URL; the rest is kept as sent.
 */
export function redactQuery(target: string): string {
  const mark = target.indexOf('?');
  if (mark === -1) return target;
  const hash = target.indexOf('#', mark);
  const query = target.slice(mark + 1, hash === -1 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_PARAM.test(safeDecode(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${target.slice(0, mark + 1)}${redacted}${hash === -1 ? '' : target.slice(hash)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
