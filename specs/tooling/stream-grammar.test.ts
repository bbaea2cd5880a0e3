import { describe, expect, it } from 'vitest';
import { checkStreamGrammar, readPath, type GrammarEvent, type StreamGrammar } from './stream-grammar.ts';

/** A toy protocol: open, then indexed parts (start/chunk/end), then close; `tick` keeps alive. */
const grammar: StreamGrammar = {
  protocol: 'toy',
  events: ['open', 'start', 'chunk', 'end', 'close', 'tick', 'fail'],
  keepAlive: ['tick'],
  terminalError: 'fail',
  initial: 'idle',
  final: ['done'],
  transitions: {
    idle: { open: 'body' },
    body: { start: 'part', close: 'done' },
    part: { chunk: 'part', end: 'body' },
    done: {},
  },
  blocks: {
    indexField: 'i',
    open: 'start',
    delta: 'chunk',
    close: 'end',
    blockTypeField: 'part.kind',
    deltaTypeField: 'd.kind',
    deltaTypes: { words: ['word'] },
  },
};

const ev = (type: string, data: Record<string, unknown> = {}): GrammarEvent => ({ type, data: { type, ...data } });
const start = (i: number, kind = 'words') => ev('start', { i, part: { kind } });
const chunk = (i: number, kind = 'word') => ev('chunk', { i, d: { kind } });
const end = (i: number) => ev('end', { i });
const check = (...events: GrammarEvent[]) => checkStreamGrammar(grammar, events).map((d) => `${d.path} ${d.keyword}`);

describe('checkStreamGrammar', () => {
  it('accepts a complete stream', () => {
    expect(check(ev('open'), start(0), chunk(0), chunk(0), end(0), start(1), end(1), ev('close'))).toEqual([]);
  });

  it('allows keep-alives in every non-final state, not after the end', () => {
    expect(check(ev('tick'), ev('open'), ev('tick'), start(0), ev('tick'), end(0), ev('close'))).toEqual([]);
    expect(check(ev('open'), ev('close'), ev('tick'))).toEqual(['/events/2 grammar.after-end']);
  });

  it('lets the terminal error end the stream from any non-final state', () => {
    expect(check(ev('open'), start(0), ev('fail'))).toEqual([]);
    expect(check(ev('fail'))).toEqual([]);
    expect(check(ev('open'), ev('fail'), ev('close'))).toEqual(['/events/2 grammar.after-end']);
  });

  it('reports an event out of order and keeps checking from the same state', () => {
    expect(check(ev('open'), chunk(0), ev('close'))).toEqual(['/events/1 grammar.order']);
    expect(check(start(0), ev('open'), ev('close'))).toEqual(['/events/0 grammar.order']);
  });

  it('reports unknown events, events after the end and an incomplete stream', () => {
    expect(check(ev('open'), ev('bogus'), ev('close'))).toEqual(['/events/1 grammar.unknown-event']);
    expect(check(ev('open'), ev('close'), ev('open'))).toEqual(['/events/2 grammar.after-end']);
    expect(check(ev('open'), start(0))).toEqual(['/events grammar.incomplete']);
    expect(check()).toEqual(['/events grammar.incomplete']);
  });

  it('checks block indices: from 0, consecutive, no events for closed or other blocks', () => {
    expect(check(ev('open'), start(1), end(1), ev('close'))).toEqual(['/events/1 grammar.block-index']);
    expect(check(ev('open'), start(0), end(0), start(2), end(2), ev('close'))).toEqual(['/events/3 grammar.block-index']);
    expect(check(ev('open'), start(0), end(0), start(1), chunk(0), end(1), ev('close'))).toEqual(['/events/4 grammar.block-closed']);
    expect(check(ev('open'), start(0), chunk(3), end(0), ev('close'))).toEqual(['/events/2 grammar.block-index']);
    expect(check(ev('open'), start(0), ev('chunk', { d: { kind: 'word' } }), end(0), ev('close'))).toEqual(['/events/2/i grammar.block-index']);
  });

  it('checks delta kinds per block type, and leaves unlisted block types free', () => {
    expect(check(ev('open'), start(0), chunk(0, 'json'), end(0), ev('close'))).toEqual(['/events/2 grammar.delta-type']);
    expect(check(ev('open'), start(0, 'picture'), chunk(0, 'anything'), end(0), ev('close'))).toEqual([]);
  });

  it('prints vendor-readable messages', () => {
    const [d] = checkStreamGrammar(grammar, [ev('open'), start(0), chunk(0, 'json')]);
    expect(d?.message).toBe("events.2: delta 'json' is not allowed in a 'words' block (allowed: word)");
  });
});

describe('readPath', () => {
  it('reads dotted paths and returns undefined for missing ones', () => {
    const value = { a: { b: [10, { c: 'x' }] } };
    expect(readPath(value, 'a.b.1.c')).toBe('x');
    expect(readPath(value, 'a.z.c')).toBeUndefined();
    expect(readPath('text', 'length')).toBeUndefined();
  });
});
