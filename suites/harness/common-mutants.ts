import { defineMutant, type Mutant } from './mutant.ts';
import { streamOnlyWhenAccepted, streamServedAs, withStrayLine } from './sse-mutations.ts';

/**
 * Deviations that look the same on every protocol, as mutant factories (same id and description
 * everywhere): each suite names the checks they break in its protocol (`breaks`). A suite that
 * words a deviation in its own terms writes its own mutant with the rewrites of
 * `sse-mutations.ts`.
 */

/** Streams served as application/json (the body still SSE). */
export function streamsServedAsJson(breaks: readonly string[]): Mutant {
  return defineMutant({
    id: 'sse-content-type-json',
    description: 'Streams are served as application/json.',
    breaks,
    reply: (reply) => streamServedAs(reply, 'application/json'),
  });
}

/** A line that is not an SSE field inside the first frame of every stream. */
export function strayLineInFrames(breaks: readonly string[]): Mutant {
  return defineMutant({
    id: 'sse-stray-line',
    description: 'A frame carries a line that is not an SSE field.',
    breaks,
    reply: withStrayLine,
  });
}

/**
 * A server that streams only when `Accept` asks for text/event-stream, while the official SDKs
 * send `Accept: application/json` with `stream: true`: `unstream` turns the body into the
 * protocol's non-streaming request.
 */
export function streamByAcceptHeader(breaks: readonly string[], unstream: (json: Record<string, unknown>) => Record<string, unknown>): Mutant {
  return defineMutant({
    id: 'stream-by-accept-header',
    description: 'Streams only when Accept asks for text/event-stream; the official SDKs send Accept: application/json.',
    breaks,
    request: (r) => streamOnlyWhenAccepted(r, unstream),
  });
}

/** A malformed JSON body answered with an HTML 500 page (a framework's default error page). */
export function malformedBodyAnswersHtml(breaks: readonly string[]): Mutant {
  return defineMutant({
    id: 'invalid-json-html',
    description: 'A malformed body gets an HTML 500 page.',
    breaks,
    request: (r) => (r.bodyText !== '' && r.json === undefined ? { status: 500, headers: { 'content-type': 'text/html' }, body: '<html><body>500</body></html>' } : r),
  });
}
