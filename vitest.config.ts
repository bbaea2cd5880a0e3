import { defineConfig } from 'vitest/config';

/**
 * One config for every layer: unit tests sit next to their code (`*.test.ts`), the conformance
 * self-run and mutant runs live in `suites/**`, CLI end-to-end tests in `test/`.
 * The JSON reporter feeds `.ci/run`, which prints the plain `N passed, N failed` line.
 */
export default defineConfig({
  // Tests import the package by name (`llm-conformance/msw`) from the sources, through the export
  // map's `llm-conformance-source` condition; the published build is tested in test/package/.
  ssr: { resolve: { conditions: ['llm-conformance-source'] } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
