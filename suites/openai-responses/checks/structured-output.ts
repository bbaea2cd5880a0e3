import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { excerpt, expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { postResponses } from '../exchanges.ts';
import { CITY_SCHEMA, structuredBody } from '../requests.ts';
import { messageText } from '../stream-read.ts';

const protocol = 'openai-responses';

/** Structured output through `text.format`, an optional capability: skipped on a clean 400. */
export const structuredOutputChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/structured-output/json-schema',
    protocol,
    level: 'must',
    description: 'text.format {type: "json_schema", strict: true} yields text that is JSON valid against the schema (skipped when the target answers a clean 400).',
    spec: 'https://platform.openai.com/docs/guides/structured-outputs',
    clients: ['vercel-ai-sdk'],
    tags: ['structured-output'],
    async run(ctx) {
      const exchange = await postResponses(ctx.target, structuredBody(ctx.target));
      requireCapabilityAccepted(exchange, 'offer structured output (text.format json_schema)');
      const response = okJson(exchange, 'the structured-output request');
      const text = messageText(response);
      const on = { exchange: exchange.record };
      expect(text.length > 0, 'the structured-output reply has no text', { ...on, expected: 'a JSON object as output_text', actual: preview(response.output, 300) });
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        fail(`the reply is not JSON: ${excerpt(text, 100)}`, { ...on, expected: 'JSON text', actual: excerpt(text, 300) });
      }
      const compiled = compileToolSchema(CITY_SCHEMA);
      if (!compiled.ok) throw new Error(`the city schema does not compile: ${compiled.error}`);
      const diagnostics = compiled.validate(value);
      expect(diagnostics.length === 0, `the reply ${preview(value)} breaks the schema: ${formatDiagnostics(diagnostics, 2)}`, { ...on, expected: 'an object with city and country', actual: preview(value) });
    },
  }),
];
