/**
 * Bench child: the reference mock served by `serveNodeHttp` (the fast path). argv[2] is the
 * `validateOutput` setting: `report` (the default a user gets) or `off` (the load-test setting).
 */
import { createMockServer, serveNodeHttp } from '../../mock-server/index.ts';
import { serveParent } from '../ipc.ts';

const validateOutput = process.argv[2] === 'off' ? 'off' : 'report';
const send = serveParent();
const mock = createMockServer({ validateOutput });
let violations = 0;
mock.on('violation', ({ operationId, diagnostics }) => {
  // A mock whose own reply breaks its spec must not produce a number: tell the parent once.
  if (violations++ > 0) return;
  send({ type: 'failed', message: `the mock's own ${operationId} reply breaks its spec: ${diagnostics[0]?.message ?? '?'}` });
});
mock.on('error', ({ error }) => {
  send({ type: 'failed', message: `the mock threw: ${error instanceof Error ? error.message : String(error)}` });
});
const served = await serveNodeHttp(mock);
send({ type: 'ready', port: served.port });
