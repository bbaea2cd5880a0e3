import { readdirSync, readFileSync } from 'node:fs';

/**
 * Hand-written schema and stream examples (`fixtures/<protocol>/…`), read the same way by every
 * protocol's spec tests. (Captured client requests: `fixtures/captures/read-captures.ts`.)
 */

/** A body that must validate: `{requests,responses}/valid/*.json`. `S` names the protocol's schemas. */
export interface ValidExample<S extends string = string> {
  readonly name: string;
  readonly description: string;
  /** Which schema the body is checked against (each folder has a default). */
  readonly schema?: S;
  readonly body: unknown;
}

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export interface InvalidExample<S extends string = string> extends ValidExample<S> {
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
 * Reads every `*.json` example of `folder` under `root`, sorted by file name; `name` is the file
 * name without `.json`.
 */
export function readExampleFolder<T extends { readonly name: string }>(root: URL, folder: string): T[] {
  const dir = new URL(`${folder}/`, root);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), ...JSON.parse(readFileSync(new URL(file, dir), 'utf8')) }) as T);
}

/** A reader of the example folders under `root` (`readExamples('requests/valid')`). */
export function exampleReader(root: URL): <T extends { readonly name: string }>(folder: string) => T[] {
  return (folder) => readExampleFolder(root, folder);
}
