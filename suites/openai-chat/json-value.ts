import { formatDiagnostics } from '../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../specs/tooling/tool-schema.ts';
import { excerpt, expect, fail, preview } from '../harness/assert.ts';
import { parseJsonText } from './chunks.ts';

/**
 * Fails unless `text` (tool-call arguments, structured content: JSON the model wrote) parses to a
 * value that satisfies `schema`; returns the value.
 *
 * @see https://platform.openai.com/docs/guides/function-calling
 * @see https://platform.openai.com/docs/guides/structured-outputs
 */
export function expectJsonText(text: unknown, schema: Readonly<Record<string, unknown>>, where: string): unknown {
  expect(typeof text === 'string', `${where} is ${preview(text, 80)}, not JSON text`, { expected: 'a string of JSON', actual: preview(text, 200) });
  const parsed = parseJsonText(text);
  if (!parsed.ok) fail(`${where} is not JSON: ${excerpt(text, 100)}`, { expected: 'JSON text', actual: excerpt(text, 300) });
  const compiled = compileToolSchema(schema);
  if (!compiled.ok) throw new Error(`[llm-conformance] the suite's own schema does not compile: ${compiled.error}`);
  const diagnostics = compiled.validate(parsed.value);
  expect(diagnostics.length === 0, `${where} ${preview(parsed.value, 120)} breaks its schema: ${formatDiagnostics(diagnostics, 2)}`, {
    expected: 'a value satisfying the schema',
    actual: preview(parsed.value, 300),
  });
  return parsed.value;
}
