/**
 * `--filter`: which checks a run selects. A pattern is a comma-separated list of terms; a term
 * starting with `!` excludes. A term is, by its shape:
 * - `tag:NAME`: the checks that carry the tag `NAME` (`Check.tags`); `NAME` may hold `*` globs
 *   (`tag:struct*`): `tag:streaming`, `!tag:thinking`;
 * - with `*`: a glob over the whole check id, `*` being any run of characters (`/` included):
 *   `anthropic-messages/stream/*`, `*-stream`, `*round-trip`;
 * - a bare word (no `/`): an area, in every protocol: `stream` selects every `<protocol>/stream/<name>`;
 * - `protocol/area` or `protocol/area/name`: that area of that protocol, or that one check.
 * A check is selected when it matches some include term (every check, when there is none) and no
 * exclude term. Matching costs at most term length × id (or tag) length (no regular expressions:
 * terms are user text).
 */

/** What a filter looks at: a check id, or a check (its id and tags). */
export type FilterSubject = string | { readonly id: string; readonly tags?: readonly string[] | undefined };

/** The prefix of a tag term (`tag:streaming`). */
export const TAG_PREFIX = 'tag:';

export function matchesFilter(subject: FilterSubject, pattern: string | undefined): boolean {
  if (!pattern) return true;
  const { includes, excludes } = parseTerms(pattern);
  const check = normalise(subject);
  if (excludes.some((t) => matchTerm(check, t))) return false;
  return includes.length === 0 || includes.some((t) => matchTerm(check, t));
}

/**
 * What is wrong with a pattern, given the checks (or ids) it selects from: an empty `!` or
 * `tag:`, or a term that matches no check (usually a typo, or a substring from older versions:
 * terms are areas, ids, globs or tags). Empty when the pattern is sound.
 */
export function filterProblems(pattern: string, subjects: readonly FilterSubject[]): string[] {
  const { includes, excludes, malformed } = parseTerms(pattern);
  const checks = subjects.map(normalise);
  const problems = [...malformed];
  for (const term of [...includes, ...excludes]) {
    if (checks.some((check) => matchTerm(check, term))) continue;
    problems.push(`${JSON.stringify(term)} matches no check (${termHint(term, checks)})`);
  }
  return problems;
}

function termHint(term: string, checks: readonly Subject[]): string {
  if (term.startsWith(TAG_PREFIX)) {
    const tags = [...new Set(checks.flatMap((c) => c.tags))].sort();
    return tags.length > 0 ? `known tags: ${tags.join(', ')}` : 'no check carries a tag';
  }
  if (term.includes('*')) return 'a glob matches whole ids';
  if (term.includes('/')) return 'expected protocol/area or protocol/area/name';
  return `a bare word names an area: ${[...new Set(checks.map((c) => c.id.split('/')[1]))].join(', ')}`;
}

interface Subject {
  readonly id: string;
  readonly tags: readonly string[];
}

function normalise(subject: FilterSubject): Subject {
  return typeof subject === 'string' ? { id: subject, tags: [] } : { id: subject.id, tags: subject.tags ?? [] };
}

function parseTerms(pattern: string): { includes: string[]; excludes: string[]; malformed: string[] } {
  const terms = pattern.split(',').map((t) => t.trim()).filter(Boolean);
  const excludes = terms.filter((t) => t.startsWith('!')).map((t) => t.slice(1).trim());
  const includes = terms.filter((t) => !t.startsWith('!'));
  const malformed = [
    ...(excludes.includes('') ? ["'!' must be followed by a term"] : []),
    ...([...includes, ...excludes].some((t) => t.trim() === TAG_PREFIX) ? ["'tag:' must be followed by a tag name"] : []),
  ];
  const sound = (t: string) => t !== '' && t !== TAG_PREFIX;
  return { includes: includes.filter(sound), excludes: excludes.filter(sound), malformed };
}

function matchTerm(check: Subject, term: string): boolean {
  if (term.startsWith(TAG_PREFIX)) {
    const tag = term.slice(TAG_PREFIX.length);
    return check.tags.some((t) => (tag.includes('*') ? globMatch(tag, t) : t === tag));
  }
  const { id } = check;
  if (term.includes('*')) return globMatch(term, id);
  if (!term.includes('/')) return id.split('/')[1] === term;
  return id === term || id.startsWith(`${term}/`);
}

/** `*`-only glob matching in O(pattern × text) with one backtrack point (no regex: no blow-up). */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
