import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { excerpt, expect, expectEqual, fail, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { eventsOf } from '../../harness/stream-capture.ts';
import { accumulate, contentOf } from '../accumulate.ts';
import { anthropicClient } from '../client.ts';
import { forcedToolUse, postMessages, sdkMessage, sdkStreamAfterEventLines, toolChoiceNoneReply, toolStream, toolStreamBlock, toolStreamComplete } from '../exchanges.ts';
import { anyToolBody, forcedToolBody, toolChoiceBody, WEATHER_TOOL } from '../requests.ts';

const TOOL_DOCS = 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use';
const protocol = 'anthropic-messages';

type Block = Record<string, unknown>;

/** Fails unless `input` is an object that satisfies the weather tool's input_schema. */
function expectWeatherInput(input: unknown, where: string): void {
  expect(input !== null && typeof input === 'object' && !Array.isArray(input), `${where}: input is ${preview(input)}, not an object`, { expected: 'a JSON object', actual: preview(input) });
  const compiled = compileToolSchema(WEATHER_TOOL.input_schema);
  if (!compiled.ok) throw new Error(`the weather tool schema does not compile: ${compiled.error}`);
  const diagnostics = compiled.validate(input);
  expect(diagnostics.length === 0, `${where}: input ${preview(input)} breaks the tool's input_schema: ${formatDiagnostics(diagnostics, 2)}`, {
    expected: 'an input satisfying the tool input_schema (city required)',
    actual: preview(input),
  });
}

/** Fails unless the message calls the weather tool with a valid input and stops for it. */
function expectToolUse(message: Record<string, unknown>, what: string): void {
  const block = contentOf(message).find((b) => b.type === 'tool_use');
  expect(block, `${what}: no tool_use block in ${preview(message.content)}`, { expected: `a tool_use block calling ${WEATHER_TOOL.name}`, actual: preview(message.content, 300) });
  expect(typeof block.id === 'string' && block.id.length > 0, `${what}: the tool_use block has no id`, { actual: preview(block) });
  expect(block.name === WEATHER_TOOL.name, `${what}: tool_use names ${preview(block.name)}, expected ${WEATHER_TOOL.name}`, { expected: WEATHER_TOOL.name, actual: preview(block.name) });
  expectWeatherInput(block.input, what);
  expect(message.stop_reason === 'tool_use', `${what}: stop_reason is ${preview(message.stop_reason)}, expected "tool_use"`, { expected: '"tool_use"', actual: preview(message.stop_reason) });
}

/** Tool use: forced and any, streamed block by block, through the SDK, and every tool_choice form. */
export const toolsChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/tools/forced-tool-use',
    protocol,
    level: 'must',
    description: 'tool_choice {type:"tool"} yields a tool_use block whose input satisfies the input_schema, with stop_reason tool_use.',
    spec: TOOL_DOCS,
    // LangChain's withStructuredOutput (default functionCalling) forces a named tool and parses its input
    // (fixtures/captures/structured-output-clients.jsonl); the AI SDK validates a tool call's input
    // against the tool's schema.
    clients: ['langchain', 'vercel-ai-sdk'],
    tags: ['tools'],
    async run(ctx) {
      expectToolUse((await ctx.use(forcedToolUse)).message, 'forced tool');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/any-tool-use',
    protocol,
    level: 'must',
    description: 'tool_choice {type:"any"} yields a tool_use block and stop_reason tool_use.',
    spec: TOOL_DOCS,
    // The AI SDK's toolChoice: "required" is sent as {type: "any"}.
    clients: ['vercel-ai-sdk'],
    tags: ['tools'],
    async run(ctx) {
      expectToolUse(okJson(await postMessages(ctx.target, anyToolBody(ctx.target.model)), 'the tool_choice any request'), 'tool_choice any');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/stream-block-start',
    protocol,
    level: 'must',
    description: 'A streamed tool_use block opens with its id, name and `input: {}`.',
    spec: 'https://github.com/farion1231/cc-switch/issues/2557',
    // Claude Code crashes rendering a streamed tool_use that starts without input
    // (farion1231/cc-switch#2556).
    clients: ['claude-code'],
    tags: ['tools', 'streaming'],
    async run(ctx) {
      const { block } = await ctx.use(toolStreamBlock);
      expect(typeof block.id === 'string' && block.id.length > 0, 'content_block_start tool_use has no id', { actual: preview(block) });
      expect(block.name === WEATHER_TOOL.name, `content_block_start tool_use name is ${preview(block.name)}`, { expected: WEATHER_TOOL.name, actual: preview(block.name) });
      expectEqual(block.input, {}, 'content_block_start tool_use input');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/stream-input-json',
    protocol,
    level: 'must',
    description: 'The tool block streams input_json_delta fragments whose concatenation is JSON satisfying the schema.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/streaming#input-json-delta',
    // All build a streamed tool call's input from its input_json_delta fragments (Claude Code and
    // LangChain through the SDK's stream).
    clients: ['anthropic-sdk', 'claude-code', 'langchain', 'vercel-ai-sdk'],
    tags: ['tools', 'streaming'],
    async run(ctx) {
      const { events, index } = await ctx.use(toolStreamBlock);
      const deltas = eventsOf(events, 'content_block_delta').filter((e) => e.json?.index === index);
      expect(deltas.length > 0, 'no deltas for the tool_use block', { expected: 'input_json_delta events' });
      const kinds = [...new Set(deltas.map((e) => (e.json?.delta as Block | undefined)?.type))];
      expect(kinds.length === 1 && kinds[0] === 'input_json_delta', `tool block deltas are ${preview(kinds)}, expected only input_json_delta`, { expected: '["input_json_delta"]', actual: preview(kinds) });
      const text = deltas.map((e) => String((e.json?.delta as Block).partial_json ?? '')).join('');
      let input: unknown;
      try {
        input = text === '' ? {} : JSON.parse(text);
      } catch {
        fail(`the concatenated partial_json is not JSON: ${excerpt(text, 100)}`, { expected: 'JSON text', actual: excerpt(text, 300) });
      }
      expectWeatherInput(input, 'streamed tool input');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/stream-stop-reason',
    protocol,
    level: 'must',
    description: 'A streamed tool call ends with message_delta stop_reason tool_use.',
    spec: 'https://github.com/BerriAI/litellm/issues/34692',
    // BerriAI/litellm#34692 (labelled claude code): on end_turn, Claude Code ends the turn instead of
    // running the tool.
    clients: ['claude-code'],
    tags: ['tools', 'stop-reasons', 'streaming'],
    async run(ctx) {
      await ctx.use(toolStreamBlock);
      const { stopReason } = accumulate((await ctx.use(toolStreamComplete)).events);
      expect(stopReason === 'tool_use', `message_delta stop_reason is ${preview(stopReason)}, expected "tool_use"`, { expected: '"tool_use"', actual: preview(stopReason) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/sdk-final-message',
    protocol,
    level: 'must',
    description: 'The SDK stream helper accumulates the tool call: finalMessage() has the tool_use with its parsed input.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/helpers.md',
    clients: ['anthropic-sdk'],
    tags: ['tools', 'streaming', 'sdk'],
    async run(ctx) {
      // The SDK must work, and the raw tool stream hold a whole tool call: otherwise their owners say so.
      await ctx.use(sdkMessage);
      await ctx.use(toolStreamBlock);
      await ctx.use(toolStreamComplete);
      await sdkStreamAfterEventLines(ctx.use, async () => {
        const message = await anthropicClient(ctx.target).messages.stream(forcedToolBody(ctx.target.model) as never).finalMessage();
        expectToolUse(message as unknown as Record<string, unknown>, 'SDK finalMessage()');
      });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/no-empty-text-block',
    protocol,
    level: 'should',
    description: 'A tool reply has no empty text block (streamed or not) in front of the tool_use.',
    spec: 'https://github.com/BerriAI/litellm/issues/34692',
    // Claude Code sends the turn back: an empty text block makes the next request a 400 upstream
    // (BerriAI/litellm#34692).
    clients: ['claude-code'],
    tags: ['tools'],
    async run(ctx) {
      const { message } = await ctx.use(forcedToolUse);
      expect(!contentOf(message).some((b) => b.type === 'text' && !b.text), 'the non-streamed reply has an empty text block', { actual: preview(message.content, 300) });
      await ctx.use(toolStreamBlock);
      const { content } = accumulate((await ctx.use(toolStream)).events);
      expect(!content.some((b) => b?.type === 'text' && !b.text), 'the streamed reply has an empty text block', { actual: preview(content, 300) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/tool-choice-forms',
    protocol,
    level: 'must',
    description: 'Every tool_choice form is accepted: auto, any, tool (named) and none.',
    spec: 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use#forcing-tool-use',
    // A rejected tool_choice form broke Claude Code's WebSearch
    // (deepseek-ai/awesome-deepseek-integration#606).
    clients: ['claude-code'],
    tags: ['tools'],
    async run(ctx) {
      for (const form of [{ type: 'auto' }, { type: 'any' }, { type: 'tool', name: WEATHER_TOOL.name }]) {
        okJson(await postMessages(ctx.target, toolChoiceBody(ctx.target.model, form)), `tool_choice ${preview(form)}`);
      }
      await ctx.use(toolChoiceNoneReply);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/tool-choice-none',
    protocol,
    level: 'must',
    description: 'tool_choice {type:"none"} is honoured: no tool_use block and no tool_use stop reason.',
    spec: 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use#forcing-tool-use',
    tags: ['tools'],
    async run(ctx) {
      const message = await ctx.use(toolChoiceNoneReply);
      expect(!contentOf(message).some((b) => b.type === 'tool_use'), 'tool_choice none still produced a tool_use block', { expected: 'no tool_use block', actual: preview(message.content, 300) });
      expect(message.stop_reason !== 'tool_use', 'tool_choice none ended with stop_reason tool_use', { expected: 'not "tool_use"', actual: preview(message.stop_reason) });
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/tool-use-id-format',
    protocol,
    level: 'should',
    description: 'tool_use ids match ^[a-zA-Z0-9_-]+$, the pattern the API requires when the id is sent back.',
    spec: 'https://docs.claude.com/en/api/messages#body-messages-content-tool-use-id',
    tags: ['tools'],
    async run(ctx) {
      const { block } = await ctx.use(forcedToolUse);
      expect(typeof block.id === 'string' && /^[a-zA-Z0-9_-]+$/.test(block.id), `tool_use id ${preview(block.id)} cannot be sent back to the API`, {
        expected: 'an id matching ^[a-zA-Z0-9_-]+$',
        actual: preview(block.id),
      });
    },
  }),
];
