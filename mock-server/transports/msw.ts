import type { HttpHandler } from 'msw';
import { optionalPeer } from '../../wire/optional-peer.ts';
import type { MockServer } from '../create-mock-server.ts';

// msw is an optional peer dependency: only this entry point (`llm-conformance/msw`) needs it.
const { http } = await optionalPeer(() => import('msw'), 'msw', 'llm-conformance/msw');

export interface MswHandlerOptions {
  /**
   * Origin (and optional path prefix) to intercept, e.g. `https://api.anthropic.com`.
   * Default: every origin.
   */
  readonly baseUrl?: string;
}

/**
 * msw request handlers that answer with the mock, in-process, for unit tests. The handler is a
 * single `http.all`, because LLM streams are POSTs with `Accept: application/json` (msw's `sse()`
 * only matches GET + `Accept: text/event-stream`).
 *
 * @example
 * import { setupServer } from 'msw/node';
 * const server = setupServer(...createMswHandlers(createMockServer(), { baseUrl: 'https://api.anthropic.com' }));
 *
 * @see https://mswjs.io/docs/api/http
 */
export function createMswHandlers(mock: Pick<MockServer, 'fetch'>, options: MswHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  return [http.all(`${base}/*`, ({ request }) => mock.fetch(request))];
}
