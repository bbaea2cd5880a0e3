import { exampleReader } from '../tooling/examples.ts';

/** Root of the OpenAI Responses example files (`fixtures/openai-responses/` in the package). */
export const RESPONSES_FIXTURES_URL = new URL('../../fixtures/openai-responses/', import.meta.url);

/**
 * Reads every `*.json` example of one folder under `fixtures/openai-responses/`, sorted by name;
 * `schema` in an example names a `RESPONSES_SCHEMA_IDS` key or `errorResponse`.
 */
export const readExamples = exampleReader(RESPONSES_FIXTURES_URL);
