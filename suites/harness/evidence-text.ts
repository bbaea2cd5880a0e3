import type { ExchangeEvidence } from './evidence.ts';
import type { CheckResult } from './runner.ts';

/**
 * A failure's evidence as plain text, shared by the report writers (each escapes it for its own
 * format afterwards) and the vitest entry's failure messages: the exchange's headline, the
 * exchange in full, the failure in full.
 */

/** `POST /v1/messages → HTTP 200 application/json, 517 B in 22 ms` (or how the exchange ended). */
export function exchangeHeadline(x: ExchangeEvidence): string {
  const answer = x.error
    ? `${x.status !== undefined ? `HTTP ${x.status}, then ` : ''}${x.error}`
    : `HTTP ${x.status ?? '?'} ${x.responseHeaders?.['content-type'] ?? '(no content-type)'}, ${x.responseBytes} B`;
  return `${x.method} ${pathOf(x.url)} → ${answer} in ${x.durationMs} ms`;
}

/** The exchange as a reader wants it: request line, headers, body; then status, headers, body. */
export function exchangeText(x: ExchangeEvidence): string[] {
  const lines = [`> ${x.method} ${x.url}`, ...Object.entries(x.requestHeaders).map(([k, v]) => `> ${k}: ${v}`)];
  if (x.requestBody !== undefined) lines.push('>', ...x.requestBody.split('\n').map((l) => `> ${l}`));
  lines.push('');
  if (x.status !== undefined) lines.push(`< HTTP ${x.status}`);
  for (const [k, v] of Object.entries(x.responseHeaders ?? {})) lines.push(`< ${k}: ${v}`);
  if (x.error !== undefined) lines.push(`< (ended: ${x.error})`);
  lines.push(`< (${x.responseBytes} bytes in ${x.durationMs} ms${x.truncated ? '; the body below is its beginning' : ''})`, x.responseBody);
  return lines;
}

/** A failure in full: message, what it asserts, expected vs actual, hints, spec, the exchange. */
export function failureText(check: CheckResult): string {
  const e = check.evidence;
  const lines = [`${check.id} [${check.level}]: ${check.message}`, `asserts: ${check.description}`];
  if (e?.expected !== undefined) lines.push(`expected: ${e.expected}`);
  if (e?.actual !== undefined) lines.push(`actual:   ${e.actual}`);
  for (const hint of e?.hints ?? []) lines.push(`hint: ${hint}`);
  lines.push(`spec: ${check.spec}`);
  if (e?.exchange) lines.push('', ...exchangeText(e.exchange));
  return lines.join('\n');
}

/** The path and query of a URL (the whole text when it is not one). */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
