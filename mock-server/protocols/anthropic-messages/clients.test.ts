import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { ANTHROPIC_BETA_SCHEMA_IDS } from '../../../specs/anthropic-messages/schema-ids.ts';
import { specRegistry } from '../../../specs/index.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { MODEL, streamProblems, TEST_API_KEY, validateAnthropic } from '../../test-support.ts';
import { createFetch } from '../../transports/fetch.ts';

// The official SDK against the mock in-process, for each behaviour a real client needed (issue 6).
const mock = createMockServer({ seed: 'clients', validateOutput: 'throw' });
const mockFetch = createFetch(mock);
const client = new Anthropic({ apiKey: TEST_API_KEY, authToken: null, baseURL: 'http://127.0.0.1:1', maxRetries: 0, fetch: mockFetch });

const WEATHER: { type: 'object'; properties: Record<string, object>; required: string[]; additionalProperties: boolean } = {
  type: 'object',
  properties: { city: { type: 'string' }, tempC: { type: 'number' }, unit: { enum: ['celsius', 'fahrenheit'] } },
  required: ['city', 'tempC', 'unit'],
  additionalProperties: false,
};

const ask = (text: string, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}): Anthropic.MessageCreateParamsNonStreaming => ({
  model: MODEL,
  max_tokens: 512,
  messages: [{ role: 'user', content: text }],
  ...extra,
});

function expectValid(schema: object, value: unknown): void {
  const compiled = compileToolSchema(schema);
  expect(compiled.ok && compiled.validate(value)).toEqual([]);
}

const textOf = (message: Anthropic.Message) => message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');

describe('structured output (output_config.format)', () => {
  const format = { type: 'json_schema', schema: WEATHER } as const;

  it('answers JSON valid against the schema, streamed and not, with the same text', async () => {
    const message = await client.messages.create(ask('weather in Paris', { output_config: { format } }));
    expect(message.stop_reason).toBe('end_turn');
    expectValid(WEATHER, JSON.parse(textOf(message)));
    const streamed = await client.messages.stream(ask('weather in Paris', { output_config: { format } })).finalMessage();
    expect(textOf(streamed)).toBe(textOf(message));
  });

  it('works with the SDK’s parse() helper', async () => {
    const parsed = await client.messages.parse(ask('weather', { output_config: { format: { type: 'json_schema', schema: WEATHER } } }));
    expect(parsed.parsed_output).toMatchObject({ city: expect.any(String), tempC: expect.any(Number), unit: 'celsius' });
  });

  it('honours the beta spelling (output_format) on client.beta', async () => {
    const message = await client.beta.messages.create({ ...ask('weather'), output_format: format });
    expectValid(WEATHER, JSON.parse(message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('')));
  });

  it('400 for a schema that is not a JSON Schema', async () => {
    await expect(client.messages.create(ask('x', { output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'nonsense' } } } } } }))).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('output_config.format.schema: JSON schema is invalid'),
    });
  });
});

describe('Anthropic-defined client tools, forced', () => {
  it('bash with tool_choice any: a tool_use with a command', async () => {
    const message = await client.messages.create(ask('list files', { tools: [{ type: 'bash_20250124', name: 'bash' }], tool_choice: { type: 'any' } }));
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([{ type: 'tool_use', id: expect.stringMatching(/^toolu_01/), name: 'bash', input: { command: expect.any(String) }, caller: { type: 'direct' } }]);
  });

  it('text editor forced by name: a documented command and path', async () => {
    const message = await client.messages.create(
      ask('show the readme', { tools: [{ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' }], tool_choice: { type: 'tool', name: 'str_replace_based_edit_tool' } }),
    );
    expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'str_replace_based_edit_tool', input: { command: 'view', path: expect.stringMatching(/^\//) } });
  });

  it('memory and computer tools too; toolsets and unknown types are never called', async () => {
    const memory = await client.beta.messages.create({ ...ask('remember'), tools: [{ type: 'memory_20250818', name: 'memory' }], tool_choice: { type: 'any' } });
    expect(memory.content[0]).toMatchObject({ type: 'tool_use', name: 'memory', input: { command: 'view' } });
    const computer = await client.beta.messages.create({ ...ask('look'), tools: [{ type: 'computer_20250124', name: 'computer', display_width_px: 1024, display_height_px: 768 }], tool_choice: { type: 'any' } });
    expect(computer.content[0]).toMatchObject({ type: 'tool_use', name: 'computer', input: { action: 'screenshot' } });
  });
});

describe('server tools, forced', () => {
  it('web search: server_tool_use, its result, then text; usage counts the search', async () => {
    const message = await client.messages.create(ask('latest news on llamas', { tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 2 }], tool_choice: { type: 'any' } }));
    expect(message.content.map((b) => b.type)).toEqual(['server_tool_use', 'web_search_tool_result', 'text']);
    const [call, result] = message.content;
    expect(call).toMatchObject({ type: 'server_tool_use', id: expect.stringMatching(/^srvtoolu_01/), name: 'web_search', input: { query: 'latest news on llamas' }, caller: { type: 'direct' } });
    expect(result).toMatchObject({ type: 'web_search_tool_result', tool_use_id: (call as { id: string }).id, content: expect.arrayContaining([expect.objectContaining({ type: 'web_search_result', url: expect.stringMatching(/^https:\/\/example\.com\//) })]) });
    expect(message.usage.server_tool_use).toEqual({ web_search_requests: 1, web_fetch_requests: 0 });
    expect(message.stop_reason).toBe('end_turn');
    expect(message.container).toBeNull();
    expect(validateAnthropic('message', message)).toEqual([]);
  });

  it('web fetch forced by name, streamed: the same blocks with contiguous indices, the result whole in its start', async () => {
    const params = ask('read https://example.org/page please', { tools: [{ type: 'web_fetch_20250910', name: 'web_fetch' }], tool_choice: { type: 'tool', name: 'web_fetch' } });
    const res = await mockFetch('http://mock.test/v1/messages', { method: 'POST', headers: { 'x-api-key': TEST_API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }, body: JSON.stringify({ ...params, stream: true }) });
    const text = await res.text();
    expect(streamProblems(text)).toEqual([]);
    const final = await client.messages.stream(params).finalMessage();
    expect(final.content.map((b) => b.type)).toEqual(['server_tool_use', 'web_fetch_tool_result', 'text']);
    expect(final.content[0]).toMatchObject({ input: { url: 'https://example.org/page' } });
    expect(final.content[1]).toMatchObject({ content: { type: 'web_fetch_result', url: 'https://example.org/page', content: { type: 'document', source: { type: 'text' } } } });
    expect(final.usage.server_tool_use).toEqual({ web_search_requests: 0, web_fetch_requests: 1 });
    // The same reply as without streaming (ids differ: they derive from the request body).
    const plain = await client.messages.create(params);
    const withoutIds = (m: Anthropic.Message) => JSON.parse(JSON.stringify(m.content).replace(/srvtoolu_01\w+/g, 'ID')) as unknown;
    expect(withoutIds(final)).toEqual(withoutIds(plain));
    for (const key of ['stop_reason', 'stop_details', 'container', 'usage'] as const) expect(final[key], key).toEqual(plain[key]);
  });

  it('code execution runs bash (20250825) in a container the reply names', async () => {
    const message = await client.beta.messages.create({ ...ask('compute'), tools: [{ type: 'code_execution_20250825', name: 'code_execution' }], tool_choice: { type: 'any' } });
    expect(message.content.map((b) => b.type)).toEqual(['server_tool_use', 'bash_code_execution_tool_result', 'text']);
    expect(message.content[1]).toMatchObject({ content: { type: 'bash_code_execution_result', stdout: 'compute\n', return_code: 0 } });
    expect(message.container).toMatchObject({ id: expect.stringMatching(/^container_/) });
  });
});

describe('model families', () => {
  it('serves an unlisted model of a known family (Claude Code’s --model sonnet), answering the id as asked', async () => {
    // max_tokens above every listed Claude model's maximum: the family's limit applies.
    const message = await client.messages.stream(ask('hi', { model: 'claude-sonnet-9-9', max_tokens: 100_000 })).finalMessage();
    expect(message.model).toBe('claude-sonnet-9-9');
    expect(await client.models.retrieve('claude-sonnet-9-9')).toMatchObject({ id: 'claude-sonnet-9-9', max_tokens: 128_000, capabilities: expect.any(Object) });
  });

  it('404 for an id outside every family, and for any unlisted id when restricted to the catalog', async () => {
    await expect(client.messages.create(ask('hi', { model: 'llama-3' }))).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    await expect(client.messages.create(ask('hi', { model: 'text-embedding-3-large' }))).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    const strict = new Anthropic({ apiKey: TEST_API_KEY, authToken: null, baseURL: 'http://127.0.0.1:1', maxRetries: 0, fetch: createFetch(createMockServer({ catalogOnly: true })) });
    await expect(strict.messages.create(ask('hi', { model: 'claude-sonnet-9-9' }))).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('lists the catalog, each model with capabilities and limits', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) {
      expect(model).toMatchObject({ max_input_tokens: expect.any(Number), max_tokens: expect.any(Number), capabilities: { thinking: { supported: expect.any(Boolean) } } });
      ids.push(model.id);
    }
    expect(ids).toEqual(mock.catalog.list().map((m) => m.id));
  });
});

describe('the beta surface (?beta=true)', () => {
  const registry = specRegistry();

  it('replies in the beta shape: usage.iterations and context_management, streamed and not', async () => {
    const message = await client.beta.messages.create({ ...ask('beta hello'), betas: ['context-management-2025-06-27'], context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] } });
    expect(message.usage.iterations).toEqual([expect.objectContaining({ type: 'message', input_tokens: message.usage.input_tokens, output_tokens: message.usage.output_tokens })]);
    expect(message.context_management).toEqual({ applied_edits: [] });
    expect(registry.validate(ANTHROPIC_BETA_SCHEMA_IDS.message, message)).toEqual([]);
    const streamed = await client.beta.messages.stream({ ...ask('beta hello'), betas: ['context-management-2025-06-27'] }).finalMessage();
    expect(streamed.usage.iterations?.[0]).toMatchObject({ type: 'message', output_tokens: streamed.usage.output_tokens });
    expect(streamed.context_management).toBeNull();
  });

  it('the GA reply satisfies the GA schema but not the beta one', async () => {
    const message = await client.messages.create(ask('ga hello'));
    expect(validateAnthropic('message', message)).toEqual([]);
    expect(registry.validate(ANTHROPIC_BETA_SCHEMA_IDS.message, message)).not.toEqual([]);
  });
});

describe('every field the real API sends', () => {
  it('null where it sends null', async () => {
    const message = await client.messages.create(ask('fields', { tools: [{ name: 'get_weather', input_schema: WEATHER }], tool_choice: { type: 'any' } }));
    expect(message).toMatchObject({ stop_details: null, container: null, usage: { server_tool_use: null, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, service_tier: 'standard' } });
    expect(message.content[0]).toMatchObject({ type: 'tool_use', caller: { type: 'direct' } });
    const text = await client.messages.create(ask('fields'));
    expect(text.content).toEqual([{ type: 'text', text: 'fields', citations: null }]);
  });
});

describe('the echo is what a person typed', () => {
  it('drops harness wrappers such as Claude Code’s <system-reminder> blocks', async () => {
    const message = await client.messages.create({
      ...ask(''),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: '<system-reminder>\nAs you answer, use the context below.\n</system-reminder>' },
            { type: 'text', text: 'Explain <b>this</b> function' },
            { type: 'text', text: '<system-reminder>Todo list is empty.</system-reminder>' },
          ],
        },
      ],
    });
    expect(textOf(message)).toBe('Explain <b>this</b> function');
  });
});

describe('unknown routes', () => {
  it('answer in the Anthropic envelope for an Anthropic client, naming the routes served', async () => {
    const error = await client.post('/v1/messages/batches', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as Error).message).toContain('This API serves POST /v1/messages');
  });
});
