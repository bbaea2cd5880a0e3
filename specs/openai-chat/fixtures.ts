import { type InvalidExample as Invalid, readExamples as readFrom, type StreamExample, type ValidExample as Valid } from '../tooling/examples.ts';
import type { OpenAIChatSchemaName } from './schema-ids.ts';

export type { StreamExample };

/** Root of the OpenAI Chat example files (`fixtures/openai-chat/` in the package). */
export const OPENAI_CHAT_FIXTURES_URL = new URL('../../fixtures/openai-chat/', import.meta.url);

/** A body that must validate; `schema` names a key of `OPENAI_CHAT_SCHEMA_IDS`. */
export type ValidExample = Valid<OpenAIChatSchemaName>;

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export type InvalidExample = Invalid<OpenAIChatSchemaName>;

/** Every `*.json` example of one folder under `fixtures/openai-chat/`, sorted by file name. */
export function readExamples<T extends { readonly name: string }>(folder: string): T[] {
  return readFrom<T>(OPENAI_CHAT_FIXTURES_URL, folder);
}
