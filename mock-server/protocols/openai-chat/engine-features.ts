/**
 * Which reply-engine features exist yet, probed at run time (for tests only). Structured output
 * (`CanonicalRequest.output`) is decoded by this adapter already; the engine side lands with the
 * Anthropic work. Tests that need it run once the engine honours it.
 *
 * TODO(lead): once the engine change is merged, drop this probe and the `runIf` gates that use it.
 */
import { generateReply } from '../../core/reply-engine.ts';
import { canonicalRequest } from '../../test-support.ts';

function producesJson(): boolean {
  const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
  const reply = generateReply(canonicalRequest({ output: { kind: 'json', schema } }), { toolCallId: (i) => `call_${i}` });
  const text = reply.blocks.find((b) => b.kind === 'text');
  if (text?.kind !== 'text') return false;
  try {
    const value: unknown = JSON.parse(text.text);
    return value !== null && typeof value === 'object' && 'answer' in value;
  } catch {
    return false;
  }
}

/** The engine writes JSON matching `output.schema` (Structured Outputs, JSON mode). */
export const ENGINE_STRUCTURED_OUTPUT = producesJson();

/** The engine answers one call per name when `required` + `parallel` forces a set of tools (`toolChoice.names`). */
export const ENGINE_PARALLEL_CALLS = (() => {
  const tool = (name: string) => ({ name, inputSchema: { type: 'object', properties: {} } });
  const toolChoice = Object.assign({ mode: 'required' as const, parallel: true }, { names: ['a', 'b'] });
  const reply = generateReply(canonicalRequest({ tools: [tool('a'), tool('b')], toolChoice }), { toolCallId: (i) => `call_${i}` });
  return reply.blocks.filter((b) => b.kind === 'tool-call').length > 1;
})();
