import type { AnySchemaObject } from 'ajv';
import type { ProtocolSpec } from '../types.ts';

/** Base of the `$id`s of {@link driftProtocol}'s schemas. */
export const DRIFT_TEST_BASE = 'https://llm-conformance.dev/schemas/test/';

/**
 * A protocol spec with only what spec-drift reads, for tests: schemas by file name (their `$id`
 * is {@link DRIFT_TEST_BASE} + name) and the mapping by file name (`a.json`, `a.json#/$defs/X`).
 */
export function driftProtocol(schemas: Record<string, Record<string, unknown>>, mapping: Record<string, string>): ProtocolSpec {
  return {
    id: 'anthropic-messages',
    title: 'spec-drift test protocol',
    openapi: {} as ProtocolSpec['openapi'],
    grammar: {} as ProtocolSpec['grammar'],
    schemas: Object.entries(schemas).map(([name, schema]) => ({ $id: `${DRIFT_TEST_BASE}${name}`, ...schema }) as AnySchemaObject),
    officialSchemas: Object.fromEntries(Object.entries(mapping).map(([ours, official]) => [`${DRIFT_TEST_BASE}${ours}`, official])),
  };
}

/** A minimal OpenAPI 3.1 document with these component schemas. */
export function openapiDocument(schemas: Record<string, unknown>): { openapi: string; info: { title: string; version: string }; paths: object; components: { schemas: Record<string, unknown> } } {
  return { openapi: '3.1.0', info: { title: 'Test API', version: '1.0' }, paths: {}, components: { schemas } };
}
