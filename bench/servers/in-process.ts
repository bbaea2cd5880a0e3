/**
 * Bench child for in-process transports. argv[2] picks how a `fetch` call reaches the mock:
 * - `msw`: `createMswHandlers` + msw's `setupServer`, intercepting global fetch to http://mock.invalid
 *   (a reserved name: nothing leaves the process; port 1 would not do, fetch refuses it as a bad port);
 * - `fetch`: `createFetch(createMockServer())`, a plain function call, no socket, no interception;
 * - `node-http`: global fetch over loopback to `serveNodeHttp` in this same process.
 * Each lives in its own process so msw's patching of globals cannot touch the other two.
 * On `run` it calls the mock with `concurrency` callers for `durationMs` and reports the count;
 * every reply must be status 200 with the same body as the first (checked to be a `message`).
 */
import { setupServer } from 'msw/node';
import { createFetch, createMockServer, serveNodeHttp } from '../../mock-server/index.ts';
import { createMswHandlers } from '../../mock-server/transports/msw.ts';
import { serveParent } from '../ipc.ts';
import { JSON_REQUEST_BODY, REQUEST_HEADERS } from '../payload.ts';

const variant = process.argv[2];
const mock = createMockServer();
const ORIGIN = 'http://mock.invalid';
const init: RequestInit = { method: 'POST', headers: REQUEST_HEADERS, body: JSON_REQUEST_BODY };

async function makeCaller(): Promise<() => Promise<Response>> {
  switch (variant) {
    case 'msw': {
      setupServer(...createMswHandlers(mock, { baseUrl: ORIGIN })).listen({ onUnhandledFrame: 'error' });
      return () => fetch(`${ORIGIN}/v1/messages`, init);
    }
    case 'fetch': {
      const mockFetch = createFetch(mock);
      return () => mockFetch(`${ORIGIN}/v1/messages`, init);
    }
    case 'node-http': {
      const { url } = await serveNodeHttp(mock);
      return () => fetch(`${url}/v1/messages`, init);
    }
    default:
      throw new Error(`unknown in-process variant ${variant}`);
  }
}

const send = serveParent((message) => {
  if (message.type !== 'run') return;
  run(message.durationMs, message.concurrency).then(
    (result) => send(result),
    (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
const call = await makeCaller();
const first = await call();
const expected = await first.text();
if (first.status !== 200 || (JSON.parse(expected) as { type?: unknown }).type !== 'message') {
  send({ type: 'failed', message: `${variant}: status ${first.status}, body ${expected.slice(0, 200)}` });
} else {
  send({ type: 'ready', port: 0 });
}

async function run(durationMs: number, concurrency: number) {
  const started = performance.now();
  const deadline = started + durationMs;
  let requests = 0;
  const caller = async () => {
    while (performance.now() < deadline) {
      const res = await call();
      const text = await res.text();
      if (res.status !== 200 || text !== expected) throw new Error(`${variant}: status ${res.status}, body ${text.slice(0, 200)}`);
      requests++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { type: 'result' as const, requests, elapsedMs: performance.now() - started };
}
