import type { CanonicalServerToolInput, CanonicalServerToolKind, CanonicalServerToolResult } from './canonical.ts';

/** Longest query or quoted prompt a server tool call carries. */
const MAX_QUERY = 120;
const RETRIEVED_AT = '2026-01-01T00:00:00Z';
const PAGE_AGE = 'January 1, 2026';

/**
 * The arguments the mock's "model" passes to a server tool, derived from the prompt (the echo
 * text): the query to search, the first URL to fetch, the code to run.
 */
export function serverToolInput(kind: CanonicalServerToolKind, prompt: string): CanonicalServerToolInput {
  const short = oneLine(prompt);
  switch (kind) {
    case 'web-search':
      return { kind, query: short || 'example' };
    case 'web-fetch':
      return { kind, url: firstUrl(prompt) ?? 'https://example.com/' };
    case 'code-execution':
      return { kind, code: `print(${JSON.stringify(short || 'example')})` };
  }
}

/**
 * What the server tool "returned": deterministic content derived from its input, so that a test
 * can assert on it. Search answers three results under `https://example.com/search/…`, a fetch
 * answers a small text page, code execution prints what the code prints.
 */
export function serverToolResult(input: CanonicalServerToolInput): CanonicalServerToolResult {
  switch (input.kind) {
    case 'web-search': {
      const slug = input.query.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'example';
      return {
        kind: 'web-search',
        results: [1, 2, 3].map((n) => ({
          url: `https://example.com/search/${slug}/${n}`,
          title: `Result ${n} for "${input.query}"`,
          snippet: `Example search result ${n} for "${input.query}", served by the llm-conformance mock.`,
          pageAge: PAGE_AGE,
        })),
      };
    }
    case 'web-fetch':
      return {
        kind: 'web-fetch',
        url: input.url,
        title: 'Example page',
        text: `Example page content for ${input.url}, fetched by the llm-conformance mock.`,
        retrievedAt: RETRIEVED_AT,
      };
    case 'code-execution': {
      const printed = /^print\((".*")\)$/.exec(input.code)?.[1];
      return { kind: 'code-execution', stdout: printed ? `${JSON.parse(printed) as string}\n` : '', stderr: '', returnCode: 0 };
    }
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY).trim();
}

function firstUrl(text: string): string | undefined {
  // Bounded: a URL is looked for in the first few kilobytes of the prompt only.
  return /https?:\/\/[^\s"'<>)]+/.exec(text.slice(0, 4096))?.[0];
}
