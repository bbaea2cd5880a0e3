import { describe, expect, it } from 'vitest';
import { jsonArrayChunks, prettyJson, sseJson } from './wire-json.ts';

describe('Google JSON spellings', () => {
  const value = { candidates: [{ content: { parts: [{ text: 'a<b> & c' }], role: 'model' }, index: 0 }], empty: [], none: {} };

  it('writes SSE data with ": " after keys and bare commas, as the live stream does', () => {
    expect(sseJson(value)).toBe('{"candidates": [{"content": {"parts": [{"text": "a\\u003cb\\u003e \\u0026 c"}],"role": "model"},"index": 0}],"empty": [],"none": {}}');
    expect(JSON.parse(sseJson(value))).toEqual(value);
    expect(sseJson({ a: undefined, b: [undefined, 1] })).toBe('{"b": [null,1]}');
  });

  it('pretty-prints bodies with two spaces and a final newline, escaping <, > and &', () => {
    expect(prettyJson({ a: [1], b: '<' })).toBe('{\n  "a": [\n    1\n  ],\n  "b": "\\u003c"\n}\n');
  });

  it('frames a JSON array stream as [element \\n,\\r\\n element \\n]', () => {
    const chunks = jsonArrayChunks([
      { type: 'chunk', data: { a: 1 } },
      { type: 'final', data: { b: 2 } },
    ]);
    expect(chunks).toEqual(['[{\n  "a": 1\n}', '\n,\r\n{\n  "b": 2\n}', '\n]']);
    expect(JSON.parse(chunks.join(''))).toEqual([{ a: 1 }, { b: 2 }]);
    expect(jsonArrayChunks([])).toEqual(['[]']);
  });
});
