/**
 * Exit codes of every command (a contract: CI gates on them).
 * - `ok` (0): no `must` check failed / the mock stopped cleanly / no spec drift.
 * - `failed` (1): some `must` check failed, or the run could not judge the target: it is
 *   unreachable, or it kept answering 429 (one message each, not one failure per check) / drift found.
 * - `usage` (2): bad arguments or configuration: an unknown option, or a key the target rejects
 *   under every auth scheme, or a model the target does not serve.
 * - `internal` (3): an internal error of llm-conformance (a bug of ours, never a verdict).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A bad argument or configuration: reported with its message and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
