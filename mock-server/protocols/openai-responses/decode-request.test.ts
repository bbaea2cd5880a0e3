import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS } from '../../core/model-catalog.ts';
import { MockState } from '../../core/state.ts';
import { resolveConversation } from './conversation.ts';
import { decodeRequest } from './decode-request.ts';
import { encryptReasoning } from './reasoning-content.ts';
import { ResponseStore } from './store.ts';
import type { ResponsesRequestBody } from './wire-types.ts';

const model = (id: string) => DEFAULT_MODELS.find((m) => m.id === id)!;
const decode = (body: ResponsesRequestBody, id = 'gpt-4.1') => decodeRequest(body, resolveConversation(body, new ResponseStore(new MockState()), 'k'), model(id));

describe('decodeRequest', () => {
  it('text.format → the canonical output: json_schema with its schema and name, json_object, text', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false };
    expect(decode({ model: 'gpt-4.1', input: 'x', text: { format: { type: 'json_schema', name: 'city', schema, strict: true } } }).output).toEqual({ kind: 'json', schema, name: 'city' });
    expect(decode({ model: 'gpt-4.1', input: 'x', text: { format: { type: 'json_object' } } }).output).toEqual({ kind: 'json' });
    expect(decode({ model: 'gpt-4.1', input: 'x' }).output).toEqual({ kind: 'text' });
  });

  it('instructions → system; system and developer messages stay turns of their own', () => {
    const request = decode({ model: 'gpt-4.1', instructions: 'Be brief.', input: [{ role: 'developer', content: 'Dev.' }, { role: 'user', content: 'Hi' }] });
    expect(request.system).toEqual([{ kind: 'text', text: 'Be brief.' }]);
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('groups items into turns: reasoning, text and calls in one assistant turn, outputs in the next user turn', () => {
    const reasoning = encryptReasoning('I should call the tool.');
    const request = decode({
      model: 'gpt-4.1',
      input: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        { type: 'reasoning', summary: [], encrypted_content: reasoning },
        { role: 'assistant', content: 'Checking.' },
        { type: 'function_call', call_id: 'c1', name: 'w', arguments: '{"city":"Paris"}' },
        { type: 'function_call', call_id: 'c2', name: 'w', arguments: 'not json' },
        { type: 'function_call_output', call_id: 'c1', output: 'Sunny' },
        { type: 'function_call_output', call_id: 'c2', output: [{ type: 'input_text', text: 'Rain' }] },
        { role: 'user', content: 'Thanks' },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'user', parts: [{ kind: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        parts: [
          { kind: 'thinking', text: 'I should call the tool.' },
          { kind: 'text', text: 'Checking.' },
          { kind: 'tool-call', id: 'c1', name: 'w', input: { city: 'Paris' } },
          { kind: 'tool-call', id: 'c2', name: 'w', input: 'not json' },
        ],
      },
      {
        role: 'user',
        parts: [
          { kind: 'tool-result', callId: 'c1', parts: [{ kind: 'text', text: 'Sunny' }], isError: false },
          { kind: 'tool-result', callId: 'c2', parts: [{ kind: 'text', text: 'Rain' }], isError: false },
        ],
      },
      { role: 'user', parts: [{ kind: 'text', text: 'Thanks' }] },
    ]);
  });

  it('decodes images and files: data URLs, URLs, file ids', () => {
    const request = decode({
      model: 'gpt-4.1',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_image', image_url: 'data:image/png;base64,AAAA' },
            { type: 'input_image', image_url: 'https://example.com/a.png' },
            { type: 'input_image', file_id: 'file-1' },
            { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBE' },
          ],
        },
      ],
    });
    expect(request.messages[0]?.parts).toEqual([
      { kind: 'image', source: 'base64', mediaType: 'image/png', data: 'AAAA' },
      { kind: 'image', source: 'url', url: 'https://example.com/a.png' },
      { kind: 'image', source: 'file' },
      { kind: 'document', source: 'base64', data: 'data:application/pdf;base64,JVBE', title: 'a.pdf' },
    ]);
  });

  it('tool choice: required, a named function, allowed_tools, built-in choices answered in text', () => {
    const tools = [
      { type: 'function', name: 'a', parameters: { type: 'object' } },
      { type: 'function', name: 'b', parameters: { type: 'object' } },
      { type: 'web_search' },
    ];
    const choice = (tool_choice: ResponsesRequestBody['tool_choice'], parallel_tool_calls?: boolean) => decode({ model: 'gpt-4.1', input: 'x', tools, tool_choice, parallel_tool_calls }).toolChoice;
    expect(choice('required')).toEqual({ mode: 'required', parallel: true });
    expect(choice({ type: 'function', name: 'b' }, false)).toEqual({ mode: 'tool', name: 'b', parallel: false });
    expect(choice({ type: 'allowed_tools', mode: 'required', tools: [{ type: 'web_search' }, { type: 'function', name: 'b' }] })).toEqual({ mode: 'tool', name: 'b', parallel: true });
    expect(choice({ type: 'web_search_preview' })).toEqual({ mode: 'auto', parallel: true });
    expect(decode({ model: 'gpt-4.1', input: 'x', tools }).tools.map((t) => t.builtin ?? t.name)).toEqual(['a', 'b', 'web_search']);
  });

  it('reasoning: on by default for OpenAI reasoning models, off with effort none, on for other families only when asked', () => {
    expect(decode({ model: 'gpt-5', input: 'x' }, 'gpt-5').thinking.mode).toBe('adaptive');
    expect(decode({ model: 'gpt-5', input: 'x', reasoning: { effort: 'none' } }, 'gpt-5').thinking.mode).toBe('off');
    expect(decode({ model: 'claude-sonnet-4-6', input: 'x' }, 'claude-sonnet-4-6').thinking.mode).toBe('off');
    expect(decode({ model: 'claude-sonnet-4-6', input: 'x', reasoning: { effort: 'low' } }, 'claude-sonnet-4-6').thinking.mode).toBe('adaptive');
    expect(decode({ model: 'gpt-4.1', input: 'x' }).thinking.mode).toBe('off');
  });
});
