import { expect, expectEqual, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { okJson } from '../../harness/replies.ts';
import { expectSdkError } from '../../harness/sdk-error.ts';
import { getStored, notFoundErrorClass, openaiClient } from '../client.ts';
import { openaiErrorOf } from '../../openai-common/envelope.ts';
import { notFoundStatus } from '../envelope.ts';
import { basicReply, expectErrorReply, postResponses, sdkResponse } from '../exchanges.ts';
import { basicBody, followUpBody } from '../requests.ts';
import { messageText } from '../stream-read.ts';

const STATE_DOCS = 'https://platform.openai.com/docs/guides/conversation-state';
const protocol = 'openai-responses';
const UNKNOWN_RESPONSE_ID = 'resp_llmconformance000000000000000000000000000000';

/** What a Response is made of, for comparing two copies: id, status, and each item's type, id and text. */
function summary(response: { id?: unknown; status?: unknown; output?: unknown }): string[] {
  const items = Array.isArray(response.output) ? (response.output as Record<string, unknown>[]) : [];
  return [`id ${String(response.id)}`, `status ${String(response.status)}`, ...items.map((item) => `${String(item.type)} ${String(item.id)}`)];
}

/** Stored responses: retrieval, continuation by previous_response_id, unknown ids, `store: false`. */
export const stateChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/state/retrieve',
    protocol,
    level: 'must',
    description: 'A stored response (store defaults to true) comes back from responses.retrieve() (GET /v1/responses/{id}) as it was created: same id, status, items and text.',
    spec: 'https://platform.openai.com/docs/api-reference/responses/get',
    clients: ['openai-sdk'],
    tags: ['state', 'sdk'],
    async run(ctx) {
      const created = await ctx.use(sdkResponse);
      const retrieved = await openaiClient(ctx.target).responses.retrieve(created.id);
      expectEqual(summary(retrieved), summary(created), 'the retrieved Response');
      expect(retrieved.output_text === created.output_text, `the retrieved text is ${preview(retrieved.output_text, 80)}, created ${preview(created.output_text, 80)}`, {
        expected: preview(created.output_text),
        actual: preview(retrieved.output_text),
      });
    },
  }),
  defineCheck({
    id: 'openai-responses/state/previous-response-id',
    protocol,
    level: 'must',
    description: 'A follow-up with previous_response_id (a stored response) is answered with text and echoes previous_response_id.',
    spec: `${STATE_DOCS}#passing-context-from-the-previous-response`,
    clients: ['vercel-ai-sdk'],
    tags: ['state'],
    async run(ctx) {
      const previous = (await ctx.use(basicReply)).response.id;
      const exchange = await postResponses(ctx.target, followUpBody(ctx.target, String(previous)));
      const response = okJson(exchange, 'a follow-up with previous_response_id');
      const on = { exchange: exchange.record };
      expect(messageText(response).length > 0, 'the follow-up has no text', { ...on, expected: 'a message item with output_text', actual: preview(response.output, 300) });
      expect(response.previous_response_id === previous, `previous_response_id is ${preview(response.previous_response_id)}, expected ${preview(previous)}`, {
        ...on,
        expected: preview(previous),
        actual: preview(response.previous_response_id),
      });
    },
  }),
  defineCheck({
    id: 'openai-responses/state/unknown-previous-response',
    protocol,
    level: 'must',
    description:
      'An unknown previous_response_id answers 404 (or 400) in the OpenAI envelope with code "previous_response_not_found" or param "previous_response_id" (what clients recover on); the SDK raises the matching class.',
    spec: 'https://github.com/Soju06/codex-lb/pull/1817',
    clients: ['openai-sdk'],
    tags: ['state', 'errors'],
    async run(ctx) {
      const body = followUpBody(ctx.target, UNKNOWN_RESPONSE_ID);
      const exchange = await postResponses(ctx.target, body);
      const status = notFoundStatus(exchange, 'an unknown previous_response_id');
      await expectErrorReply(ctx.use, exchange, status, 'an unknown previous_response_id');
      const error = openaiErrorOf(exchange);
      expect(error?.code === 'previous_response_not_found' || error?.param === 'previous_response_id', `the error names neither code "previous_response_not_found" nor param "previous_response_id": ${preview(error)}`, {
        expected: '{"code":"previous_response_not_found","param":"previous_response_id",…}',
        actual: preview(error),
        exchange: exchange.record,
      });
      await ctx.use(sdkResponse);
      await expectSdkError(() => openaiClient(ctx.target).responses.create(body as never), notFoundErrorClass(status), status, 'responses.create()');
    },
  }),
  defineCheck({
    id: 'openai-responses/state/store-false',
    protocol,
    level: 'should',
    description: 'A response created with store: false is not stored: GET /v1/responses/{id} answers 404.',
    spec: 'https://platform.openai.com/docs/api-reference/responses/create#responses-create-store',
    tags: ['state'],
    async run(ctx) {
      const created = okJson(await postResponses(ctx.target, { ...basicBody(ctx.target), store: false }), 'a request with store: false');
      await expectErrorReply(ctx.use, await getStored(ctx.target, String(created.id)), 404, 'GET of a response created with store: false');
    },
  }),
];
