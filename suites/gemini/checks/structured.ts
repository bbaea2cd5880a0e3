import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { expect, fail, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { postMethod } from '../client.ts';
import { okReply } from '../exchanges.ts';
import { finishReasonOf, type Json, textOf } from '../read.ts';
import { CITY_JSON_SCHEMA, jsonSchemaBody, POPULATION_JSON_SCHEMA, responseSchemaBody } from '../requests.ts';

const STRUCTURED_DOCS = 'https://ai.google.dev/gemini-api/docs/structured-output';
const protocol = 'gemini';

/** Sends a JSON-mode request; the answer text must parse as JSON and satisfy `schema`. */
async function expectJsonAnswer(ctx: CheckContext, body: Json, schema: unknown, what: string): Promise<void> {
  const exchange = await postMethod(ctx.target, 'generateContent', body);
  const response = await okReply(ctx.use, exchange, what);
  const text = textOf(response);
  const on = { exchange: exchange.record };
  expect(text !== '', `${what}: no answer text (finishReason ${preview(finishReasonOf(response))})`, { ...on, expected: 'a JSON text part', actual: preview(response.candidates, 300) });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(`${what}: the answer is not JSON: ${preview(text, 120)}`, { ...on, expected: 'JSON text (responseMimeType application/json)', actual: preview(text, 300) });
  }
  const compiled = compileToolSchema(schema);
  if (!compiled.ok) throw new Error(`the response schema does not compile: ${compiled.error}`);
  const diagnostics = compiled.validate(value);
  expect(diagnostics.length === 0, `${what}: the JSON answer breaks the schema: ${formatDiagnostics(diagnostics, 2)}`, { ...on, expected: preview(schema, 200), actual: preview(value, 200) });
}

/** JSON mode: responseMimeType application/json with either schema form. */
export const structuredChecks: Check[] = [
  defineCheck({
    id: 'gemini/structured/response-json-schema',
    protocol,
    level: 'must',
    description: 'responseMimeType application/json with responseJsonSchema yields answer text that parses as JSON and satisfies the schema.',
    spec: STRUCTURED_DOCS,
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['structured-output'],
    run: (ctx) => expectJsonAnswer(ctx, jsonSchemaBody(), CITY_JSON_SCHEMA, 'a responseJsonSchema request'),
  }),
  defineCheck({
    id: 'gemini/structured/response-schema',
    protocol,
    level: 'must',
    description: 'responseMimeType application/json with responseSchema (the OpenAPI subset) yields answer text that parses as JSON and satisfies the schema.',
    spec: STRUCTURED_DOCS,
    clients: ['google-genai'],
    tags: ['structured-output'],
    run: (ctx) => expectJsonAnswer(ctx, responseSchemaBody(), POPULATION_JSON_SCHEMA, 'a responseSchema request'),
  }),
];
