/**
 * What a server serves, told to a caller whose route it does not know: the routes of the protocol
 * the caller belongs to, and the names of the other protocols the server speaks. A caller on the
 * wrong path (`/v1/v1/messages`) or the wrong protocol (an OpenAI client aimed at an Anthropic-only
 * gateway) learns where to go instead of reading "model not found".
 */
export interface ServedRoutes {
  /** `METHOD /path` of every operation of the caller's protocol, in declaration order. */
  readonly routes: readonly string[];
  /** Titles of the other protocols this server speaks (`OpenAI Chat Completions`, …). */
  readonly otherApis: readonly string[];
}

/**
 * One sentence for unknown-route messages: "POST /v1/nope is not served here. This API serves
 * POST /v1/messages, …; this server also speaks Gemini."
 */
export function describeServed(method: string, path: string, served: ServedRoutes): string {
  const also = served.otherApis.length > 0 ? `; this server also speaks ${joinAnd(served.otherApis)}` : '';
  return `${method} ${path} is not served here. This API serves ${served.routes.join(', ')}${also}.`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
