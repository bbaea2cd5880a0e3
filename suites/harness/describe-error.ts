/**
 * One readable line for an unexpected error: network failures name the target and the cause
 * (`could not reach http://127.0.0.1:9: ECONNREFUSED`), SDK errors keep their status.
 */
export function describeError(error: unknown, baseUrl: string): string {
  if (!(error instanceof Error)) return `unexpected error: ${String(error)}`;
  const code = networkCode(error);
  if (code) return `could not reach ${baseUrl}: ${code}`;
  // undici reports every transport failure as `TypeError: fetch failed`, the reason in `cause`.
  if (error.name === 'TypeError' && error.message === 'fetch failed') {
    const cause = error.cause instanceof Error ? error.cause.message : 'network error';
    return `could not reach ${baseUrl}: ${cause}`;
  }
  if (error.name === 'TimeoutError' || error.name === 'APIConnectionTimeoutError') return `request timed out (${error.message})`;
  const status = (error as { status?: unknown }).status;
  const prefix = typeof status === 'number' ? `${error.name} (HTTP ${status})` : error.name;
  return `unexpected ${prefix}: ${error.message}`;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'EPIPE']);

function networkCode(error: Error): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  }
  return undefined;
}
