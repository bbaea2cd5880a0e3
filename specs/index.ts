import { anthropicMessagesSpec } from './anthropic-messages/index.ts';
import { geminiSpec } from './gemini/index.ts';
import { openaiResponsesSpec } from './openai-responses/index.ts';
import { SchemaRegistry } from './tooling/schema-registry.ts';
import type { ProtocolId, ProtocolSpec } from './types.ts';

/** Every protocol spec, by id. Adding a protocol adds one entry. */
export const PROTOCOL_SPECS: Readonly<Record<ProtocolId, ProtocolSpec>> = {
  'anthropic-messages': anthropicMessagesSpec,
  gemini: geminiSpec,
  'openai-responses': openaiResponsesSpec,
};

let registry: SchemaRegistry | undefined;

/** One registry of every protocol's schemas, compiled lazily and shared by the suites. */
export function specRegistry(): SchemaRegistry {
  registry ??= new SchemaRegistry(Object.values(PROTOCOL_SPECS).flatMap((spec) => spec.schemas));
  return registry;
}

export { PROTOCOL_IDS, SCHEMA_BASE, type ProtocolId, type ProtocolSpec } from './types.ts';
export { SchemaRegistry } from './tooling/schema-registry.ts';
export { checkStreamGrammar, type StreamGrammar, type GrammarEvent } from './tooling/stream-grammar.ts';
export { compileToolSchema } from './tooling/tool-schema.ts';
export { type Diagnostic, formatDiagnostics } from './tooling/diagnostic.ts';
