import { readExampleFolder, type InvalidExample as AnyInvalidExample, type ValidExample as AnyValidExample } from '../tooling/examples.ts';
import type { ResponsesSchemaName } from './schema-ids.ts';

export type { StreamExample } from '../tooling/examples.ts';

/** Root of the OpenAI Responses example files (`fixtures/openai-responses/` in the package). */
export const RESPONSES_FIXTURES_URL = new URL('../../fixtures/openai-responses/', import.meta.url);

/** A body that must validate: `fixtures/openai-responses/{requests,responses}/valid/*.json`. */
export type ValidExample = AnyValidExample<ResponsesSchemaName>;

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export type InvalidExample = AnyInvalidExample<ResponsesSchemaName>;

/** Reads every `*.json` example of one folder under `fixtures/openai-responses/`, sorted by name. */
export function readExamples<T extends { readonly name: string }>(folder: string): T[] {
  return readExampleFolder<T>(RESPONSES_FIXTURES_URL, folder);
}
