import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { expect, expectEqual, fail, preview } from '../../harness/assert.ts';
import { type Check, type CheckContext, defineCheck } from '../../harness/check.ts';
import { accumulate, errorSummary, eventsOf, okEvents, okJson, postMessages } from '../exchanges.ts';
import { anyToolBody, forcedToolBody, toolChoiceBody, WEATHER_TOOL } from '../requests.ts';
import { sdkStreamedMessage } from './stream-events.ts';
import { toolStream } from './stream-framing.ts';

const TOOL_DOCS = 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use';
const protocol = 'anthropic-messages';

type Block = Record<string, unknown>;

const forcedExchange = (ctx: CheckContext) => postMessages(ctx, 'tool', forcedToolBody(ctx.target.model));

function contentOf(message: Record<string, unknown>): Block[] {
  return Array.isArray(message.content) ? (message.content as Block[]) : [];
}

/** Fails unless `input` is an object that satisfies the weather tool's input_schema. */
function expectWeatherInput(input: unknown, where: string): void {
  expect(input !== null && typeof input === 'object' && !Array.isArray(input), `${where}: input is ${preview(input)}, not an object`);
  const compiled = compileToolSchema(WEATHER_TOOL.input_schema);
  if (!compiled.ok) fail(`the weather tool schema does not compile: ${compiled.error}`);
  const diagnostics = compiled.validate(input);
  expect(diagnostics.length === 0, `${where}: input ${preview(input)} breaks the tool's input_schema: ${formatDiagnostics(diagnostics, 2)}`);
}

function expectToolUse(message: Record<string, unknown>, what: string): Block {
  const toolUses = contentOf(message).filter((b) => b.type === 'tool_use');
  expect(toolUses.length >= 1, `${what}: no tool_use block in ${preview(message.content)}`);
  const block = toolUses[0]!;
  expect(typeof block.id === 'string' && block.id.length > 0, `${what}: the tool_use block has no id`);
  expect(block.name === WEATHER_TOOL.name, `${what}: tool_use names ${preview(block.name)}, expected ${WEATHER_TOOL.name}`);
  expectWeatherInput(block.input, what);
  expect(message.stop_reason === 'tool_use', `${what}: stop_reason is ${preview(message.stop_reason)}, expected "tool_use"`);
  return block;
}

/** The tool block's index in the stream and its start event's content_block. */
function toolBlockStart(ctx: CheckContext) {
  return toolStream(ctx).then((capture) => {
    const events = okEvents(capture, 'the tool stream');
    const start = events.find((e) => e.type === 'content_block_start' && (e.json?.content_block as Block | undefined)?.type === 'tool_use');
    if (!start?.json) fail(`no content_block_start for a tool_use block (events: ${events.map((e) => e.type).join(', ')})`);
    return { events, index: start.json.index as number, block: start.json.content_block as Block };
  });
}

export const toolChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/tools/forced-tool-use',
    protocol,
    level: 'must',
    description: 'tool_choice {type:"tool"} yields a tool_use block whose input satisfies the input_schema, with stop_reason tool_use.',
    spec: TOOL_DOCS,
    async run(ctx) {
      expectToolUse(okJson(await forcedExchange(ctx), 'the forced tool request'), 'forced tool');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/any-tool-use',
    protocol,
    level: 'must',
    description: 'tool_choice {type:"any"} yields a tool_use block and stop_reason tool_use.',
    spec: TOOL_DOCS,
    async run(ctx) {
      expectToolUse(okJson(await postMessages(ctx, 'tool-any', anyToolBody(ctx.target.model)), 'the tool_choice any request'), 'tool_choice any');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/stream-block-start',
    protocol,
    level: 'must',
    description: 'A streamed tool_use block opens with its id, name and `input: {}`.',
    spec: 'https://github.com/farion1231/cc-switch/issues/2557',
    async run(ctx) {
      const { block } = await toolBlockStart(ctx);
      expect(typeof block.id === 'string' && block.id.length > 0, 'content_block_start tool_use has no id');
      expect(block.name === WEATHER_TOOL.name, `content_block_start tool_use name is ${preview(block.name)}`);
      expectEqual(block.input, {}, 'content_block_start tool_use input');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/stream-input-json',
    protocol,
    level: 'must',
    description: 'The tool block streams input_json_delta fragments whose concatenation is JSON satisfying the schema.',
    spec: 'https://docs.claude.com/en/docs/build-with-claude/streaming#input-json-delta',
    async run(ctx) {
      const { events, index } = await toolBlockStart(ctx);
      const deltas = eventsOf(events, 'content_block_delta').filter((e) => e.json?.index === index);
      expect(deltas.length > 0, 'no deltas for the tool_use block');
      const kinds = [...new Set(deltas.map((e) => (e.json?.delta as Block | undefined)?.type))];
      expect(kinds.length === 1 && kinds[0] === 'input_json_delta', `tool block deltas are ${preview(kinds)}, expected only input_json_delta`);
      const text = deltas.map((e) => String((e.json?.delta as Block).partial_json ?? '')).join('');
      let input: unknown;
      try {
        input = text === '' ? {} : JSON.parse(text);
      } catch {
        fail(`the concatenated partial_json is not JSON: ${preview(text, 100)}`);
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
    async run(ctx) {
      const { stopReason } = accumulate(okEvents(await toolStream(ctx), 'the tool stream'));
      expect(stopReason === 'tool_use', `message_delta stop_reason is ${preview(stopReason)}, expected "tool_use"`);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/sdk-final-message',
    protocol,
    level: 'must',
    description: 'The SDK stream helper accumulates the tool call: finalMessage() has the tool_use with its parsed input.',
    spec: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/helpers.md',
    async run(ctx) {
      const message = await sdkStreamedMessage(ctx, 'tool', forcedToolBody(ctx.target.model));
      expectToolUse(message as unknown as Record<string, unknown>, 'SDK finalMessage()');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/no-empty-text-block',
    protocol,
    level: 'should',
    description: 'A tool reply has no empty text block (streamed or not) in front of the tool_use.',
    spec: 'https://github.com/BerriAI/litellm/issues/34692',
    async run(ctx) {
      const plain = contentOf(okJson(await forcedExchange(ctx), 'the forced tool request'));
      expect(!plain.some((b) => b.type === 'text' && !b.text), 'the non-streamed reply has an empty text block');
      const { content } = accumulate(okEvents(await toolStream(ctx), 'the tool stream'));
      expect(!content.some((b) => b?.type === 'text' && !b.text), 'the streamed reply has an empty text block');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/tool-choice-forms',
    protocol,
    level: 'must',
    description: 'Every tool_choice form is accepted: auto, any, tool (named) and none.',
    spec: 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use#forcing-tool-use',
    async run(ctx) {
      const forms = [{ type: 'auto' }, { type: 'any' }, { type: 'tool', name: WEATHER_TOOL.name }, { type: 'none' }];
      for (const form of forms) {
        const exchange = await postMessages(ctx, `tool-choice-${form.type}`, toolChoiceBody(ctx.target.model, form));
        expect(exchange.status === 200, `tool_choice ${preview(form)} rejected: ${errorSummary(exchange)}`);
      }
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/tool-choice-none',
    protocol,
    level: 'must',
    description: 'tool_choice {type:"none"} is honoured: no tool_use block and no tool_use stop reason.',
    spec: 'https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use#forcing-tool-use',
    async run(ctx) {
      const message = okJson(await postMessages(ctx, 'tool-choice-none', toolChoiceBody(ctx.target.model, { type: 'none' })), 'tool_choice none');
      expect(!contentOf(message).some((b) => b.type === 'tool_use'), 'tool_choice none still produced a tool_use block');
      expect(message.stop_reason !== 'tool_use', 'tool_choice none ended with stop_reason tool_use');
    },
  }),
  defineCheck({
    id: 'anthropic-messages/tools/tool-use-id-format',
    protocol,
    level: 'should',
    description: 'tool_use ids match ^[a-zA-Z0-9_-]+$, the pattern the API requires when the id is sent back.',
    spec: 'https://docs.claude.com/en/api/messages#body-messages-content-tool-use-id',
    async run(ctx) {
      const block = contentOf(okJson(await forcedExchange(ctx), 'the forced tool request')).find((b) => b.type === 'tool_use');
      expect(block, 'no tool_use block');
      expect(typeof block.id === 'string' && /^[a-zA-Z0-9_-]+$/.test(block.id), `tool_use id ${preview(block.id)} cannot be sent back to the API`);
    },
  }),
];
