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

/**
 * A toy of the OpenAI Responses shape: items open and close concurrently (`item+`/`item-`), carry
 * an identity, and hold parts scoped to their item (`part+`/`part-`); every event is numbered.
 */
const nested: StreamGrammar = {
  protocol: 'nested',
  events: ['begin', 'item+', 'item-', 'part+', 'text', 'part-', 'args', 'finish', 'beat'],
  keepAlive: ['beat'],
  initial: 'idle',
  final: ['done'],
  transitions: {
    idle: { begin: 'body' },
    body: { 'item+': 'body', 'item-': 'body', 'part+': 'body', text: 'body', 'part-': 'body', args: 'body', finish: 'done' },
    done: {},
  },
  blocks: {
    indexField: 'o',
    open: 'item+',
    delta: 'text',
    deltaEvents: ['part+', 'part-', 'args'],
    close: 'item-',
    blockTypeField: 'item.kind',
    deltaTypeField: 'type',
    deltaTypes: { message: ['part+', 'text', 'part-'], call: ['args'] },
    concurrent: true,
    identity: { announced: 'item.id', carried: 'item_id' },
    closeBefore: ['finish'],
  },
  subStreams: [
    {
      indexField: 'c',
      scopeField: 'o',
      scopeClose: 'item-',
      open: 'part+',
      delta: 'text',
      close: 'part-',
      blockTypeField: 'part.kind',
      deltaTypeField: 'type',
      deltaTypes: {},
    },
  ],
  sequence: { field: 'seq', start: 0 },
};

/** Numbers the events 0, 1, 2… as a conformant server would. */
const numbered = (...events: GrammarEvent[]): GrammarEvent[] => events.map((e, seq) => ({ type: e.type, data: { ...(e.data as object), seq } }));
const item = (o: number, kind: string, id = `it_${o}`) => ev('item+', { o, item: { kind, id } });
const itemDone = (o: number, id = `it_${o}`) => ev('item-', { o, item: { id } });
const part = (o: number, c: number) => ev('part+', { o, c, item_id: `it_${o}`, part: { kind: 'text' } });
const text = (o: number, c: number, itemId = `it_${o}`) => ev('text', { o, c, item_id: itemId });
const partDone = (o: number, c: number) => ev('part-', { o, c, item_id: `it_${o}` });
const args = (o: number) => ev('args', { o, item_id: `it_${o}` });
const checkNested = (events: GrammarEvent[]) => checkStreamGrammar(nested, events).map((d) => `${d.path} ${d.keyword}`);

describe('checkStreamGrammar: sub-streams, identities and sequence numbers', () => {
  const message = (o: number) => [item(o, 'message'), part(o, 0), text(o, 0), partDone(o, 0), part(o, 1), text(o, 1), partDone(o, 1), itemDone(o)];

  it('accepts nested, numbered streams whose items interleave', () => {
    expect(checkNested(numbered(ev('begin'), ...message(0), ...message(1), ev('finish')))).toEqual([]);
    expect(checkNested(numbered(ev('begin'), item(0, 'message'), item(1, 'call'), args(1), part(0, 0), text(0, 0), partDone(0, 0), itemDone(1), itemDone(0), ev('finish')))).toEqual([]);
  });

  it('numbers keep-alives too, and reports a missing, repeated or skipped number once', () => {
    expect(checkNested(numbered(ev('begin'), ev('beat'), ev('finish')))).toEqual([]);
    const events = numbered(ev('begin'), item(0, 'call'), args(0), itemDone(0), ev('finish'));
    const withGap = events.map((e, i) => (i >= 2 ? { ...e, data: { ...(e.data as object), seq: i + 1 } } : e));
    expect(checkNested(withGap)).toEqual(['/events/2/seq grammar.sequence']);
    const missing = events.map((e, i) => (i === 1 ? { ...e, data: { ...(e.data as object), seq: undefined } } : e));
    expect(checkNested(missing)).toEqual(['/events/1/seq grammar.sequence']);
    const fromOne = events.map((e, i) => ({ ...e, data: { ...(e.data as object), seq: i + 1 } }));
    expect(checkNested(fromOne)).toEqual(['/events/0/seq grammar.sequence']);
  });

  it('restarts scoped indices in each enclosing block and keeps their open parts apart', () => {
    expect(checkNested(numbered(ev('begin'), item(0, 'message'), item(1, 'message'), part(1, 0), part(0, 0), text(0, 0), text(1, 0), partDone(1, 0), partDone(0, 0), itemDone(0), itemDone(1), ev('finish')))).toEqual([]);
    expect(checkNested(numbered(ev('begin'), item(0, 'message'), part(0, 1), partDone(0, 1), itemDone(0), ev('finish')))).toEqual(['/events/2 grammar.block-index']);
  });

  it('reports a delta naming another item than the one announced at its index', () => {
    expect(checkNested(numbered(ev('begin'), item(0, 'message'), part(0, 0), text(0, 0, 'it_9'), partDone(0, 0), itemDone(0), ev('finish')))).toEqual([
      '/events/3/item_id grammar.block-identity',
    ]);
    expect(checkNested(numbered(ev('begin'), item(0, 'call'), itemDone(0, 'it_7'), ev('finish')))).toEqual(['/events/2/item/id grammar.block-identity']);
  });

  it('reports deltas for items never announced and item kinds receiving foreign events', () => {
    expect(checkNested(numbered(ev('begin'), args(0), ev('finish')))).toEqual(['/events/1 grammar.block-index']);
    expect(checkNested(numbered(ev('begin'), item(0, 'call'), part(0, 0), partDone(0, 0), itemDone(0), ev('finish')))).toEqual([
      '/events/2 grammar.delta-type',
      '/events/3 grammar.delta-type',
    ]);
  });

  it('reports blocks left open before the final event and parts left open when their item closes', () => {
    expect(checkNested(numbered(ev('begin'), item(0, 'call'), ev('finish')))).toEqual(['/events/2 grammar.block-unclosed']);
    expect(checkNested(numbered(ev('begin'), item(0, 'message'), part(0, 0), itemDone(0), ev('finish')))).toEqual(['/events/3 grammar.block-unclosed']);
  });
});
