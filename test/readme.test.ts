import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILE, checkCatalogue, readmeSummary, source, withSummary } from '../scripts/check-catalogue.ts';
import { SUITES } from '../suites/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('summarises exactly the registered suites (run `npm run docs` after changing checks)', () => {
    expect(withSummary(readme, readmeSummary())).toBe(readme);
    expect(readme).toContain('](docs/checks.md)');
  });

  it('gives exactly two set-up commands, the second being the test command CI runs', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    const setup = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1]?.trim().split('\n');
    expect(setup).toEqual(['npm ci', 'npm test']);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toContain('npm test');
  });

  it("CI installs Debian's Chromium for the HTML report's browser test when it is missing, and still ends with the summary line", () => {
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/if ! command -v chromium [^\n]*; then\n\s+\{ apt-get update -qq && apt-get install -y -qq chromium; \}/);
    expect(ci.trimEnd().split('\n').slice(-2)).toEqual(['node_modules/.bin/node .ci/summary.mjs reports/vitest.json "$status"', 'exit "$status"']);
  });

  it('npm start writes the reports to a folder', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node bin/llm-conformance.mjs run --report-dir reports/conformance');
    expect(readme).toContain('reports/conformance/');
  });
});

describe('docs/checks.md', () => {
  const catalogue = readFileSync(CATALOGUE_FILE, 'utf8');

  it('lists exactly the registered checks (run `npm run docs` after changing checks)', () => {
    expect(catalogue).toBe(checkCatalogue());
  });

  it('has one row per check, with its level, source, clients and tags', () => {
    for (const suite of Object.values(SUITES)) {
      // Area/name pairs repeat across protocols (`basic/sdk-create`): look in the protocol's section.
      const section = catalogue.split(/^## /m).find((part) => part.startsWith(`${suite.protocol}\n`)) ?? '';
      for (const check of suite.checks) {
        const row = section.split('\n').find((line) => line.startsWith(`| \`${check.id.slice(suite.protocol.length + 1)}\` |`));
        expect(row, check.id).toBeDefined();
        expect(row).toContain(`| ${check.level} |`);
        expect(row).toContain(`(${check.spec})`);
        for (const client of check.clients ?? []) expect(row).toContain(client);
        for (const tag of check.tags ?? []) expect(row).toContain(tag);
      }
    }
  });

  it('names an issue link as the breakage it catches, docs by host', () => {
    expect(source('https://github.com/BerriAI/litellm/issues/27442')).toBe('breakage: [BerriAI/litellm#27442](https://github.com/BerriAI/litellm/issues/27442)');
    expect(source('https://docs.claude.com/en/api/errors')).toBe('[docs.claude.com](https://docs.claude.com/en/api/errors)');
  });
});
