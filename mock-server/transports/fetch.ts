import { fromWebRequest, type RequestHandlerLike } from '../../wire/wire-request.ts';
import { toWebResponse } from '../../wire/wire-reply.ts';

/**
 * A `fetch` function answered in-process by a mock (or a mutant wrapping one): no socket, no
 * interception. Hand it to an SDK's `fetch` option or to a suite target.
 *
 * @example
 * const client = new Anthropic({ apiKey: 'k', baseURL: 'http://mock', fetch: createFetch(createMockServer()) });
 */
export function createFetch(handler: RequestHandlerLike): typeof fetch {
  return async (input, init) => toWebResponse(await handler.handle(fromWebRequest(new Request(input, init))));
}
