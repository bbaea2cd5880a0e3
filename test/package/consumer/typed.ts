// Compiled by the consumer's own `tsc --strict --module nodenext`: the package's declarations resolve
// through its export map, with no error inside them and no `any` leaking out of them.
import Anthropic from '@anthropic-ai/sdk';
import { createMockServer, serveNodeHttp, type MockServer, type MockServerOptions, type NodeHttpServer } from 'llm-conformance';
import { createMswHandlers } from 'llm-conformance/msw';
import { PROTOCOL_SPECS, specRegistry, type Diagnostic, type ProtocolId } from 'llm-conformance/specs';
import { SUITES, type Check } from 'llm-conformance/suites';
import { describeConformance, type ConformanceOptions } from 'llm-conformance/vitest';

const options: MockServerOptions = { seed: 1, apiKeys: ['test-key'] };
const mock: MockServer = createMockServer(options);
// @ts-expect-error the seed is a string or a number: this line proves the options are typed, not `any`
createMockServer({ seed: { not: 'a seed' } });

export async function ask(): Promise<string> {
  const served: NodeHttpServer = await serveNodeHttp(mock, { port: 0 });
  try {
    const client = new Anthropic({ apiKey: 'test-key', baseURL: served.url, maxRetries: 0 });
    const message = await client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 32, messages: [{ role: 'user', content: 'Hi' }] });
    const first = message.content[0];
    return first?.type === 'text' ? first.text : '';
  } finally {
    await served.close();
  }
}

const protocol: ProtocolId = 'anthropic-messages';
const diagnostics: Diagnostic[] = specRegistry().validate(PROTOCOL_SPECS[protocol].schemas[0]?.$id ?? '', {});
const checks: readonly Check[] = SUITES[protocol]?.checks ?? [];
export const summary = { handlers: createMswHandlers(mock).length, diagnostics: diagnostics.length, checks: checks.length };

// The vitest entry's options are typed: a level outside must/should does not compile.
export const conformance: ConformanceOptions = { baseUrl: 'http://127.0.0.1:4010', protocol: ['anthropic-messages'], failOn: 'should', maxRequests: 50 };
// @ts-expect-error failOn is 'must' or 'should'
export const wrong: ConformanceOptions = { failOn: 'sometimes' };
export const declare: (options?: ConformanceOptions) => void = describeConformance;
