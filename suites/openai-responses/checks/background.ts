import { setTimeout as sleep } from 'node:timers/promises';
import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { describeReply, okJson } from '../../harness/replies.ts';
import type { ResolvedTarget } from '../../harness/target.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { cancelStored, getStored, RESPONSES_PATH } from '../client.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { postResponses } from '../exchanges.ts';
import { basicBody } from '../requests.ts';
import { messageText } from '../stream-read.ts';

const BACKGROUND_DOCS = 'https://platform.openai.com/docs/guides/background';
const protocol = 'openai-responses';

/** Waits before each poll: none before the first, then doubling (the mock moves one stage per poll). */
const POLL_DELAYS_MS = [0, 250, 500, 1000, 2000, 4000];
const PENDING = new Set(['queued', 'in_progress']);

/** A background response, created: a clean 400 means background mode is not offered. */
async function createInBackground(target: ResolvedTarget, purpose: string): Promise<Record<string, unknown>> {
  // Each check its own response: a deterministic server derives ids from the request body.
  const exchange = await postResponses(target, { ...basicBody(target), background: true, metadata: { purpose } });
  requireCapabilityAccepted(exchange, 'offer background mode');
  const created = okJson(exchange, 'a background request');
  expect(PENDING.has(String(created.status)) || created.status === 'completed', `a background response starts with status ${preview(created.status)}`, {
    expected: '"queued" or "in_progress"',
    actual: preview(created.status),
    exchange: exchange.record,
  });
  return created;
}

/** Background mode, an optional capability: bounded polling and cancellation (skipped when not offered). */
export const backgroundChecks: Check[] = [
  defineCheck({
    id: 'openai-responses/background/poll',
    protocol,
    level: 'must',
    description: `background: true answers at once with a queued or in-progress response that GET /v1/responses/{id} polls to "completed" with its text (at most ${POLL_DELAYS_MS.length} polls; skipped when background mode is not offered).`,
    spec: BACKGROUND_DOCS,
    tags: ['background', 'state'],
    async run(ctx) {
      let response = await createInBackground(ctx.target, 'poll');
      const id = String(response.id);
      for (const delay of POLL_DELAYS_MS) {
        if (!PENDING.has(String(response.status))) break;
        await sleep(delay, undefined, { ref: false });
        response = okJson(await getStored(ctx.target, id), `GET ${RESPONSES_PATH}/{id} of a background response`);
      }
      requireObserved(!PENDING.has(String(response.status)), `the background response was still ${preview(response.status)} after ${POLL_DELAYS_MS.length} polls, so its completion was not observed`);
      expect(response.id === id, `the polled response has id ${preview(response.id)}, expected ${preview(id)}`, { expected: preview(id), actual: preview(response.id) });
      expect(response.status === 'completed', `the background response ended ${preview(response.status)}, expected "completed"`, { expected: '"completed"', actual: preview(response.status) });
      expect(messageText(response).length > 0, 'the completed background response has no text', { expected: 'a message item with output_text', actual: preview(response.output, 300) });
    },
  }),
  defineCheck({
    id: 'openai-responses/background/cancel',
    protocol,
    level: 'should',
    description: 'POST /v1/responses/{id}/cancel on a background response still queued or in progress answers it with status "cancelled" (skipped when it finished first, or background mode is not offered).',
    spec: 'https://platform.openai.com/docs/api-reference/responses/cancel',
    tags: ['background', 'state'],
    async run(ctx) {
      const created = await createInBackground(ctx.target, 'cancel');
      requireObserved(PENDING.has(String(created.status)), `the background response was already ${preview(created.status)}: there was nothing to cancel`);
      const id = String(created.id);
      const reply = await cancelStored(ctx.target, id);
      if (reply.status !== 200) {
        // A response that finished meanwhile cannot be cancelled (the API refuses): nothing to judge then.
        const now = okJson(await getStored(ctx.target, id), `GET ${RESPONSES_PATH}/{id} after a refused cancellation`);
        requireObserved(PENDING.has(String(now.status)), `the background response was already ${preview(now.status)} when the cancellation came (${describeReply(reply)})`);
      }
      const cancelled = okJson(reply, `POST ${RESPONSES_PATH}/{id}/cancel`);
      requireObserved(cancelled.status !== 'completed', 'the background response completed before the cancellation reached it');
      expect(cancelled.status === 'cancelled', `the cancelled response has status ${preview(cancelled.status)}, expected "cancelled"`, { expected: '"cancelled"', actual: preview(cancelled.status) });
    },
  }),
];
