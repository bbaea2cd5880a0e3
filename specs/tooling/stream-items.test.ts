import { describe, expect, it } from 'vitest';
import { checkStreamGrammar, type GrammarEvent, type StreamGrammar } from './stream-grammar.ts';

/** A toy stream of `part` events carrying interleaved `lanes[]`, each with nested `calls[]`. */
const grammar: StreamGrammar = {
  protocol: 'toy-items',
  events: ['part', 'fail', 'stop'],
  keepAlive: [],
  terminalError: 'fail',
  initial: 'start',
  final: ['end'],
  transitions: { start: { part: 'body' }, body: { part: 'body', stop: 'end' }, end: {} },
  items: {
    list: 'lanes',
    indexField: 'index',
    ordered: false,
    firstRequires: ['delta.role'],
    endField: 'finish',
    mustEnd: true,
    nested: { list: 'delta.calls', indexField: 'index', ordered: true, firstRequires: ['id'], stable: ['id', 'fn.name'] },
  },
};

type Lane = { index?: unknown; delta?: Record<string, unknown>; finish?: string | null };
const part = (...lanes: Lane[]): GrammarEvent => ({ type: 'part', data: { lanes } });
const stop: GrammarEvent = { type: 'stop', data: {} };
const check = (...events: GrammarEvent[]) => checkStreamGrammar(grammar, events).map((d) => `${d.path} ${d.keyword}`);

describe('interleaved item rules', () => {
  it('accept interleaved lanes that open with their role and end with their finish', () => {
    expect(
      check(
        part({ index: 0, delta: { role: 'a' } }),
        part({ index: 1, delta: { role: 'a' } }),
        part({ index: 0, delta: {} }, { index: 1, delta: {} }),
        part({ index: 1, delta: {}, finish: 'stop' }),
        part({ index: 0, delta: {}, finish: 'stop' }),
        stop,
      ),
    ).toEqual([]);
  });

  it('report a lane whose first item lacks the required field, or has no integer index', () => {
    expect(check(part({ index: 0, delta: {} }, { index: 'x' }), part({ index: 0, delta: {}, finish: 'stop' }), stop)).toEqual([
      '/events/0/lanes/0 grammar.item-first',
      '/events/0/lanes/1/index grammar.item-index',
    ]);
  });

  it('report items after a lane ended, and lanes that never end once the stream completed', () => {
    expect(check(part({ index: 0, delta: { role: 'a' }, finish: 'stop' }), part({ index: 0, delta: {} }), stop)).toEqual(['/events/1/lanes/0 grammar.item-ended']);
    expect(check(part({ index: 0, delta: { role: 'a' } }), stop)).toEqual(['/events grammar.item-unfinished']);
  });

  it('do not ask lanes to end when an in-band error cut the stream', () => {
    expect(check(part({ index: 0, delta: { role: 'a' } }), { type: 'fail', data: {} })).toEqual([]);
  });

  it('check nested calls per lane: opened in order, identity first, never changed', () => {
    const lane = (calls: unknown[], extra: Lane = {}): Lane => ({ index: 0, delta: { role: 'a', calls }, ...extra });
    expect(check(part(lane([{ index: 0, id: 'c0', fn: { name: 'f' } }, { index: 1, id: 'c1' }])), part({ index: 0, delta: { calls: [{ index: 0, fn: { name: 'f' } }] }, finish: 'x' }), stop)).toEqual([]);
    expect(check(part(lane([{ index: 1, id: 'c1' }], { finish: 'x' })), stop)).toEqual(['/events/0/lanes/0/delta/calls/0 grammar.item-index']);
    expect(check(part(lane([{ index: 0 }], { finish: 'x' })), stop)).toEqual(['/events/0/lanes/0/delta/calls/0 grammar.item-first']);
    expect(check(part(lane([{ index: 0, id: 'c0', fn: { name: 'f' } }])), part({ index: 0, delta: { calls: [{ index: 0, fn: { name: 'g' } }] }, finish: 'x' }), stop)).toEqual([
      '/events/1/lanes/0/delta/calls/0 grammar.item-changed',
    ]);
  });

  it('track nested indices per lane (lane 1 starts its own calls at 0)', () => {
    const opening = (index: number) => ({ index, delta: { role: 'a', calls: [{ index: 0, id: `c${index}` }] }, finish: 'x' });
    expect(check(part(opening(0)), part(opening(1)), stop)).toEqual([]);
  });

  it('name the lane in messages', () => {
    const [d] = checkStreamGrammar(grammar, [part({ index: 0, delta: { role: 'a', calls: [{ index: 0 }] }, finish: 'x' }), stop]);
    expect(d?.message).toBe('events.0.lanes.0.delta.calls.0: the first item of lane 0 call 0 has no id');
  });
});
