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
