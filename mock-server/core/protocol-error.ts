/**
 * Protocol-neutral kinds of error. Each adapter maps a kind to its vendor's status and type
 * (Anthropic `overloaded` is 529 `overloaded_error`, OpenAI's is 503), so the pipeline and the
 * reply engine never spell a vendor's error.
 */
export type ErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'method_not_allowed'
  | 'request_too_large'
  | 'rate_limit'
  | 'internal'
  | 'overloaded'
  | 'timeout';

/**
 * An error the mock answers on purpose, rendered in the protocol's own envelope. Throw it from
 * any pipeline stage or operation handler.
 */
export class MockProtocolError extends Error {
  readonly kind: ErrorKind;
  /** Overrides the adapter's status for this kind (rare: e.g. a scripted 418). */
  readonly status: number | undefined;
  /** The offending parameter, for protocols whose envelope names it (OpenAI `param`). */
  readonly param: string | undefined;
  /**
   * Machine-readable detail for protocols whose envelope carries it (Anthropic
   * `error.details`, e.g. `{error_code: "thread_not_found"}`, which the SDKs map to error classes).
   */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(kind: ErrorKind, message: string, options: { status?: number; param?: string; details?: Readonly<Record<string, unknown>> } = {}) {
    super(message);
    this.name = 'MockProtocolError';
    this.kind = kind;
    this.status = options.status;
    this.param = options.param;
    this.details = options.details;
  }
}

/**
 * A bug in the mock itself (as opposed to a bad request). Answered as the protocol's 500 and
 * reported through the `error` lifecycle event, so it is never mistaken for intended behaviour.
 */
export class InternalError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`[llm-conformance] ${message}`, options);
    this.name = 'InternalError';
  }
}
