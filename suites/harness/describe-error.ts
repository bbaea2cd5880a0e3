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

const PROGRAMMING_ERRORS = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError']);

/**
 * Whether an error is a bug of llm-conformance rather than the target's doing: a programming
 * error (TypeError, ReferenceError, …) thrown by the project's own code. The same error thrown
 * inside an SDK or the runtime (undici's `fetch failed`, the SDK's JSON.parse of a broken
 * frame) comes from the target's reply and stays a verdict.
 */
export function isInternalError(error: unknown): boolean {
  if (!(error instanceof Error) || !PROGRAMMING_ERRORS.has(error.name)) return false;
  if (error.message === 'fetch failed') return false;
  const frame = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('at ') && !line.includes('<anonymous>') && !/\((native|node:)|at node:/.test(line) && !/^at (JSON\.parse|new Promise)/.test(line));
  return frame !== undefined && !frame.includes('/node_modules/');
}
