import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { firstChoice, messageOf } from '../chunks.ts';
import { openaiClient, postChat, streamChat } from '../client.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { chatStream, choiceZero, sdkCompletion, toolStreamCall, toolStreamComplete } from '../exchanges.ts';
import { expectJsonText } from '../json-value.ts';
import { namedToolBody, parallelToolBody, requiredToolBody, TIME_TOOL, TOOL_PARAMETERS, toolChoiceNoneBody, WEATHER_TOOL } from '../requests.ts';

const TOOLS_DOCS = 'https://platform.openai.com/docs/guides/function-calling';
const protocol = 'openai-chat';

type Json = Record<string, unknown>;

/** Fails unless a non-streamed choice calls `name` with arguments valid against its parameters; returns the call. */
function expectToolCall(choice: Json, name: string, what: string): Json {
  const calls = messageOf(choice).tool_calls;
  expect(Array.isArray(calls) && calls.length > 0, `${what}: no tool_calls in choices[0].message (content ${preview(messageOf(choice).content, 80)})`, {
    expected: `a tool call to ${name}`,
    actual: preview(messageOf(choice), 300),
  });
  const call = (calls.find((c) => (c as { function?: { name?: unknown } })?.function?.name === name) ?? calls[0]) as Json;
  const fn = (call?.function ?? {}) as Json;
  expect(typeof call?.id === 'string' && call.id.length > 0, `${what}: the tool call has no id`, { expected: 'an id', actual: preview(call, 200) });
  expect(call.type === 'function', `${what}: the tool call has type ${preview(call.type)}, expected "function"`, { expected: '"function"', actual: preview(call.type) });
  expect(fn.name === name, `${what}: the tool call names ${preview(fn.name)}, expected ${name}`, { expected: name, actual: preview(fn.name) });
  expectJsonText(fn.arguments, TOOL_PARAMETERS[name] ?? {}, `${what}: the arguments`);
  return call;
}

/** Tool calls: forced (required and named), none, streamed delta by delta, parallel, and through the SDK's accumulator. */
export const toolsChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/tools/required-tool-call',
    protocol,
    level: 'must',
    description: 'tool_choice "required" yields a tool call (id, type function, name) whose arguments are JSON valid against parameters, with finish_reason tool_calls.',
    spec: 'https://github.com/BerriAI/litellm/issues/35663',
    tags: ['tools'],
    async run(ctx) {
      const choice = firstChoice(okJson(await postChat(ctx.target, requiredToolBody(ctx.target.model)), 'the tool_choice "required" request'));
      expectToolCall(choice, WEATHER_TOOL.function.name, 'tool_choice "required"');
      expect(choice.finish_reason === 'tool_calls', `finish_reason is ${preview(choice.finish_reason)}, expected "tool_calls"`, { expected: '"tool_calls"', actual: preview(choice.finish_reason) });
    },
  }),
  defineCheck({
    id: 'openai-chat/tools/named-tool-call',
    protocol,
    level: 'must',
    description: 'A named tool_choice calls that function with valid arguments; finish_reason is stop or tool_calls (the API itself answers stop).',
    spec: 'https://github.com/vllm-project/vllm/issues/25054',
    tags: ['tools'],
    async run(ctx) {
      const choice = firstChoice(okJson(await postChat(ctx.target, namedToolBody(ctx.target.model)), 'the named tool_choice request'));
      expectToolCall(choice, TIME_TOOL.function.name, 'a named tool_choice');
      expect(choice.finish_reason === 'stop' || choice.finish_reason === 'tool_calls', `finish_reason is ${preview(choice.finish_reason)}, expected "stop" or "tool_calls"`, {
        expected: '"stop" or "tool_calls"',
        actual: preview(choice.finish_reason),
      });
    },
  }),
  defineCheck({
    id: 'openai-chat/tools/tool-choice-none',
    protocol,
    level: 'must',
    description: 'tool_choice "none" with tools declared is honoured: no tool_calls, no finish_reason tool_calls.',
    spec: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-tool_choice',
    tags: ['tools'],
    async run(ctx) {
      const choice = firstChoice(okJson(await postChat(ctx.target, toolChoiceNoneBody(ctx.target.model)), 'the tool_choice "none" request'));
      const calls = messageOf(choice).tool_calls;
      expect(!Array.isArray(calls) || calls.length === 0, 'tool_choice "none" still produced tool calls', { expected: 'no tool_calls', actual: preview(calls, 200) });
      expect(choice.finish_reason !== 'tool_calls', 'tool_choice "none" finished with tool_calls', { expected: 'not "tool_calls"', actual: preview(choice.finish_reason) });
    },
  }),
  defineCheck({
    id: 'openai-chat/tools/stream-tool-call-deltas',
    protocol,
    level: 'must',
    description: 'Streamed tool calls: every tool_calls delta has an integer index; the first delta of each call carries id, type "function" and function.name, never changed later.',
    spec: 'https://github.com/openai/openai-python/issues/2806',
    // openai-node throws "invalid tool call index"; the AI SDK requires index and function.name.
    clients: ['openai-sdk', 'vercel-ai-sdk'],
    tags: ['tools', 'streaming'],
    async run(ctx) {
      await ctx.use(toolStreamCall);
    },
  }),
  defineCheck({
    id: 'openai-chat/tools/stream-arguments-json',
    protocol,
    level: 'must',
    description: "A streamed tool call's argument fragments concatenate to JSON valid against the tool's parameters.",
    spec: `${TOOLS_DOCS}#streaming`,
    tags: ['tools', 'streaming'],
    async run(ctx) {
      const { call } = await ctx.use(toolStreamCall);
      expectJsonText(call.arguments, TOOL_PARAMETERS[String(call.name)] ?? TOOL_PARAMETERS[WEATHER_TOOL.function.name]!, 'the streamed arguments');
    },
  }),
  defineCheck({
    id: 'openai-chat/tools/stream-finish-reason',
    protocol,
    level: 'must',
    description: 'A streamed tool_choice "required" call ends with finish_reason tool_calls.',
    spec: 'https://github.com/vllm-project/vllm/issues/9209',
    tags: ['tools', 'streaming'],
    async run(ctx) {
      await ctx.use(toolStreamCall);
      const finish = choiceZero(await ctx.use(toolStreamComplete), 'tool').finishReasons[0];
      expect(finish === 'tool_calls', `the tool stream finishes with ${preview(finish)}, expected "tool_calls"`, { expected: '"tool_calls"', actual: preview(finish) });
    },
  }),
  defineCheck({
    id: 'openai-chat/tools/parallel-calls',
    protocol,
    level: 'must',
    description: 'Parallel tool calls stream with distinct tool_calls[].index values (0, 1…) and distinct ids (skipped when the model makes one call).',
    spec: 'https://github.com/ai-dynamo/dynamo/issues/4723',
    clients: ['openai-sdk', 'vercel-ai-sdk'],
    tags: ['tools', 'streaming'],
    async run(ctx) {
      const capture = await streamChat(ctx.target, parallelToolBody(ctx.target.model));
      requireCapabilityAccepted(capture.exchange, 'take an allowed_tools tool_choice');
      const stream = await chatStream(ctx.use, capture, 'parallel tool');
      const choice = choiceZero(stream, 'parallel tool');
      const on = { exchange: capture.exchange.record };
      expect(choice.unindexedToolDeltas === 0, `${choice.unindexedToolDeltas} tool_calls delta(s) have no integer index`, { ...on, expected: 'tool_calls[].index on every delta' });
      const ids = new Map(choice.toolHeaders.map((h) => [h.id, h.index]));
      requireObserved(ids.size >= 2, `the model made ${ids.size} tool call(s), so parallel calls were not exercised`);
      const indices = [...ids.values()];
      const shown = preview(choice.toolHeaders);
      expect(new Set(indices).size === ids.size, `${ids.size} parallel calls share tool_calls indices ${preview(indices)}: clients merge them into one call`, { ...on, expected: 'one index per call (0, 1, …)', actual: shown });
      expect(indices.every((index, i) => index === i), `parallel calls have indices ${preview(indices)}, expected 0, 1, … in order`, { ...on, expected: preview(indices.map((_, i) => i)), actual: shown });
    },
  }),
  defineCheck({
    id: 'openai-chat/tools/sdk-final-completion',
    protocol,
    level: 'must',
    description: "The SDK's ChatCompletionStream accumulates the streamed call: finalChatCompletion() has the tool call with JSON arguments valid against parameters.",
    spec: 'https://github.com/openai/openai-node/blob/master/helpers.md#chat-events',
    clients: ['openai-sdk'],
    tags: ['tools', 'streaming', 'sdk'],
    async run(ctx) {
      // The SDK must work, and the raw tool stream hold a whole tool call: otherwise their owners say so.
      await ctx.use(sdkCompletion);
      await ctx.use(toolStreamCall);
      await ctx.use(toolStreamComplete);
      const completion = await openaiClient(ctx.target).chat.completions.stream(requiredToolBody(ctx.target.model) as never).finalChatCompletion();
      expectToolCall((completion.choices[0] ?? {}) as unknown as Json, WEATHER_TOOL.function.name, 'finalChatCompletion()');
    },
  }),
];
