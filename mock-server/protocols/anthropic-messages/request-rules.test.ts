import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { anthropicRequest, expectAnthropicError, messageBody, toolBody, WEATHER_SCHEMA } from '../../test-support.ts';

const mock = createMockServer({ seed: 'rules' });
const send = (body: unknown) => mock.fetch(anthropicRequest(body));
const invalid = async (body: unknown, message: string | RegExp) => expectAnthropicError(await send(body), 400, 'invalid_request_error', message);
const ok = async (body: unknown) => {
  const res = await send(body);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<Record<string, unknown>>;
};

const WEATHER_TOOL = { name: 'get_weather', description: 'Get the weather', input_schema: WEATHER_SCHEMA };
const THINKING = { type: 'enabled', budget_tokens: 1024 };
const toolUse = (id: string) => ({ type: 'tool_use', id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } });
const toolResult = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'sunny' });
const conversation = (...messages: unknown[]) => messageBody('x', { tools: [WEATHER_TOOL], messages });

describe('model and max_tokens', () => {
  it('404 not_found_error for a model of no known family', async () => {
    await expectAnthropicError(await send(messageBody('hi', { model: 'llama-9' })), 404, 'not_found_error', 'model: llama-9');
  });

  it('accepts a model alias and echoes the model exactly as asked', async () => {
    expect((await ok(messageBody('hi', { model: 'claude-sonnet-4-6' }))).model).toBe('claude-sonnet-4-6');
  });

  it('400 for max_tokens above the model’s maximum; the maximum itself is fine', async () => {
    await invalid(messageBody('hi', { max_tokens: 128_001 }), 'max_tokens: 128001 > 128000, which is the maximum allowed number of output tokens for claude-sonnet-4-6');
    await ok(messageBody('hi', { max_tokens: 128_000 }));
  });
});

describe('thinking rules', () => {
  it('400 when budget_tokens is not below max_tokens', async () => {
    await invalid(messageBody('hi', { max_tokens: 1024, thinking: THINKING }), /^`max_tokens` must be greater than `thinking.budget_tokens`/);
    await ok(messageBody('hi', { max_tokens: 1025, thinking: THINKING }));
  });

  it('400 for a temperature other than 1 with thinking; 1 is allowed', async () => {
    await invalid(messageBody('hi', { max_tokens: 2000, thinking: THINKING, temperature: 0.5 }), /^`temperature` may only be set to 1 when thinking is enabled/);
    await invalid(messageBody('hi', { thinking: { type: 'adaptive' }, temperature: 0 }), /^`temperature` may only be set to 1/);
    await ok(messageBody('hi', { max_tokens: 2000, thinking: THINKING, temperature: 1 }));
    await ok(messageBody('hi', { thinking: { type: 'disabled' }, temperature: 0.5 }));
  });

  it('400 for top_k with thinking', async () => {
    await invalid(messageBody('hi', { max_tokens: 2000, thinking: THINKING, top_k: 5 }), /^`top_k` must be unset when thinking is enabled/);
  });

  it('400 for a forced tool choice with thinking; auto is fine', async () => {
    for (const tool_choice of [{ type: 'any' }, { type: 'tool', name: 'get_weather' }]) {
      await invalid(messageBody('hi', { max_tokens: 2000, thinking: THINKING, tools: [WEATHER_TOOL], tool_choice }), 'Thinking may not be enabled when tool_choice forces tool use.');
    }
    await ok(messageBody('hi', { max_tokens: 2000, thinking: THINKING, tools: [WEATHER_TOOL], tool_choice: { type: 'auto' } }));
  });
});

describe('tool rules', () => {
  it('400 when tool_choice names a tool that is not in tools', async () => {
    await invalid(toolBody(WEATHER_SCHEMA, { tool_choice: { type: 'tool', name: 'nope' } }), "tool_choice.name: Tool 'nope' not found in tools");
  });

  it('400 when a forced tool choice comes without tools', async () => {
    await invalid(messageBody('hi', { tool_choice: { type: 'any' } }), "tool_choice: tool_choice.type 'any' requires tools to be provided");
  });

  it('400 for duplicate tool names', async () => {
    await invalid(messageBody('hi', { tools: [WEATHER_TOOL, WEATHER_TOOL] }), 'tools: Tool names must be unique.');
  });

  it('400 for an input_schema that is not a valid JSON Schema', async () => {
    const broken = { type: 'object', properties: { a: { type: 'nonsense' } } };
    await invalid(messageBody('hi', { tools: [WEATHER_TOOL, { name: 'b', input_schema: broken }] }), /^tools\.1\.input_schema: JSON schema is invalid/);
  });
});

describe('tool_use / tool_result pairing', () => {
  it('accepts a tool_result answering the previous assistant tool_use', async () => {
    await ok(conversation({ role: 'user', content: 'weather?' }, { role: 'assistant', content: [toolUse('toolu_1')] }, { role: 'user', content: [toolResult('toolu_1')] }));
  });

  it('400 for a tool_result without a matching tool_use in the previous message', async () => {
    await invalid(
      conversation({ role: 'user', content: 'weather?' }, { role: 'assistant', content: [toolUse('toolu_1')] }, { role: 'user', content: [toolResult('toolu_1'), toolResult('toolu_2')] }),
      'messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_2. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
    );
    await invalid(conversation({ role: 'user', content: [toolResult('toolu_1')] }), /^messages\.0\.content\.0: unexpected `tool_use_id`/);
  });

  it('400 for a tool_use without a tool_result right after', async () => {
    await invalid(
      conversation({ role: 'user', content: 'weather?' }, { role: 'assistant', content: [toolUse('toolu_1')] }, { role: 'user', content: 'never mind' }),
      'messages.2: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.',
    );
  });

  it('a mid-conversation system message does not break the pairing', async () => {
    await ok(
      conversation(
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: [toolUse('toolu_1')] },
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [toolResult('toolu_1')] },
      ),
    );
  });
});

describe('thinking signatures', () => {
  const ask = messageBody('Think, then answer.', { max_tokens: 2000, thinking: THINKING });
  const replay = (thinking: Record<string, unknown>) =>
    messageBody('x', { max_tokens: 2000, thinking: THINKING, messages: [{ role: 'user', content: 'Think, then answer.' }, { role: 'assistant', content: [thinking, { type: 'text', text: 'ok' }] }, { role: 'user', content: 'again' }] });

  it('accepts its own thinking block replayed unchanged, and rejects a tampered one', async () => {
    const message = await ok(ask);
    const block = (message.content as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(block.type).toBe('thinking');
    await ok(replay(block));
    await invalid(replay({ ...block, thinking: `${String(block.thinking)} (edited)` }), 'messages.1.content.0: Invalid `signature` in `thinking` block');
    await invalid(replay({ ...block, signature: `${String(block.signature).slice(0, -4)}AAA=` }), 'messages.1.content.0: Invalid `signature` in `thinking` block');
  });

  it('accepts a signature it did not issue (a real transcript replayed into the mock)', async () => {
    await ok(replay({ type: 'thinking', thinking: 'Real reasoning.', signature: 'EqQBCkgIARABGAIiQLnF0tUAbKq2hb8vNQ4PXR5' }));
  });

  it('rejects a whitespace-only signature', async () => {
    await invalid(replay({ type: 'thinking', thinking: 'Real reasoning.', signature: '   ' }), 'messages.1.content.0: Invalid `signature` in `thinking` block');
  });

  it('accepts a replayed block of omitted display (empty thinking text)', async () => {
    const message = await ok({ ...ask, thinking: { ...THINKING, display: 'omitted' } });
    const block = (message.content as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(block).toMatchObject({ type: 'thinking', thinking: '' });
    await ok(replay(block));
  });
});

describe('content rules', () => {
  it('400 for whitespace-only text; a final assistant turn (prefill) may not end with whitespace', async () => {
    await invalid(messageBody('x', { messages: [{ role: 'user', content: '  \n ' }] }), 'messages: text content blocks must contain non-whitespace text');
    await invalid(messageBody('x', { messages: [{ role: 'user', content: [{ type: 'text', text: ' ' }] }] }), 'messages: text content blocks must contain non-whitespace text');
    await ok(messageBody('x', { messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'The answer is' }] }));
    await invalid(messageBody('x', { messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'The answer is ' }] }), 'messages: final assistant content cannot end with trailing whitespace');
  });

  it('400 for empty text, as a block (schema) or as string content (rule)', async () => {
    await invalid(messageBody('x', { messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }), 'messages.0.content.0.text: String should have at least 1 character');
    await invalid(messageBody(''), 'messages: text content blocks must be non-empty');
  });

  it('400 for no messages', async () => {
    await invalid(messageBody('x', { messages: [] }), /^messages/);
  });

  it('400 for a whitespace-only stop sequence', async () => {
    await invalid(messageBody('hi', { stop_sequences: ['  '] }), 'stop_sequences: each stop sequence must contain non-whitespace');
  });
});
