import type { AnySchemaObject } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { StreamGrammar } from './tooling/stream-grammar.ts';

/** Stable protocol ids, as used in check ids, `--protocol` and folder names. */
export const PROTOCOL_IDS = ['anthropic-messages', 'gemini', 'openai-responses'] as const;
export type ProtocolId = (typeof PROTOCOL_IDS)[number];

/**
 * Everything the project knows about one wire protocol, as data: JSON Schemas (each with an
 * absolute `$id`), the OpenAPI 3.1 document that ties paths, headers and schemas together, and
 * the stream grammar. The mock and the suites both read this; neither declares it a second time.
 */
export interface ProtocolSpec {
  readonly id: ProtocolId;
  readonly title: string;
  readonly openapi: OpenAPIV3_1.Document;
  readonly schemas: readonly AnySchemaObject[];
  readonly grammar: StreamGrammar;
  /**
   * Which official OpenAPI component each of our schemas corresponds to, for `llm-conformance
   * spec-drift`: keys are our schema references (a schema `$id`, or `$id#/$defs/Name`), values
   * component names under the official document's `#/components/schemas/`. Nested schemas reached
   * through properties, items and variants are compared too; map a `$def` when it is reached
   * through a different path, or not at all.
   */
  readonly officialSchemas?: Readonly<Record<string, string>>;
}

/** Base URI of every schema `$id` in this project (never fetched; it only names schemas). */
export const SCHEMA_BASE = 'https://llm-conformance.dev/schemas/';
