import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUITES } from '../suites/index.ts';
import { filterProblems, matchesFilter } from '../suites/harness/filter.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const checks = Object.values(SUITES).flatMap((suite) => suite.checks);

type Parts = { protocol: string; area: string; name: string; tags: readonly string[] };
const parts = (check: (typeof checks)[number]): Parts => {
  const [protocol = '', area = '', name = ''] = check.id.split('/');
  return { protocol, area, name, tags: check.tags ?? [] };
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
  'tag:streaming': (c) => c.tags.includes('streaming'),
  'stream,!tag:thinking': (c) => c.area === 'stream' && !c.tags.includes('thinking'),
};

/** The tags an example names: it can select checks only once some check carries them. */
const tagsOf = (pattern: string) => [...pattern.matchAll(/tag:([a-z0-9-]+)/g)].map((m) => m[1]!);
const tagged = new Set(checks.flatMap((c) => c.tags ?? []));

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
    // A tag example is checked once the suites tag their checks (Check.tags); until then a tag
    // term matches nothing, as filterProblems says.
    if (!tagsOf(pattern).every((tag) => tagged.has(tag))) return;
    expect(filterProblems(pattern, checks)).toEqual([]);
    const selected = checks.filter((c) => matchesFilter(c, pattern));
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.map((c) => c.id)).toEqual(checks.filter((c) => meaning(parts(c))).map((c) => c.id));
  });
});
