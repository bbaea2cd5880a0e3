/**
 * Exit codes of every command (a contract: CI gates on them).
 * - `ok` (0): no `must` check failed / the mock stopped cleanly / no spec drift.
 * - `failed` (1): some `must` check failed, or the target could not be reached / drift found.
 * - `usage` (2): bad arguments or configuration.
 * - `internal` (3): an internal error of the tool, never a verdict.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** A bad argument or configuration: reported with its message and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
