import { writeFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** One test as the parent test reads it: vitest's state, the skip note, the failure message. */
export interface Outcome {
  readonly name: string;
  readonly state: string;
  readonly note?: string;
  readonly error?: string;
}

/**
 * Writes every test's outcome to `$OUTCOMES_FILE` (vitest's JSON reporter leaves out skip notes,
 * which are half of what the parent test checks), and the errors that failed a file outright.
 */
export default class OutcomesReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandled: readonly SerializedError[]): void {
    const file = process.env.OUTCOMES_FILE;
    if (!file) return;
    const tests: Outcome[] = modules.flatMap((module) =>
      [...module.children.allTests()].map((test) => {
        const result = test.result();
        return {
          name: test.fullName,
          state: result.state,
          ...(result.state === 'skipped' && result.note !== undefined ? { note: result.note } : {}),
          ...(result.errors?.[0] ? { error: result.errors[0].message } : {}),
        };
      }),
    );
    const errors = [...modules.flatMap((module) => module.errors()), ...unhandled].map((error) => error.message);
    writeFileSync(file, JSON.stringify({ tests, errors }));
  }
}
