import { readExampleFolder, type InvalidExample as AnyInvalidExample, type ValidExample as AnyValidExample } from '../tooling/examples.ts';
import type { AnthropicSchemaName } from './schema-ids.ts';

export type { StreamExample } from '../tooling/examples.ts';

/** Root of the Anthropic Messages example files (`fixtures/anthropic-messages/` in the package). */
export const ANTHROPIC_FIXTURES_URL = new URL('../../fixtures/anthropic-messages/', import.meta.url);

/** A body that must validate: `fixtures/anthropic-messages/{requests,responses}/valid/*.json`. */
export type ValidExample = AnyValidExample<AnthropicSchemaName>;

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export type InvalidExample = AnyInvalidExample<AnthropicSchemaName>;

/**
 * Reads every `*.json` example of one folder under `fixtures/anthropic-messages/`, sorted by
 * file name; `name` is the file name without `.json`.
 */
export function readExamples<T extends { readonly name: string }>(folder: string): T[] {
  return readExampleFolder<T>(ANTHROPIC_FIXTURES_URL, folder);
}
