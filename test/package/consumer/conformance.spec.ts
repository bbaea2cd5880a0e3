// The README's vitest usage, as a gateway team's own test: the conformance suite as vitest tests,
// against a server started in the test (here the package's reference mock stands in for the
// gateway). One describe per protocol and area, one test per check.
import { createMockServer, serveNodeHttp } from 'llm-conformance/mock-server';
import { describeConformance } from 'llm-conformance/vitest';
import { afterAll } from 'vitest';

const gateway = await serveNodeHttp(createMockServer());
afterAll(() => gateway.close());

describeConformance({ baseUrl: gateway.url, apiKey: 'test-key', protocol: ['anthropic-messages'], filter: 'basic,stream' });
