import Anthropic from '@anthropic-ai/sdk';
import { betaTool } from '@anthropic-ai/sdk/helpers/beta/json-schema';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { anthropicRequest, expectAnthropicError, MODEL, TEST_API_KEY } from '../../test-support.ts';
import { createFetch } from '../../transports/fetch.ts';

interface Sent {
  readonly body: Record<string, unknown>;
  readonly status: number;
}

/** An SDK client on a fresh mock that records every request body it sends and the status it got. */
function recordingClient() {
  const mock = createMockServer({ seed: 'threads', validateOutput: 'throw' });
  const answer = createFetch(mock);
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const res = await answer(input, init);
    sent.push({ body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>, status: res.status });
    return res;
  };
  const client = new Anthropic({ apiKey: TEST_API_KEY, authToken: null, baseURL: 'http://127.0.0.1:1', maxRetries: 0, fetch });
  return { mock, client, sent };
}

const weather = betaTool({
  name: 'get_weather',
  description: 'Get the weather',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  run: ({ city }) => `21C in ${city}`,
});

describe('the threads beta through the SDK’s tool runner', () => {
  for (const stream of [false, true]) {
    it(`completes a two-step tool loop over one thread${stream ? ', streamed' : ''}`, async () => {
      const { client, sent } = recordingClient();
      const runner = client.beta.messages.toolRunner({
        model: MODEL,
        max_tokens: 300,
        tools: [weather],
        tool_choice: { type: 'any' },
        messages: [{ role: 'user', content: 'weather?' }],
        // The mock calls a forced tool on every turn, so the loop is cut after its second turn.
        max_iterations: 2,
        ...(stream ? { stream: true as const } : {}),
      });
      const replies: Anthropic.Beta.BetaMessage[] = [];
      for await (const item of runner) replies.push('finalMessage' in item ? await item.finalMessage() : item);
      expect(replies.map((m) => m.stop_reason)).toEqual(['tool_use', 'tool_use']);
      expect(replies.map((m) => m.content[0]?.type)).toEqual(['tool_use', 'tool_use']);
      // What went over the wire: a thread created with the whole conversation, then continued
      // with only the tool result, without tools, and both answered 200.
      expect(sent.map((s) => s.status)).toEqual([200, 200]);
      expect(sent[0]?.body).toMatchObject({ thread: { type: 'create' }, tools: [expect.objectContaining({ name: 'get_weather' })] });
      expect(sent[1]?.body).toMatchObject({ thread: { type: 'continue', previous_message_id: replies[0]?.id } });
      expect(sent[1]?.body.tools).toBeUndefined();
      expect(sent[1]?.body.messages).toEqual([{ role: 'user', content: [expect.objectContaining({ type: 'tool_result', tool_use_id: (replies[0]?.content[0] as { id: string }).id })] }]);
    });
  }

  it('a thread continues with the system prompt and tools it was created with', async () => {
    const { client } = recordingClient();
    const thread = client.beta.messages.thread({ model: MODEL, max_tokens: 200, system: 'Be terse.', tools: [weather] });
    const first = await thread.send({ role: 'user', content: 'first question' });
    expect(first.content).toEqual([{ type: 'text', text: 'first question', citations: null }]);
    const second = await thread.send({ role: 'user', content: 'second question' });
    expect(second.content).toEqual([{ type: 'text', text: 'second question', citations: null }]);
    // Two messages of history, a system prompt and a tool more than the new turn alone: the
    // server really prepended what the thread held.
    const alone = await client.messages.countTokens({ model: MODEL, messages: [{ role: 'user', content: 'second question' }] });
    expect(second.usage.input_tokens).toBeGreaterThan(alone.input_tokens + 20);
  });
});

describe('thread errors, as the API answers them', () => {
  const body = (thread: unknown, extra: Record<string, unknown> = {}) => ({ model: MODEL, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }], thread, ...extra });

  it('404 thread_not_found for an unknown previous_message_id', async () => {
    const { mock } = recordingClient();
    const res = await mock.fetch(anthropicRequest(body({ type: 'continue', previous_message_id: 'msg_01unknown' })));
    const error = await expectAnthropicError(res, 404, 'not_found_error', /^No usable Thread state was found for `previous_message_id`\./, { details: true });
    expect(error.details).toEqual({ error_code: 'thread_not_found' });
  });

  it('the SDK maps a lost thread to its typed ThreadNotFoundError', async () => {
    const { client, sent } = recordingClient();
    const lost = client.beta.messages.create({ model: MODEL, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }], thread: { type: 'continue', previous_message_id: 'msg_01gone' } });
    await expect(lost).rejects.toBeInstanceOf(Anthropic.ThreadNotFoundError);
    expect(sent.map((s) => s.status)).toEqual([404]);
  });

  it('400 when a continue repeats tools or system, and thread_already_continued for a second continue', async () => {
    const { mock } = recordingClient();
    const created = (await (await mock.fetch(anthropicRequest(body({ type: 'create' })))).json()) as { id: string };
    const cont = { type: 'continue', previous_message_id: created.id };
    await expectAnthropicError(await mock.fetch(anthropicRequest(body(cont, { system: 'again' }))), 400, 'invalid_request_error', /^system: cannot be set when continuing a Thread/);
    expect((await mock.fetch(anthropicRequest(body(cont)))).status).toBe(200);
    const again = await mock.fetch(anthropicRequest(body(cont)));
    const error = await expectAnthropicError(again, 400, 'invalid_request_error', /has already been continued/, { details: true });
    expect(error.details).toEqual({ error_code: 'thread_already_continued' });
  });
});
