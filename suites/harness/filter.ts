/**
 * Whether a check id matches a `--filter` pattern: a comma-separated list of terms, each either a
 * glob (`*` = any run of characters: `anthropic-messages/stream/*`) or, without `*`, a substring.
 * A term starting with `!` excludes.
 */
export function matchesFilter(id: string, pattern: string | undefined): boolean {
  if (!pattern) return true;
  const terms = pattern.split(',').map((t) => t.trim()).filter(Boolean);
  const includes = terms.filter((t) => !t.startsWith('!'));
  const excludes = terms.filter((t) => t.startsWith('!')).map((t) => t.slice(1));
  if (excludes.some((t) => matchTerm(id, t))) return false;
  return includes.length === 0 || includes.some((t) => matchTerm(id, t));
}

function matchTerm(id: string, term: string): boolean {
  if (!term.includes('*')) return id.includes(term);
  const source = term.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(id);
}
