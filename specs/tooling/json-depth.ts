/**
 * Whether a parsed JSON value nests deeper than `limit` objects/arrays. Iterative on purpose:
 * callers' values (tool schemas, tool arguments) can nest thousands deep, and the recursive
 * walkers that would otherwise meet them first (`JSON.stringify`, schema compilers, token
 * counters) overflow the stack.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { readonly node: unknown; readonly depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

/** Deeper than any real tool or response schema (OpenAI strict mode allows 10 levels of nesting). */
export const MAX_SCHEMA_DEPTH = 256;
