import { exampleReader } from '../tooling/examples.ts';

/** Root of the OpenAI Chat example files (`fixtures/openai-chat/` in the package). */
export const OPENAI_CHAT_FIXTURES_URL = new URL('../../fixtures/openai-chat/', import.meta.url);

/** Every `*.json` example of one folder under `fixtures/openai-chat/`, sorted by file name. */
export const readExamples = exampleReader(OPENAI_CHAT_FIXTURES_URL);
