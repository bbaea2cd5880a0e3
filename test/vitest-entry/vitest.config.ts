import { defineConfig } from 'vitest/config';

/**
 * The project `test/vitest-entry.test.ts` runs vitest on, as a gateway team's own vitest project
 * would: it imports `llm-conformance/vitest` by name (from the sources, through the export map's
 * `llm-conformance-source` condition) and takes its target from the environment.
 */
export default defineConfig({
  root: import.meta.dirname,
  ssr: { resolve: { conditions: ['llm-conformance-source'] } },
  test: {
    include: ['*.conformance.ts'],
    reporters: ['default', './outcomes-reporter.ts'],
  },
});
