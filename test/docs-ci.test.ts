import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../cli/baseline.ts';
import { parseConfig } from '../cli/config-file.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const docs = { 'README.md': read('README.md'), 'docs/ci.md': read('docs/ci.md') };

/** The JSON blocks of a Markdown text that hold the given key. */
function jsonBlocks(text: string, key: string): unknown[] {
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((block) => block.includes(`"${key}"`)).map((block) => JSON.parse(block));
}

describe('the CI documentation', () => {
  it.each(Object.entries(docs))('%s: every config file example is valid', (name, text) => {
    const examples = jsonBlocks(text, 'targets');
    expect(examples.length, name).toBeGreaterThan(0);
    for (const example of examples) expect(() => parseConfig(JSON.stringify(example), name)).not.toThrow();
  });

  it('the README baseline example is a valid baseline', () => {
    const [example] = jsonBlocks(docs['README.md'], 'deviations');
    expect(parseBaseline(JSON.stringify(example), 'README').entries.size).toBeGreaterThan(0);
  });
});
