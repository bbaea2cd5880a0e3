import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalogue, withCatalogue } from '../scripts/check-catalogue.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists exactly the registered checks (run `npm run docs` after changing checks)', () => {
    expect(withCatalogue(readme, checkCatalogue())).toBe(readme);
  });

  it('gives exactly two set-up commands, the second being the test command CI runs', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    const setup = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1]?.trim().split('\n');
    expect(setup).toEqual(['npm ci', 'npm test']);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toContain('npm test');
  });
});
