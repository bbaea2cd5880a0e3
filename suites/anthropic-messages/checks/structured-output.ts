import { type Check, defineCheck } from '../../harness/check.ts';
import { okStream } from '../../harness/stream-capture.ts';
import { accumulate, textOf } from '../accumulate.ts';
import { expectCompleteStream, streamMessages } from '../exchanges.ts';
import { structuredBody } from '../requests.ts';
import { judgeAfterRoot, streamTextFaithful } from '../stream-conventions.ts';
import { expectStructuredText, structuredReply } from '../structured-output.ts';

const STRUCTURED_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/structured-outputs';
const protocol = 'anthropic-messages';

/**
 * Structured output, an optional capability: skipped when the target answers a clean 400; once
 * it accepts `output_config.format`, the reply must be JSON valid against the schema (clients
 * parse it as the object they asked for, streamed or not).
 */
export const structuredOutputChecks: Check[] = [
  defineCheck({
    id: 'anthropic-messages/structured-output/json-schema',
    protocol,
    level: 'must',
    description: 'With output_config.format {type:"json_schema"}, the reply text is JSON valid against the schema (skipped on a clean 400).',
    spec: STRUCTURED_DOCS,
    // Captured (fixtures/captures/structured-output-clients.jsonl): the SDK's messages.parse(), the
    // AI SDK's generateObject / Output.object and LangChain's withStructuredOutput(…, {method:
    // "jsonSchema"}) send output_config.format and parse the text; free text fails all three.
    clients: ['anthropic-sdk', 'vercel-ai-sdk', 'langchain'],
    tags: ['structured-output'],
    async run(ctx) {
      const { exchange, message } = await ctx.use(structuredReply);
      expectStructuredText(textOf(message.content), message.stop_reason, 'the reply', exchange.record);
    },
  }),
  defineCheck({
    id: 'anthropic-messages/structured-output/json-schema-stream',
    protocol,
    level: 'must',
    description: 'Streamed with output_config.format {type:"json_schema"}, the text deltas add up to JSON valid against the schema.',
    spec: STRUCTURED_DOCS,
    // The AI SDK's streamObject / streamText with Output.object stream it (captured); the SDK's
    // MessageStream parses the accumulated text with the format's parser at message_stop.
    clients: ['anthropic-sdk', 'vercel-ai-sdk'],
    tags: ['structured-output', 'streaming'],
    async run(ctx) {
      await ctx.use(structuredReply);
      const capture = okStream(await streamMessages(ctx.target, structuredBody(ctx.target.model)), 'the structured-output stream');
      await expectCompleteStream(ctx.use, capture, 'structured-output');
      const { content, stopReason } = accumulate(capture.events);
      // Text garbled in every stream is stream/sdk-text-matches-non-stream's failure, not this one's.
      await judgeAfterRoot(ctx.use, streamTextFaithful, () => expectStructuredText(textOf(content), stopReason, 'the streamed reply', capture.exchange.record));
    },
  }),
];
