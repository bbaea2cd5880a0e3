// Prints "N passed, N failed" from vitest's JSON report. When `npm test` failed before vitest
// ran (type-check or lint), or crashed after, the failure still counts: never a green line for
// a red run.
import { existsSync, readFileSync } from 'node:fs';

const [file = 'reports/vitest.json', exitStatus = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  // A file that fails to load has no failed test, only a failed suite.
  if (failed === 0) failed = report.numFailedTestSuites ?? 0;
}
if (Number(exitStatus) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
