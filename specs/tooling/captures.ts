import { readdirSync, readFileSync } from 'node:fs';

/** One request a real client sent (`fixtures/captures/*.jsonl`; credentials redacted). */
export interface Capture {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

const CAPTURES_DIR = new URL('../../fixtures/captures/', import.meta.url);

/** Every captured request, with the file it comes from (`openai-chat.jsonl`), in file order. */
export function readCaptures(): { readonly file: string; readonly capture: Capture }[] {
  return readdirSync(CAPTURES_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(new URL(file, CAPTURES_DIR), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => ({ file, capture: JSON.parse(line) as Capture })),
    );
}
