import { describe, expect, it } from 'vitest';
import { parseRawFrames, parseSseEvents } from './sse-parse.ts';

describe('parseRawFrames (strict framing)', () => {
  it('reads event and data lines and keeps the raw lines', () => {
    const { frames, trailing } = parseRawFrames('event: ping\ndata: {"type": "ping"}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n');
    expect(trailing).toBe('');
    expect(frames.map((f) => [f.event, f.data])).toEqual([
      ['ping', '{"type": "ping"}'],
      ['message_stop', '{"type":"message_stop"}'],
    ]);
    expect(frames[0]?.lines).toEqual(['event: ping', 'data: {"type": "ping"}']);
  });

  it('accepts CRLF and CR line endings, joins multi-line data, ignores comments and a BOM', () => {
    const { frames } = parseRawFrames('\uFEFF: keep-alive\r\ndata: a\r\ndata: b\r\n\r\ndata:c\r\r');
    expect(frames.map((f) => f.data)).toEqual(['a\nb', 'c']);
  });

  it('reports lines that are not SSE fields and a frame cut off at the end', () => {
    const { frames, trailing } = parseRawFrames('event: x\ngarbage line\ndata: 1\n\ndata: 2');
    expect(frames[0]?.strayLines).toEqual(['garbage line']);
    expect(trailing).toBe('data: 2');
  });

  it('sees a frame without an event line', () => {
    expect(parseRawFrames('data: {"type":"message_start"}\n\n').frames[0]?.event).toBeUndefined();
  });
});

describe('parseSseEvents (lenient, as clients read)', () => {
  it('yields the same events as the strict reader for well-formed input', () => {
    const body = 'event: a\ndata: 1\n\n: comment\nevent: b\ndata: 2\ndata: 3\n\n';
    expect(parseSseEvents(body).map((e) => [e.event, e.data])).toEqual(
      parseRawFrames(body).frames.map((f) => [f.event, f.data]),
    );
  });
});
