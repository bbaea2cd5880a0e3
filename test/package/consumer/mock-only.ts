// Compiled on its own, like typed.ts: a project that uses only the mock (no SDK in its program)
// still gets Node's types where the package's declarations need them, without `"types": ["node"]`.
import { createFetch, createMockServer, serveNodeHttp } from 'llm-conformance';
import { createMswHandlers } from 'llm-conformance/msw';
import { PROTOCOL_SPECS, specRegistry } from 'llm-conformance/specs';

const mock = createMockServer({ seed: 1 });
const served = await serveNodeHttp(mock, { port: 0 });
await served.close();
export const answer: Promise<Response> = createFetch(mock)('http://127.0.0.1/v1/models', { headers: { 'x-api-key': 'key' } });
export const counts = [createMswHandlers(mock).length, specRegistry().ids.length, Object.keys(PROTOCOL_SPECS).length];
