import { type InvalidExample as Invalid, readExamples as readFrom, type StreamExample as Stream, type ValidExample as Valid } from '../tooling/examples.ts';
import type { AnthropicSchemaName } from './schema-ids.ts';

/** Root of the Anthropic Messages example files (`fixtures/anthropic-messages/` in the package). */
export const ANTHROPIC_FIXTURES_URL = new URL('../../fixtures/anthropic-messages/', import.meta.url);

/** A body that must validate: `fixtures/anthropic-messages/{requests,responses}/valid/*.json`. */
export type ValidExample = Valid<AnthropicSchemaName>;

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export type InvalidExample = Invalid<AnthropicSchemaName>;

/** An event sequence (each item is the JSON data of one SSE event): `streams/{valid,invalid}/*.json`. */
export type StreamExample = Stream<{ readonly type: string }>;

/**
 * Reads every `*.json` example of one folder under `fixtures/anthropic-messages/`, sorted by
 * file name; `name` is the file name without `.json`.
 */
export function readExamples<T extends { readonly name: string }>(folder: string): T[] {
  return readFrom<T>(ANTHROPIC_FIXTURES_URL, folder);
}
