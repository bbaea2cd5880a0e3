import { describe, expect, it } from 'vitest';
import { readWireBody, toWebResponse, type WireReply } from './wire-reply.ts';

describe('toWebResponse', () => {
  it('copies status, headers and a string body', async () => {
    const res = toWebResponse({ status: 201, headers: { 'x-a': '1' }, body: 'hello' });
    expect([res.status, res.headers.get('x-a'), await res.text()]).toEqual([201, '1', 'hello']);
  });

  it('streams sync and async iterables in order, UTF-8 encoded', async () => {
    async function* frames() {
      yield 'a';
      yield 'é👋';
    }
    expect(await toWebResponse({ status: 200, headers: {}, body: ['x', 'y', '中'] }).text()).toBe('xy中');
    expect(await toWebResponse({ status: 200, headers: {}, body: frames() }).text()).toBe('aé👋');
  });

  it('sends no body for 204', async () => {
    const res = toWebResponse({ status: 204, headers: {}, body: '' });
    expect(res.body).toBeNull();
  });

  it('stops the source when the reader cancels', async () => {
    let finished = false;
    function* endless() {
      try {
        for (let i = 0; ; i++) yield String(i);
      } finally {
        finished = true;
      }
    }
    const res = toWebResponse({ status: 200, headers: {}, body: endless() });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});

describe('readWireBody', () => {
  it('joins every kind of body', async () => {
    const reply = (body: WireReply['body']): WireReply => ({ status: 200, headers: {}, body });
    async function* two() {
      yield '1';
      yield '2';
    }
    expect(await readWireBody(reply('s'))).toBe('s');
    expect(await readWireBody(reply(['a', 'b']))).toBe('ab');
    expect(await readWireBody(reply(two()))).toBe('12');
  });
});

describe('byte chunks', () => {
  it('pass through unchanged, one read each, even when they split a character', async () => {
    const euro = new TextEncoder().encode('€');
    const reply: WireReply = { status: 200, headers: {}, body: [euro.slice(0, 1), 'x', euro.slice(1)] };
    const reader = toWebResponse(reply).body!.getReader();
    const reads: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) reads.push(r.value.byteLength);
    expect(reads).toEqual([1, 1, 2]);
    expect(await readWireBody({ ...reply, body: [euro.slice(0, 1), euro.slice(1), 'x'] })).toBe('€x');
  });
});
