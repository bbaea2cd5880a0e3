import { exampleReader, type InvalidExample as AnyInvalidExample, type ValidExample as AnyValidExample } from '../tooling/examples.ts';
import type { AnthropicSchemaName } from './schema-ids.ts';

export type { StreamExample } from '../tooling/examples.ts';

/** Root of the Anthropic Messages example files (`fixtures/anthropic-messages/` in the package). */
export const ANTHROPIC_FIXTURES_URL = new URL('../../fixtures/anthropic-messages/', import.meta.url);

/** A body that must validate (`schema` names an `ANTHROPIC_SCHEMA_IDS` key), or fail with the expected diagnostic. */
export type ValidExample = AnyValidExample<AnthropicSchemaName>;
export type InvalidExample = AnyInvalidExample<AnthropicSchemaName>;

/** Reads every `*.json` example of one folder under `fixtures/anthropic-messages/`, sorted by file name. */
export const readExamples = exampleReader(ANTHROPIC_FIXTURES_URL);
