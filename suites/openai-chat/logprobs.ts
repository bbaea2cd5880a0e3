import { OPENAI_CHAT_SCHEMA_IDS } from '../../specs/openai-chat/index.ts';
import { expect, expectSchema, preview } from '../harness/assert.ts';
import { jsonObject } from '../harness/http.ts';

/**
 * Reading token logprobs: the entries of a choice, and the text they spell. A token may hold part
 * of a multi-byte character (its `token` is then not valid text on its own), so the text is
 * rebuilt from the entries' `bytes` when every entry has them, else from the tokens.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices-logprobs
 */

/** One logprob entry, as read from the target. */
export interface LogprobEntry {
  readonly token: unknown;
  readonly logprob: unknown;
  readonly bytes: unknown;
  readonly top_logprobs: unknown;
}

/** The text the entries spell. */
export function spelledText(entries: readonly unknown[]): string {
  const read = entries.map((e) => (jsonObject(e) ?? {}) as Partial<LogprobEntry>);
  const bytes = read.map((e) => e.bytes);
  if (bytes.every((b) => Array.isArray(b) && b.every((x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 255))) {
    return new TextDecoder().decode(new Uint8Array((bytes as number[][]).flat()));
  }
  return read.map((e) => (typeof e.token === 'string' ? e.token : '')).join('');
}

/**
 * Fails unless `entries` are well-formed logprobs (the schema's `TokenLogprob`, at most `top`
 * alternatives each) that spell `text`.
 */
export function expectLogprobs(entries: readonly unknown[], text: string, top: number, where: string): void {
  expectSchema(`${OPENAI_CHAT_SCHEMA_IDS.completionParts}#/$defs/Logprobs`, { content: entries, refusal: null }, `${where}: the logprobs`);
  const tooMany = entries.find((e) => {
    const alternatives = (jsonObject(e) ?? {}).top_logprobs;
    return Array.isArray(alternatives) && alternatives.length > top;
  });
  expect(tooMany === undefined, `${where}: an entry has more than top_logprobs ${top} alternatives: ${preview(tooMany, 200)}`, { expected: `at most ${top} top_logprobs`, actual: preview(tooMany, 200) });
  const spelled = spelledText(entries);
  expect(spelled === text, `${where}: the logprob tokens spell ${preview(spelled, 80)}, but the text is ${preview(text, 80)}`, { expected: preview(text), actual: preview(spelled) });
}

/** The numbers of two entry lists, paired (for agreement checks); `undefined` when the tokens differ. */
export function pairedLogprobs(a: readonly unknown[], b: readonly unknown[]): [number, number][] | undefined {
  if (a.length !== b.length) return undefined;
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [jsonObject(a[i]) ?? {}, jsonObject(b[i]) ?? {}];
    if (x.token !== y.token || typeof x.logprob !== 'number' || typeof y.logprob !== 'number') return undefined;
    pairs.push([x.logprob, y.logprob]);
  }
  return pairs;
}
