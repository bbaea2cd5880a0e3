import type OpenAI from 'openai';
import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { excerpt, expect, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { openaiClient } from '../client.ts';
import { forcedCall, postResponses, sdkResponse, toolStreamCall, toolStreamComplete, toolStructure } from '../exchanges.ts';
import { forcedToolBody, toolChoiceBody, toolOutputBody, WEATHER_TOOL } from '../requests.ts';
import { messageText } from '../stream-read.ts';

const TOOLS_DOCS = 'https://platform.openai.com/docs/guides/function-calling';
const protocol = 'openai-responses';

type Json = Record<string, unknown>;

/** Fails unless `text` is JSON that satisfies the weather tool's parameters. */
function expectWeatherArguments(text: unknown, where: string): void {
  expect(typeof text === 'string', `${where}: arguments is ${preview(text)}, not a JSON string`, { expected: 'a string of JSON', actual: preview(text) });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(`${where}: arguments is not JSON: ${excerpt(text, 100)}`, { expected: 'JSON text', actual: excerpt(text, 300) });
  }
  const compiled = compileToolSchema(WEATHER_TOOL.parameters);
  if (!compiled.ok) throw new Error(`the weather tool schema does not compile: ${compiled.error}`);
  const diagnostics = compiled.validate(value);
  expect(diagnostics.length === 0, `${where}: arguments ${preview(value)} break the tool's parameters: ${formatDiagnostics(diagnostics, 2)}`, {
    expected: 'arguments satisfying the tool parameters (city and unit required)',
    actual: preview(value),
  });
}

/** Fails unless `item` is a completed call of the weather tool with valid arguments. */
function expectWeatherCall(item: Json | undefined, what: string): void {
  expect(item?.type === 'function_call', `${what}: no function_call item`, { expected: `a function_call item calling ${WEATHER_TOOL.name}`, actual: preview(item, 300) });
  expect(typeof item.call_id === 'string' && item.call_id.length > 0, `${what}: the function_call has no call_id`, { actual: preview(item, 200) });
  expect(typeof item.id === 'string' && item.id.length > 0, `${what}: the function_call has no id`, { actual: preview(item, 200) });
  expect(item.name === WEATHER_TOOL.name, `${what}: the call names ${preview(item.name)}, expected ${WEATHER_TOOL.name}`, { expected: WEATHER_TOOL.name, actual: preview(item.name) });
  expectWeatherArguments(item.arguments, what);
}

/** Function calls: forced, streamed item by item, through the SDK, answered, and every tool_choice form. */
export const toolsChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/tools/forced-function-call',
    protocol,
    level: 'must',
    description: 'tool_choice {type:"function", name} yields a completed Response with a function_call item (id, call_id, name) whose arguments are JSON satisfying the parameters (Open Responses: tool-calling).',
    spec: TOOLS_DOCS,
    clients: ['codex-cli', 'vercel-ai-sdk'],
    tags: ['tools'],
    async run(ctx) {
      const { response, item } = await ctx.use(forcedCall);
      expectWeatherCall(item, 'the forced call');
      expect(item.status === 'completed', `the function_call's status is ${preview(item.status)}, expected "completed"`, { expected: '"completed"', actual: preview(item.status) });
      expect(response.status === 'completed', `the Response's status is ${preview(response.status)}, expected "completed"`, { expected: '"completed"', actual: preview(response.status) });
    },
  }),
  defineCheck({
    id: 'openai-responses/tools/stream-item-added',
    protocol,
    level: 'must',
    description: 'A streamed function call opens with output_item.added announcing the item with its call_id and name (Open Responses: tool-calling-streaming).',
    spec: 'https://github.com/BerriAI/litellm/pull/36375',
    clients: ['openai-sdk', 'vercel-ai-sdk'],
    tags: ['tools', 'streaming'],
    async run(ctx) {
      await ctx.use(toolStreamCall);
    },
  }),
  defineCheck({
    id: 'openai-responses/tools/stream-arguments',
    protocol,
    level: 'must',
    description: 'function_call_arguments.delta events add up to function_call_arguments.done.arguments and the output_item.done item, JSON satisfying the parameters.',
    spec: 'https://platform.openai.com/docs/guides/function-calling#streaming',
    clients: ['vercel-ai-sdk'],
    tags: ['tools', 'streaming'],
    async run(ctx) {
      const { capture, outputIndex } = await ctx.use(toolStreamCall);
      await ctx.use(toolStreamComplete);
      const of = (type: string) => capture.events.filter((e) => e.type === type && e.json?.output_index === outputIndex).map((e) => e.json!);
      const on = { exchange: capture.exchange.record };
      const joined = of('response.function_call_arguments.delta')
        .map((d) => String(d.delta ?? ''))
        .join('');
      const done = of('response.function_call_arguments.done')[0];
      expect(done, 'no function_call_arguments.done for the call', { ...on, expected: 'function_call_arguments.done with the whole arguments' });
      expect(done.arguments === joined, `the argument deltas add up to ${preview(joined, 80)}, but .done says ${preview(done.arguments, 80)}`, { ...on, expected: preview(done.arguments), actual: preview(joined) });
      const item = of('response.output_item.done')[0]?.item as Json | undefined;
      expect(item?.arguments === joined, `output_item.done carries arguments ${preview(item?.arguments, 80)}, the deltas ${preview(joined, 80)}`, { ...on, expected: preview(joined), actual: preview(item?.arguments) });
      expectWeatherArguments(joined, 'the streamed arguments');
    },
  }),
  defineCheck({
    id: 'openai-responses/tools/sdk-final-response',
    protocol,
    level: 'must',
    description: "The SDK's stream helper accumulates the call: finalResponse() holds the function_call with its call_id, name and valid arguments.",
    spec: 'https://github.com/openai/openai-node/blob/master/helpers.md#responses-streaming-helpers',
    clients: ['openai-sdk', 'langchain'],
    tags: ['tools', 'streaming', 'sdk'],
    async run(ctx) {
      // The SDK must work, and the raw tool stream hold a sound call: otherwise their owners say so.
      await ctx.use(sdkResponse);
      await ctx.use(toolStreamCall);
      await ctx.use(toolStructure.items);
      await ctx.use(toolStructure.ids);
      await ctx.use(toolStructure.output);
      const response = (await openaiClient(ctx.target).responses.stream(forcedToolBody(ctx.target) as never).finalResponse()) as OpenAI.Responses.Response;
      expectWeatherCall(
        response.output.find((item) => item.type === 'function_call') as unknown as Json | undefined,
        'SDK finalResponse()',
      );
    },
  }),
  defineCheck({
    id: 'openai-responses/tools/function-call-output-turn',
    protocol,
    level: 'must',
    description: 'A whole round trip sent back in input (user message, function_call, function_call_output), as stateless clients send it, is answered with text.',
    spec: `${TOOLS_DOCS}#handling-function-calls`,
    clients: ['codex-cli'],
    tags: ['tools'],
    async run(ctx) {
      const response = okJson(await postResponses(ctx.target, toolOutputBody(ctx.target)), 'a request with a function_call_output');
      expect(messageText(response).length > 0, 'no text in the answer to the function output', { expected: 'a message item with output_text', actual: preview(response.output, 300) });
    },
  }),
  defineCheck({
    id: 'openai-responses/tools/tool-choice-forms',
    protocol,
    level: 'must',
    description: 'Every tool_choice form is accepted: "auto", "required", "none" and {type:"function", name}.',
    spec: 'https://platform.openai.com/docs/api-reference/responses/create#responses-create-tool_choice',
    tags: ['tools'],
    async run(ctx) {
      for (const form of ['auto', 'required', 'none', { type: 'function', name: WEATHER_TOOL.name }]) {
        okJson(await postResponses(ctx.target, toolChoiceBody(ctx.target, form)), `tool_choice ${preview(form)}`);
      }
    },
  }),
];
