import { readdirSync, readFileSync } from 'node:fs';
import type { AnthropicSchemaName } from './schema-ids.ts';

/** Root of the Anthropic Messages example files (`fixtures/anthropic-messages/` in the package). */
export const ANTHROPIC_FIXTURES_URL = new URL('../../fixtures/anthropic-messages/', import.meta.url);

/** A body that must validate: `fixtures/anthropic-messages/{requests,responses}/valid/*.json`. */
export interface ValidExample {
  readonly name: string;
  readonly description: string;
  /** Which schema the body is checked against; requests default to `createMessageRequest`. */
  readonly schema?: AnthropicSchemaName;
  readonly body: unknown;
}

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export interface InvalidExample extends ValidExample {
  /** Dotted field of the first diagnostic (`messages.0.content.0.text`), '' for the root. */
  readonly expectField: string;
  readonly expectMessageIncludes: string;
}

/** An event sequence (each item is the JSON data of one SSE event): `streams/{valid,invalid}/*.json`. */
export interface StreamExample {
  readonly name: string;
  readonly description: string;
  readonly events: readonly { readonly type: string }[];
  /** For invalid streams: the grammar rule id and JSON Pointer of the expected diagnostic. */
  readonly expectKeyword?: string;
  readonly expectPath?: string;
}

/**
 * Reads every `*.json` example of one folder under `fixtures/anthropic-messages/`, sorted by
 * file name; `name` is the file name without `.json`.
 */
export function readExamples<T extends { readonly name: string }>(folder: string): T[] {
  const dir = new URL(`${folder}/`, ANTHROPIC_FIXTURES_URL);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), ...JSON.parse(readFileSync(new URL(file, dir), 'utf8')) }) as T);
}
