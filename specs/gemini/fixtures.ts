import { readdirSync, readFileSync } from 'node:fs';
import type { GeminiSchemaName } from './schema-ids.ts';

/** Root of the Gemini example files (`fixtures/gemini/` in the package). */
export const GEMINI_FIXTURES_URL = new URL('../../fixtures/gemini/', import.meta.url);

/** A body that must validate: `fixtures/gemini/{requests,responses}/valid/*.json`. */
export interface GeminiValidExample {
  readonly name: string;
  readonly description: string;
  /** Which schema the body is checked against; requests default to `generateContentRequest`. */
  readonly schema?: GeminiSchemaName;
  readonly body: unknown;
}

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export interface GeminiInvalidExample extends GeminiValidExample {
  /** JSON Pointer of the first diagnostic ('' for the root). */
  readonly expectPath: string;
  readonly expectKeyword: string;
}

/** A stream (each item one chunk's JSON), with the expected first grammar diagnostic when invalid. */
export interface GeminiStreamExample {
  readonly name: string;
  readonly description: string;
  readonly chunks: readonly unknown[];
  readonly expectKeyword?: string;
  readonly expectPath?: string;
}

/** Every `*.json` example of one folder under `fixtures/gemini/`, sorted by file name. */
export function readGeminiExamples<T extends { readonly name: string }>(folder: string): T[] {
  const dir = new URL(`${folder}/`, GEMINI_FIXTURES_URL);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), ...JSON.parse(readFileSync(new URL(file, dir), 'utf8')) }) as T);
}
