import { describe, expect, it } from 'vitest';
import { encodeSseFrame, SSE_HEADERS } from './sse-encode.ts';

describe('encodeSseFrame', () => {
  it('writes the event line, one data line and the blank line, byte for byte', () => {
    expect(encodeSseFrame({ event: 'message_stop', data: '{"type":"message_stop"}' })).toBe('event: message_stop\ndata: {"type":"message_stop"}\n\n');
  });

  it('leaves the data exactly as given (Anthropic ping keeps its space)', () => {
    expect(encodeSseFrame({ event: 'ping', data: '{"type": "ping"}' })).toBe('event: ping\ndata: {"type": "ping"}\n\n');
  });

  it('omits the event line when there is no event, and writes id after event', () => {
    expect(encodeSseFrame({ data: '[DONE]' })).toBe('data: [DONE]\n\n');
    expect(encodeSseFrame({ event: 'e', id: '7', data: 'x' })).toBe('event: e\nid: 7\ndata: x\n\n');
  });

  it('writes an empty data line for empty data', () => {
    expect(encodeSseFrame({ event: 'e', data: '' })).toBe('event: e\ndata: \n\n');
  });

  it('splits multi-line data into one data line per line, for LF, CRLF and CR', () => {
    expect(encodeSseFrame({ data: 'a\nb' })).toBe('data: a\ndata: b\n\n');
    expect(encodeSseFrame({ data: 'a\r\nb\rc\n' })).toBe('data: a\ndata: b\ndata: c\ndata: \n\n');
  });

  it('ends every line with CRLF when the frame asks for it (Gemini)', () => {
    expect(encodeSseFrame({ data: '{"a": 1}', eol: '\r\n' })).toBe('data: {"a": 1}\r\n\r\n');
    expect(encodeSseFrame({ event: 'e', data: 'a\nb', eol: '\r\n' })).toBe('event: e\r\ndata: a\r\ndata: b\r\n\r\n');
  });

  it('refuses CR or LF in the event or id field, which would split the frame', () => {
    expect(() => encodeSseFrame({ event: 'a\nb', data: 'x' })).toThrow(/event field contains a line break/);
    expect(() => encodeSseFrame({ event: 'a\rb', data: 'x' })).toThrow(/event field/);
    expect(() => encodeSseFrame({ id: '1\n', data: 'x' })).toThrow(/id field/);
  });
});

describe('SSE_HEADERS', () => {
  it('is the vendors’ content type with charset, and no-cache', () => {
    expect(SSE_HEADERS).toEqual({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  });
});
