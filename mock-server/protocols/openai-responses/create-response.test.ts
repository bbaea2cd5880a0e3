import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { readExamples } from '../../../specs/openai-responses/fixtures.ts';
import type { ValidExample } from '../../../specs/tooling/examples.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { countTokens } from '../../core/token-estimator.ts';
import {
  type ApiResponse,
  CHAT_MODEL,
  functionCall,
  itemTypes,
  messageText,
  expectOpenAIError,
  finalResponse,
  REASONING_MODEL,
  responsesRequest,
  responsesStreamProblems,
  streamEvents,
  validateResponses,
  WEATHER_PARAMETERS,
  WEATHER_TOOL,
} from './test-support.ts';

const mock = createMockServer({ seed: 'responses-create', validateOutput: 'throw' });
const PROMPT = 'Hello there, mock.';

async function create(body: Record<string, unknown>) {
  const res = await mock.fetch(responsesRequest(body));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return { res, response: JSON.parse(text) as ApiResponse };
}

async function stream(body: Record<string, unknown>) {
  const res = await mock.fetch(responsesRequest({ ...body, stream: true }));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(responsesStreamProblems(text)).toEqual([]);
  return { res, text, events: streamEvents(text) };
}

describe('POST /v1/responses (JSON)', () => {
  it('answers a schema-valid Response echoing the prompt, with the request id header', async () => {
    const { res, response } = await create({ model: CHAT_MODEL, input: PROMPT });
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(validateResponses('response', response)).toEqual([]);
    expect(response).toMatchObject({
      id: expect.stringMatching(/^resp_[0-9a-f]{50}$/),
      object: 'response',
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: CHAT_MODEL,
      output: [
        {
          id: expect.stringMatching(/^msg_[0-9a-f]{50}$/),
          type: 'message',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', annotations: [], logprobs: [], text: PROMPT }],
        },
      ],
      usage: { output_tokens: countTokens(PROMPT), output_tokens_details: { reasoning_tokens: 0 }, input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 } },
    });
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));
  });

  it('echoes every parameter at its effective value', async () => {
    const { response } = await create({ model: CHAT_MODEL, input: 'x', instructions: 'Be brief.', metadata: { a: 'b' }, temperature: 0.5, service_tier: 'auto', tools: [{ ...WEATHER_TOOL, strict: undefined }] });
    expect(response).toMatchObject({
      instructions: 'Be brief.',
      metadata: { a: 'b' },
      temperature: 0.5,
      top_p: 1,
      service_tier: 'default',
      store: true,
      truncation: 'disabled',
      tool_choice: 'auto',
      parallel_tool_calls: true,
      text: { format: { type: 'text' }, verbosity: 'medium' },
      tools: [{ type: 'function', name: 'get_weather', description: 'Get the weather', parameters: WEATHER_PARAMETERS, strict: true }],
    });
  });

  it('answers the same request with the same bytes, and ids that differ with the request', async () => {
    const a = await (await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'same' }))).text();
    const b = await (await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'same' }))).text();
    const c = await (await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'other' }))).text();
    expect(a).toBe(b);
    expect(JSON.parse(c).id).not.toBe(JSON.parse(a).id);
  });

  it('answers JSON when stream is false, whatever the Accept header says', async () => {
    const res = await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', stream: false }, '/v1/responses', { accept: 'text/event-stream' }));
    expect(res.headers.get('content-type')).toBe('application/json');
    await res.text();
  });
});

describe('the valid request examples of the spec', () => {
  // Examples that name stored state (a previous response, stored items, a prompt) the fresh mock
  // does not hold get the API's 404; every other one is answered.
  const NEEDS_STATE = new Set(['item-references', 'prompt-without-model']);
  for (const example of readExamples<ValidExample>('requests/valid').filter((e) => e.schema === undefined)) {
    it(`${example.name}: ${NEEDS_STATE.has(example.name) ? '404 for the state it names' : 'answered'}`, async () => {
      const res = await mock.fetch(responsesRequest(example.body));
      const text = await res.text();
      expect(res.status, text.slice(0, 400)).toBe(NEEDS_STATE.has(example.name) ? 404 : 200);
    });
  }
});

describe('function calls', () => {
  const tools = [WEATHER_TOOL, { type: 'function', name: 'get_time', description: 'Time', parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] } }];
  const argsValid = (args: string, schema: Record<string, unknown>) => {
    const compiled = compileToolSchema(schema);
    expect(compiled.ok && compiled.validate(JSON.parse(args))).toEqual([]);
  };

  for (const [name, choice, expected] of [
    ['required', 'required', 'get_weather'],
    ['a named function', { type: 'function', name: 'get_time' }, 'get_time'],
    ['allowed_tools in required mode', { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'get_time' }] }, 'get_time'],
  ] as const) {
    it(`forced by tool_choice ${name}: one call whose arguments validate against the tool's parameters`, async () => {
      const { response } = await create({ model: CHAT_MODEL, input: 'Weather?', tools, tool_choice: choice });
      expect(validateResponses('response', response)).toEqual([]);
      expect(response.output).toEqual([
        {
          id: expect.stringMatching(/^fc_[0-9a-f]{50}$/),
          type: 'function_call',
          status: 'completed',
          arguments: expect.any(String),
          call_id: expect.stringMatching(/^call_[0-9A-Za-z]{24}$/),
          name: expected,
        },
      ]);
      argsValid(functionCall(response.output[0]).arguments, tools.find((t) => t.name === expected)!.parameters);
    });
  }

  it('answers in text with tool_choice auto, none, and allowed_tools in auto mode', async () => {
    for (const choice of ['auto', 'none', { type: 'allowed_tools', mode: 'auto', tools: [{ type: 'function', name: 'get_time' }] }]) {
      const { response } = await create({ model: CHAT_MODEL, input: 'Weather?', tools, tool_choice: choice });
      expect(itemTypes(response)).toEqual(['message']);
    }
  });

  it('streams the call: item added with empty arguments, deltas that join to the arguments, done with the name', async () => {
    const { events } = await stream({ model: CHAT_MODEL, input: 'Weather?', tools, tool_choice: 'required' });
    const added = events.find((e) => e.type === 'response.output_item.added')!;
    expect(added.item).toMatchObject({ type: 'function_call', status: 'in_progress', arguments: '', name: 'get_weather' });
    const deltas = events.filter((e) => e.type === 'response.function_call_arguments.delta').map((e) => e.delta).join('');
    const done = events.find((e) => e.type === 'response.function_call_arguments.done')!;
    expect(done).toMatchObject({ arguments: deltas, name: 'get_weather', item_id: (added.item as { id: string }).id });
    argsValid(deltas, WEATHER_PARAMETERS);
    expect(finalResponse(events).output).toEqual([(events.find((e) => e.type === 'response.output_item.done')!).item]);
  });
});

describe('POST /v1/responses (stream)', () => {
  it('names every event after its type, numbers them from 0, and announces each item before its deltas', async () => {
    const { events, text } = await stream({ model: CHAT_MODEL, input: 'Hi there' });
    expect(text).not.toContain('[DONE]');
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const itemId = (events[2]!.item as { id: string }).id;
    for (const e of events.slice(3, 10)) expect(e.item_id ?? (e.item as { id: string }).id).toBe(itemId);
    expect(events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta)).toEqual(['Hi', ' ther', 'e']);
  });

  it('wraps the whole Response in every lifecycle event: in progress with no output, then the final one', async () => {
    const { events } = await stream({ model: CHAT_MODEL, input: 'Hi there' });
    const created = events[0]!.response as Record<string, unknown>;
    expect(validateResponses('response', created)).toEqual([]);
    expect(created).toMatchObject({ status: 'in_progress', output: [], usage: null, completed_at: null });
    expect(finalResponse(events)).toMatchObject({ id: created.id, status: 'completed' });
  });

  it('ends with a response whose output equals the streamed items and the non-stream reply, byte for byte', async () => {
    const body = { model: REASONING_MODEL, input: 'Same either way.', reasoning: { effort: 'low', summary: 'auto' }, include: ['reasoning.encrypted_content'] };
    const { events } = await stream(body);
    const { response } = await create(body);
    expect(finalResponse(events)).toEqual(response);
    expect(events.filter((e) => e.type === 'response.output_item.done').map((e) => e.item)).toEqual(response.output);
  });

  it('pads deltas with obfuscation by default and leaves it out with include_obfuscation false', async () => {
    const padded = (await stream({ model: CHAT_MODEL, input: 'Hi there' })).events.filter((e) => e.type === 'response.output_text.delta');
    expect(padded.every((e) => typeof e.obfuscation === 'string' && e.obfuscation.length > 0)).toBe(true);
    const plain = (await stream({ model: CHAT_MODEL, input: 'Hi there', stream_options: { include_obfuscation: false } })).events;
    expect(plain.some((e) => 'obfuscation' in e)).toBe(false);
  });

  it('sends log probabilities per token when included', async () => {
    const body = { model: CHAT_MODEL, input: 'Hi there', include: ['message.output_text.logprobs'], top_logprobs: 2 };
    const { events } = await stream(body);
    const deltas = events.filter((e) => e.type === 'response.output_text.delta');
    expect(deltas[0]!.logprobs).toEqual([{ token: 'Hi', logprob: 0, bytes: [72, 105], top_logprobs: [{ token: 'Hi', logprob: 0, bytes: [72, 105] }] }]);
    const { response } = await create(body);
    expect((response.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0]).toMatchObject({ logprobs: { length: 3 } });
  });
});

describe('reasoning', () => {
  it('reasoning models reason by default: a reasoning item first, its tokens in output_tokens_details', async () => {
    const { response } = await create({ model: REASONING_MODEL, input: PROMPT });
    expect(itemTypes(response)).toEqual(['reasoning', 'message']);
    expect(response.output[0]).toEqual({ id: expect.stringMatching(/^rs_[0-9a-f]{50}$/), type: 'reasoning', summary: [] });
    expect(response.reasoning).toEqual({ effort: 'medium', summary: null });
    expect(response.usage?.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    expect(response.usage?.output_tokens).toBe((response.usage?.output_tokens_details.reasoning_tokens ?? 0) + countTokens(PROMPT));
  });

  it('effort none turns reasoning off; a summary is shown (and streamed) only when asked for', async () => {
    expect(itemTypes((await create({ model: REASONING_MODEL, input: 'x', reasoning: { effort: 'none' } })).response)).toEqual(['message']);
    const { events } = await stream({ model: REASONING_MODEL, input: 'x', reasoning: { effort: 'high', summary: 'detailed' } });
    const summary = events.filter((e) => e.type === 'response.reasoning_summary_text.delta').map((e) => e.delta).join('');
    expect(summary.length).toBeGreaterThan(0);
    expect((finalResponse(events).output as { summary?: unknown }[])[0]?.summary).toEqual([{ type: 'summary_text', text: summary }]);
  });

  it('a model without reasoning refuses reasoning.effort, a reasoning model refuses temperature', async () => {
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', reasoning: { effort: 'low' } })), {
      status: 400,
      code: 'unsupported_parameter',
      param: 'reasoning.effort',
      message: "Unsupported parameter: 'reasoning.effort' is not supported with this model.",
    });
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: REASONING_MODEL, input: 'x', temperature: 0.2 })), {
      status: 400,
      code: 'unsupported_parameter',
      param: 'temperature',
      message: "Unsupported parameter: 'temperature' is not supported with this model.",
    });
  });
});

describe('max_output_tokens', () => {
  const long = 'This sentence is deliberately long enough that sixteen tokens cannot hold all of it, not even nearly.';

  it('cuts the reply: status incomplete with reason max_output_tokens, the message incomplete, usage at the limit', async () => {
    const { response } = await create({ model: CHAT_MODEL, input: long, max_output_tokens: 16 });
    expect(validateResponses('response', response)).toEqual([]);
    expect(response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, max_output_tokens: 16, usage: { output_tokens: 16 } });
    expect((response.output[0] as OpenAI.Responses.ResponseOutputMessage).status).toBe('incomplete');
    expect(long.startsWith(messageText(response.output[0]))).toBe(true);
  });

  it('streams it to response.incomplete', async () => {
    const { events } = await stream({ model: CHAT_MODEL, input: long, max_output_tokens: 16 });
    expect(events[events.length - 1]!.type).toBe('response.incomplete');
    expect(finalResponse(events)).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });

  it('a reasoning model can spend the whole budget reasoning: incomplete with only the reasoning item', async () => {
    const { response } = await create({ model: REASONING_MODEL, input: long, max_output_tokens: 16 });
    expect(response.status).toBe('incomplete');
    expect(itemTypes(response)).toEqual(['reasoning']);
    expect(response.usage?.output_tokens_details.reasoning_tokens).toBe(16);
  });

  it('refuses values above the model limit', async () => {
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: 'gpt-4o', input: 'x', max_output_tokens: 100_000 })), {
      status: 400,
      code: 'integer_above_max_value',
      param: 'max_output_tokens',
      message: "Invalid 'max_output_tokens': integer above maximum value. Expected a value <= 16384, but got 100000 instead.",
    });
  });
});

describe('request rules', () => {
  it('a forced function must be among the tools, required needs tools, tool names are unique', async () => {
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', tools: [WEATHER_TOOL], tool_choice: { type: 'function', name: 'nope' } })), {
      status: 400,
      param: 'tool_choice',
      message: "Tool choice 'function' not found in 'tools' parameter.",
    });
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', tool_choice: 'required' })), { status: 400, param: 'tool_choice', message: /required/ });
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', tools: [WEATHER_TOOL, WEATHER_TOOL] })), { status: 400, param: 'tools[1].name', message: /duplicate tool name 'get_weather'/ });
  });

  it('refuses a function whose parameters are not a JSON Schema', async () => {
    const tool = { ...WEATHER_TOOL, parameters: { type: 'object', properties: { city: { type: 'strang' } } } };
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', tools: [tool] })), { status: 400, param: 'tools[0].parameters', message: /Invalid schema for function 'get_weather'/ });
  });

  it('background mode needs storage; stored prompts and conversations are unknown to the mock', async () => {
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, input: 'x', background: true, store: false })), { status: 400, param: 'background', message: /requires `store` to be true/ });
    await expectOpenAIError(await mock.fetch(responsesRequest({ prompt: { id: 'pmpt_1' }, input: 'x' })), { status: 404, param: 'prompt.id', message: "Prompt with id 'pmpt_1' not found." });
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: CHAT_MODEL, conversation: 'conv_1', input: 'x' })), { status: 404, param: 'conversation', message: "Conversation with id 'conv_1' not found." });
  });

  it('any catalog model answers, an unknown one is model_not_found', async () => {
    expect(messageText((await create({ model: 'claude-sonnet-4-6', input: 'cross-protocol' })).response.output[0])).toBe('cross-protocol');
    await expectOpenAIError(await mock.fetch(responsesRequest({ model: 'gpt-nope', input: 'x' })), {
      status: 404,
      code: 'model_not_found',
      message: 'The model `gpt-nope` does not exist or you do not have access to it.',
    });
  });
});
