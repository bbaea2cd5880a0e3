/**
 * Helpers shared by the mock server's colocated tests: the neutral part and one file per protocol
 * under `test-support/`. New tests may import those files directly; this index keeps the
 * existing imports working. Not a test file and not part of the public surface.
 */
export * from './test-support/neutral.ts';
export * from './test-support/anthropic-messages.ts';
