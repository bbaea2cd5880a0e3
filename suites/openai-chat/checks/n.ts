import { OPENAI_CHAT_SCHEMA_IDS } from '../../../specs/openai-chat/index.ts';
import { specRegistry } from '../../../specs/index.ts';
import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { jsonObject } from '../../harness/http.ts';
import { okJson } from '../../harness/replies.ts';
import { messageOf } from '../chunks.ts';
import { postChat, streamChat } from '../client.ts';
import { requireCapabilityAccepted } from '../envelope.ts';
import { chatStream } from '../exchanges.ts';
import { N_CHOICES, nBody } from '../requests.ts';

const N_DOCS = 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-n';
const FINISH_REASON = `${OPENAI_CHAT_SCHEMA_IDS.completionParts}#/$defs/FinishReason`;
const protocol = 'openai-chat';
const CAPABILITY = `answer n: ${N_CHOICES}`;
const INDICES = Array.from({ length: N_CHOICES }, (_, i) => i);

const knownFinish = (value: unknown) => specRegistry().validate(FINISH_REASON, value).length === 0;

/** `n` > 1: one choice per index, each its own message and finish_reason, streamed too. */
export const nChecks: Check[] = [
  defineCheck({
    id: 'openai-chat/n/choices',
    protocol,
    level: 'must',
    description: `n: ${N_CHOICES} yields ${N_CHOICES} choices, indices 0…${N_CHOICES - 1}, each an assistant message with text and a known finish_reason (skipped on a clean 400).`,
    spec: N_DOCS,
    tags: ['n'],
    async run(ctx) {
      const exchange = await postChat(ctx.target, nBody(ctx.target.model));
      requireCapabilityAccepted(exchange, CAPABILITY);
      const completion = okJson(exchange, `the n: ${N_CHOICES} request`);
      const choices = (Array.isArray(completion.choices) ? completion.choices : []).map((c) => jsonObject(c) ?? {});
      const indices = choices.map((c) => c.index);
      expect(preview([...indices].sort()) === preview(INDICES), `n: ${N_CHOICES} answered choices with indices ${preview(indices)}`, { expected: preview(INDICES), actual: preview(indices) });
      for (const choice of choices) {
        const message = messageOf(choice);
        expect(message.role === 'assistant' && typeof message.content === 'string' && message.content.length > 0, `choice ${String(choice.index)} has no assistant text: ${preview(message, 120)}`, { actual: preview(message, 200) });
        expect(knownFinish(choice.finish_reason), `choice ${String(choice.index)} has finish_reason ${preview(choice.finish_reason)}`, { expected: 'stop | length | tool_calls | content_filter', actual: preview(choice.finish_reason) });
      }
    },
  }),
  defineCheck({
    id: 'openai-chat/n/stream',
    protocol,
    level: 'must',
    description: `Streamed with n: ${N_CHOICES}, every choice index opens with role "assistant", carries text and ends with its own finish_reason (skipped on a clean 400).`,
    spec: 'https://platform.openai.com/docs/api-reference/chat-streaming/streaming#chat-streaming/streaming-choices',
    tags: ['n', 'streaming'],
    async run(ctx) {
      const capture = await streamChat(ctx.target, nBody(ctx.target.model));
      requireCapabilityAccepted(capture.exchange, CAPABILITY);
      const { reading } = await chatStream(ctx.use, capture, `n: ${N_CHOICES}`);
      const on = { exchange: capture.exchange.record };
      const indices = [...reading.choices.keys()].sort();
      expect(preview(indices) === preview(INDICES), `the stream carries choice indices ${preview(indices)}`, { ...on, expected: preview(INDICES), actual: preview(indices) });
      for (const choice of reading.choices.values()) {
        const where = `choice ${choice.index}`;
        expect(choice.first.role === 'assistant', `${where}: the first delta has role ${preview(choice.first.role)}`, { ...on, expected: '"assistant"', actual: preview(choice.first, 200) });
        expect(choice.content.length > 0, `${where} streams no text`, on);
        expect(choice.finishReasons.length === 1 && !choice.continuedAfterFinish && knownFinish(choice.finishReasons[0]), `${where} finishes with ${preview(choice.finishReasons)}`, {
          ...on,
          expected: 'one known finish_reason, on its last chunk',
          actual: preview(choice.finishReasons),
        });
      }
    },
  }),
];
