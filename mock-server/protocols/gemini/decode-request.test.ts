import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS } from '../../core/model-catalog.ts';
import { decodeRequest } from './decode-request.ts';
import type { GeminiRequestBody } from './wire-types.ts';

const model = (id: string) => DEFAULT_MODELS.find((m) => m.id === id)!;
const FLASH = model('gemini-2.5-flash');
const user = (text: string) => ({ role: 'user', parts: [{ text }] });

describe('decodeRequest', () => {
  it('maps roles, system instruction and parts onto the canonical turn model', () => {
    const request = decodeRequest(
      {
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        contents: [
          user('Look'),
          { role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: 'AA==' } }, { fileData: { fileUri: 'https://x/files/abc', mimeType: 'application/pdf' } }] },
          { role: 'model', parts: [{ text: 'thinking…', thought: true, thoughtSignature: 'c2ln' }, { text: 'Seen.' }] },
        ],
      },
      FLASH,
      false,
    );
    expect(request.system).toEqual([{ kind: 'text', text: 'Be brief.' }]);
    expect(request.messages.map((m) => m.role)).toEqual(['user', 'user', 'assistant']);
    expect(request.messages[1]!.parts).toEqual([
      { kind: 'image', source: 'base64', mediaType: 'image/png', data: 'AA==' },
      { kind: 'document', source: 'file' },
    ]);
    expect(request.messages[2]!.parts).toEqual([
      { kind: 'thinking', text: 'thinking…', signature: 'c2ln' },
      { kind: 'text', text: 'Seen.' },
    ]);
  });

  it('pairs function responses with their calls by id, else by name', () => {
    const request = decodeRequest(
      {
        contents: [
          user('Q'),
          { role: 'model', parts: [{ functionCall: { name: 'a', args: {} } }, { functionCall: { id: 'x9', name: 'b', args: {} } }] },
          { role: 'user', parts: [{ functionResponse: { id: 'x9', name: 'b', response: { ok: 1 } } }, { functionResponse: { name: 'a', response: { error: 'no' } } }] },
        ],
      },
      FLASH,
      false,
    );
    const calls = request.messages[1]!.parts.map((p) => (p.kind === 'tool-call' ? p.id : ''));
    const results = request.messages[2]!.parts.map((p) => (p.kind === 'tool-result' ? [p.callId, p.isError] : []));
    expect(results).toEqual([
      [calls[1], false],
      [calls[0], true],
    ]);
  });

  it('reads tool choice: ANY forces a call (to an allowed name), NONE forbids, AUTO chooses', () => {
    const tools = [{ functionDeclarations: [{ name: 'a' }, { name: 'b' }] }];
    const choice = (functionCallingConfig: object) => decodeRequest({ contents: [user('Q')], tools, toolConfig: { functionCallingConfig } } as GeminiRequestBody, FLASH, false).toolChoice;
    expect(choice({ mode: 'ANY' })).toEqual({ mode: 'required', parallel: true });
    expect(choice({ mode: 'ANY', allowedFunctionNames: ['zzz', 'b'] })).toEqual({ mode: 'tool', name: 'b', parallel: true });
    expect(choice({ mode: 'NONE' })).toEqual({ mode: 'none', parallel: true });
    expect(choice({ mode: 'VALIDATED' })).toEqual({ mode: 'auto', parallel: true });
    const decoded = decodeRequest({ contents: [user('Q')], tools: [...tools, { googleSearch: {} }] } as GeminiRequestBody, FLASH, false).tools;
    expect(decoded.map((t) => [t.name, t.builtin])).toEqual([
      ['a', undefined],
      ['b', undefined],
      ['googleSearch', 'googleSearch'],
    ]);
    expect(decoded[0]!.inputSchema).toEqual({ type: 'object', properties: {} });
  });

  it('thinks on thinking models unless the budget is 0, and shows thoughts only with includeThoughts', () => {
    const thinking = (thinkingConfig: object | undefined, m = FLASH) =>
      decodeRequest({ contents: [user('Q')], generationConfig: thinkingConfig ? { thinkingConfig } : {} }, m, false).thinking;
    expect(thinking(undefined)).toEqual({ mode: 'adaptive', display: 'omitted' });
    expect(thinking({ thinkingBudget: 0 })).toEqual({ mode: 'off', display: 'omitted' });
    expect(thinking({ thinkingBudget: 512, includeThoughts: true })).toEqual({ mode: 'enabled', budgetTokens: 512, display: 'summarized' });
    expect(thinking({ thinkingBudget: -1 })).toEqual({ mode: 'adaptive', display: 'omitted' });
    expect(thinking({ thinkingLevel: 'LOW' })).toEqual({ mode: 'adaptive', display: 'omitted' });
    expect(thinking({ includeThoughts: true }, model('gpt-4.1'))).toEqual({ mode: 'off', display: 'summarized' });
  });

  it('reads JSON mode into the canonical output: responseJsonSchema as is, responseSchema converted', () => {
    const output = (generationConfig: object) => decodeRequest({ contents: [user('Q')], generationConfig } as GeminiRequestBody, FLASH, false).output;
    const jsonSchema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    expect(output({ responseMimeType: 'application/json', responseJsonSchema: jsonSchema })).toEqual({ kind: 'json', schema: jsonSchema });
    expect(output({ responseMimeType: 'application/json', _responseJsonSchema: jsonSchema })).toEqual({ kind: 'json', schema: jsonSchema });
    expect(output({ responseMimeType: 'application/json', responseSchema: { type: 'ARRAY', items: { type: 'STRING' } } })).toEqual({
      kind: 'json',
      schema: { type: 'array', items: { type: 'string' } },
    });
    expect(output({ responseMimeType: 'application/json' })).toEqual({ kind: 'json' });
    expect(output({ responseMimeType: 'text/plain' })).toEqual({ kind: 'text' });
  });

  it('carries limits and the stream flag', () => {
    const request = decodeRequest({ contents: [user('Q')], generationConfig: { maxOutputTokens: 9, stopSequences: ['x'] } }, FLASH, true);
    expect([request.maxOutputTokens, request.stopSequences, request.stream, request.model]).toEqual([9, ['x'], true, 'gemini-2.5-flash']);
  });
});
