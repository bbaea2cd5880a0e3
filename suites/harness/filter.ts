/**
 * `--filter`: which checks a run selects. A pattern is a comma-separated list of terms; a term
 * starting with `!` excludes. A term is, by its shape:
 * - with `*`: a glob over the whole check id, `*` being any run of characters (`/` included):
 *   `anthropic-messages/stream/*`, `*-stream`, `*round-trip`;
 * - a bare word (no `/`): an area, in every protocol: `stream` selects every `<protocol>/stream/<name>`;
 * - `protocol/area` or `protocol/area/name`: that area of that protocol, or that one check.
 * A check is selected when it matches some include term (every check, when there is none) and no
 * exclude term. Matching costs at most term length × id length (no regular expressions: terms are
 * user text).
 */
export function matchesFilter(id: string, pattern: string | undefined): boolean {
  if (!pattern) return true;
  const { includes, excludes } = parseTerms(pattern);
  if (excludes.some((t) => matchTerm(id, t))) return false;
  return includes.length === 0 || includes.some((t) => matchTerm(id, t));
}

/**
 * What is wrong with a pattern, given the ids it selects from: an empty `!`, or a term that matches
 * no check (usually a typo, or a substring from older versions: terms are areas, ids or globs).
 * Empty when the pattern is sound.
 */
export function filterProblems(pattern: string, ids: readonly string[]): string[] {
  const { includes, excludes, empty } = parseTerms(pattern);
  const problems = empty ? ["'!' must be followed by a term"] : [];
  const areas = [...new Set(ids.map((id) => id.split('/')[1]))].join(', ');
  for (const term of [...includes, ...excludes]) {
    if (ids.some((id) => matchTerm(id, term))) continue;
    const hint = term.includes('*') ? 'a glob matches whole ids' : term.includes('/') ? 'expected protocol/area or protocol/area/name' : `a bare word names an area: ${areas}`;
    problems.push(`${JSON.stringify(term)} matches no check (${hint})`);
  }
  return problems;
}

function parseTerms(pattern: string): { includes: string[]; excludes: string[]; empty: boolean } {
  const terms = pattern.split(',').map((t) => t.trim()).filter(Boolean);
  const excludes = terms.filter((t) => t.startsWith('!')).map((t) => t.slice(1).trim());
  return { includes: terms.filter((t) => !t.startsWith('!')), excludes: excludes.filter(Boolean), empty: excludes.some((t) => !t) };
}

function matchTerm(id: string, term: string): boolean {
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
