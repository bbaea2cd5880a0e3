import type { HttpHandler } from 'msw';
import type { MockServer } from '../create-mock-server.ts';

// msw is an optional peer dependency: only this entry point (`llm-conformance/msw`) needs it, so a
// project without it gets a message that names the package to install instead of Node's bare
// ERR_MODULE_NOT_FOUND from inside llm-conformance.
const { http } = await import('msw').catch((error: unknown) => {
  if ((error as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND' && String(error).includes("'msw'")) {
    throw new Error('llm-conformance/msw needs msw, an optional peer dependency of llm-conformance: npm install --save-dev msw', { cause: error });
  }
  throw error;
});

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
