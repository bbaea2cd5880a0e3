// Plain Node, no TypeScript, no bundler: every public entry point of the installed package loads,
// the schemas it ships load and compile, and the mock answers a request in-process.
import { createFetch, createMockServer } from 'llm-conformance';
import * as mockServer from 'llm-conformance/mock-server';
import { createMswHandlers } from 'llm-conformance/msw';
import { PROTOCOL_SPECS, specRegistry } from 'llm-conformance/specs';
import { SUITES } from 'llm-conformance/suites';

const mock = createMockServer({ seed: 1 });
const response = await createFetch(mock)('http://127.0.0.1/v1/messages', {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-api-key': 'test-key', 'anthropic-version': '2023-06-01' },
  body: JSON.stringify({ model: 'claude-sonnet-4-6', max_tokens: 32, messages: [{ role: 'user', content: 'Hello there' }] }),
});
const message = await response.json();
const messageSchema = PROTOCOL_SPECS['anthropic-messages'].schemas.find((schema) => schema.$id.endsWith('/message.json'));

console.log(
  JSON.stringify({
    status: response.status,
    text: message.content[0].text,
    messageDiagnostics: specRegistry().validate(messageSchema.$id, message).length,
    schemas: Object.values(PROTOCOL_SPECS).flatMap((spec) => spec.schemas).length,
    sameExports: mockServer.createMockServer === createMockServer,
    mswHandlers: createMswHandlers(mock).length,
    suites: Object.keys(SUITES),
  }),
);
