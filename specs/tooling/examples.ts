import { readdirSync, readFileSync } from 'node:fs';

/** A body that must validate: `{description, schema?, body}` in a `valid/` folder. */
export interface ValidExample<Schema extends string = string> {
  readonly name: string;
  readonly description: string;
  /** Which schema the body is checked against (a key of the protocol's schema ids); folders give a default. */
  readonly schema?: Schema;
  readonly body: unknown;
}

/** A body that must fail, and the first (most specific) diagnostic it must produce. */
export interface InvalidExample<Schema extends string = string> extends ValidExample<Schema> {
  /** Dotted field of the first diagnostic (`messages.0.content`), '' for the root. */
  readonly expectField: string;
  readonly expectMessageIncludes: string;
}

/** A stream as the JSON `data` of each event, with the grammar diagnostic an invalid one must produce. */
export interface StreamExample<Event = unknown> {
  readonly name: string;
  readonly description: string;
  readonly events: readonly Event[];
  /** For invalid streams: the grammar rule id and JSON Pointer of the expected diagnostic. */
  readonly expectKeyword?: string;
  readonly expectPath?: string;
}

/**
 * Reads every `*.json` example of one folder under a protocol's fixtures root, sorted by file
 * name; `name` is the file name without `.json`.
 */
export function readExamples<T extends { readonly name: string }>(root: URL, folder: string): T[] {
  const dir = new URL(`${folder}/`, root);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), ...JSON.parse(readFileSync(new URL(file, dir), 'utf8')) }) as T);
}
