import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUITES } from '../suites/index.ts';
import { filterProblems, matchesFilter } from '../suites/harness/filter.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ids = Object.values(SUITES).flatMap((suite) => suite.checks.map((c) => c.id));

type Parts = { protocol: string; area: string; name: string };
const parts = (id: string): Parts => {
  const [protocol = '', area = '', name = ''] = id.split('/');
  return { protocol, area, name };
};

/** What each README example means, said independently of the matcher. */
const MEANING: Record<string, (c: Parts) => boolean> = {
  stream: (c) => c.area === 'stream',
  'stream,tools': (c) => c.area === 'stream' || c.area === 'tools',
  'anthropic-messages/errors': (c) => c.protocol === 'anthropic-messages' && c.area === 'errors',
  'anthropic-messages/stop/max-tokens': (c) => c.protocol === 'anthropic-messages' && c.area === 'stop' && c.name === 'max-tokens',
  '*-stream': (c) => c.name.endsWith('-stream'),
  '!thinking': (c) => c.area !== 'thinking',
  'tools,!*/tools/stream-*': (c) => c.area === 'tools' && !c.name.startsWith('stream-'),
};

/** Every `--filter` value the README shows: in commands, and in the first column of the filter table. */
function readmeExamples(): string[] {
  const inCommands = [...readme.matchAll(/--filter '([^']+)'/g)].map((m) => m[1]!);
  const table = readme.slice(readme.indexOf('| `--filter` | runs |'));
  const inTable = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `'?([^`']+)'?` \|/gm)].map((m) => m[1]!).filter((t) => t !== '--filter');
  return [...new Set([...inCommands, ...inTable])];
}

describe('the README --filter examples', () => {
  const examples = readmeExamples();

  it('are all known to this test (a new example needs its meaning here)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
    expect(examples.filter((e) => !(e in MEANING))).toEqual([]);
  });

  it.each(Object.entries(MEANING))('%s selects what the README says', (pattern, meaning) => {
    expect(examples).toContain(pattern);
    expect(filterProblems(pattern, ids)).toEqual([]);
    const selected = ids.filter((id) => matchesFilter(id, pattern));
    expect(selected.length).toBeGreaterThan(0);
    expect(selected).toEqual(ids.filter((id) => meaning(parts(id))));
  });
});
