import OpenAI from 'openai';
import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { requireCapability } from '../../harness/verdict.ts';
import { firstChoice, messageOf } from '../chunks.ts';
import { openaiClient, postChat, streamChat } from '../client.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { chatStream, choiceZero, sdkCompletion } from '../exchanges.ts';
import { expectJsonText } from '../json-value.ts';
import { FORECAST_SCHEMA, jsonSchemaBody } from '../requests.ts';

const STRUCTURED_DOCS = 'https://platform.openai.com/docs/guides/structured-outputs';
const protocol = 'openai-chat';
const CAPABILITY = 'take a json_schema response_format';

/** Structured Outputs: `response_format: {type: "json_schema"}`, streamed and not, and the SDK's parse(). */
export const structuredOutputChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/structured-output/json-schema',
    protocol,
    level: 'must',
    description: 'With a strict json_schema response_format, the content parses as JSON valid against the schema (skipped on a clean 400).',
    spec: STRUCTURED_DOCS,
    tags: ['structured-output'],
    async run(ctx) {
      const exchange = await postChat(ctx.target, jsonSchemaBody(ctx.target.model));
      requireCapabilityAccepted(exchange, CAPABILITY);
      const choice = firstChoice(okJson(exchange, 'the json_schema request'));
      expectJsonText(messageOf(choice).content, FORECAST_SCHEMA, 'the content');
    },
  }),
  defineCheck({
    id: 'openai-chat/structured-output/json-schema-stream',
    protocol,
    level: 'must',
    description: 'Streamed with a json_schema response_format, the content deltas join to JSON valid against the schema.',
    spec: `${STRUCTURED_DOCS}#streaming`,
    tags: ['structured-output', 'streaming'],
    async run(ctx) {
      const capture = await streamChat(ctx.target, jsonSchemaBody(ctx.target.model));
      requireCapabilityAccepted(capture.exchange, CAPABILITY);
      const stream = await chatStream(ctx.use, capture, 'json_schema');
      expectJsonText(choiceZero(stream, 'json_schema').content, FORECAST_SCHEMA, 'the streamed content');
    },
  }),
  defineCheck({
    id: 'openai-chat/structured-output/sdk-parse',
    protocol,
    level: 'must',
    description: 'chat.completions.parse() with the json_schema response_format returns message.parsed, an object valid against the schema.',
    spec: 'https://github.com/openai/openai-node/blob/master/helpers.md#structured-outputs-parsing-helpers',
    // LangChain's ChatOpenAI calls parse() for a json_schema response_format.
    clients: ['openai-sdk', 'langchain'],
    tags: ['structured-output', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkCompletion);
      const completion = await openaiClient(ctx.target)
        .chat.completions.parse(jsonSchemaBody(ctx.target.model) as never)
        .catch((error: unknown) => {
          // A clean 400: the target does not take the response format (as the raw check skips).
          requireCapability(!(error instanceof OpenAI.BadRequestError), `the target does not ${CAPABILITY}: ${(error as Error).message}`);
          throw error;
        });
      const message = completion.choices[0]?.message;
      expect(message?.parsed !== null && message?.parsed !== undefined, `message.parsed is ${preview(message?.parsed)}`, { expected: 'the parsed object', actual: preview(message, 300) });
      expectJsonText(JSON.stringify(message.parsed), FORECAST_SCHEMA, 'message.parsed');
    },
  }),
];
