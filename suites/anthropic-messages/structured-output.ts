import { formatDiagnostics } from '../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import { excerpt, expect, fail, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import type { ExchangeRecord } from '../harness/recorder.ts';
import { okJson } from '../harness/replies.ts';
import { requireObserved } from '../harness/verdict.ts';
import { requireCapabilityAccepted } from './envelope.ts';
import { postMessages } from './exchanges.ts';
import { CAPITAL_SCHEMA, structuredBody } from './requests.ts';

/**
 * Structured output (`output_config.format: {type: "json_schema", schema}`): the reply text is
 * JSON valid against the caller's schema. An optional capability: a clean 400 to the request
 * means the target (or model) does not offer it. A target that accepts the field and answers
 * free text silently breaks every client that asked for an object.
 *
 * @see https://docs.claude.com/en/docs/build-with-claude/structured-outputs
 */

const p = (name: string) => `anthropic-messages/${name}`;

/** Stop reasons under which the reply is not whole (a cut JSON, a refusal): nothing to judge. */
const NOT_WHOLE = new Set(['max_tokens', 'refusal']);

/** The structured-output request, not streamed. A clean 400 skips every structured-output check. */
export const structuredReply = defineExchange({
  id: p('structured-output'),
  owner: p('structured-output/json-schema'),
  description: 'POST /v1/messages with output_config.format json_schema',
  make: async ({ target }) => {
    const exchange = await postMessages(target, structuredBody(target.model));
    requireCapabilityAccepted(exchange, 'offer structured output (output_config.format)');
    return { exchange, message: okJson(exchange, 'the structured-output request') };
  },
});

/**
 * Fails unless `text` (the reply's text blocks joined) is JSON that validates against the
 * requested schema. A reply that did not end on its own (max_tokens, refusal) is not judged.
 */
export function expectStructuredText(text: string, stopReason: unknown, where: string, exchange: ExchangeRecord | undefined): void {
  requireObserved(!NOT_WHOLE.has(String(stopReason)), `${where} did not end on its own (stop_reason ${preview(stopReason)}), so its JSON was not complete`);
  const on = { exchange, expected: `JSON valid against ${JSON.stringify(CAPITAL_SCHEMA)}` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(`${where}: the text is not JSON (output_config.format was ignored?): ${excerpt(text, 120)}`, { ...on, actual: text === '' ? '(no text)' : excerpt(text, 300) });
  }
  const compiled = compileToolSchema(CAPITAL_SCHEMA);
  if (!compiled.ok) throw new Error(`the structured-output schema does not compile: ${compiled.error}`);
  const diagnostics = compiled.validate(value);
  expect(diagnostics.length === 0, `${where}: the JSON ${preview(value)} breaks the requested schema: ${formatDiagnostics(diagnostics, 2)}`, { ...on, actual: preview(value, 300) });
}

/** Every shared exchange of the structured-output checks. */
export const structuredOutputExchanges: readonly SharedExchange<unknown>[] = [structuredReply];
