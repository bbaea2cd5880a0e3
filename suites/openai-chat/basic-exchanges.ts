import { expect, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import { okJson } from '../harness/replies.ts';
import { firstChoice, messageOf } from './chunks.ts';
import { openaiClient, postChat } from './client.ts';
import { basicBody } from './requests.ts';

const p = (name: string) => `openai-chat/${name}`;

/** The basic prompt, not streamed: the completion most basic, usage and stop checks read, and its exchange. */
export const basicReply = defineExchange({
  id: p('basic'),
  owner: p('basic/response-schema'),
  description: 'POST /v1/chat/completions with the basic prompt',
  make: async ({ target }) => {
    const exchange = await postChat(target, basicBody(target.model));
    return { exchange, completion: okJson(exchange, 'POST /v1/chat/completions') };
  },
});

/**
 * The basic prompt sent a second time: when the two replies differ, the target is not
 * deterministic, and checks that compare a stream's text with a non-streamed reply have nothing to
 * compare (a real model at its default temperature).
 */
export const basicRepeat = defineExchange({
  id: p('basic:repeat'),
  owner: p('stream/sdk-text-matches-non-stream'),
  description: 'POST /v1/chat/completions with the basic prompt, again',
  make: async ({ target }) => okJson(await postChat(target, basicBody(target.model)), 'POST /v1/chat/completions (repeated)'),
});

/** The text of choice 0 of a completion body ('' when absent). */
export function completionText(completion: Record<string, unknown>): string {
  const content = messageOf(firstChoice(completion)).content;
  return typeof content === 'string' ? content : '';
}

/**
 * `chat.completions.create()` through the official SDK: the root of every SDK check. When the SDK
 * cannot talk to the target at all (a gateway that rejects its `x-stainless-*` headers, JSON
 * served as text), basic/sdk-create is the one failure and the other SDK checks are blocked.
 */
export const sdkCompletion = defineExchange({
  id: p('sdk:create'),
  owner: p('basic/sdk-create'),
  description: 'chat.completions.create() in the official SDK with the basic prompt',
  make: async ({ target }) => {
    const completion = await openaiClient(target).chat.completions.create(basicBody(target.model) as never);
    const message = completion.choices?.[0]?.message;
    expect(completion.object === 'chat.completion', `object is ${preview(completion.object)}, expected "chat.completion"`, { expected: '"chat.completion"', actual: preview(completion.object) });
    expect(message?.role === 'assistant', `choices[0].message.role is ${preview(message?.role)}, expected "assistant"`, { expected: '"assistant"', actual: preview(message?.role) });
    expect(typeof message.content === 'string' && message.content.length > 0, `choices[0].message has no text: ${preview(message)}`, { expected: 'text content', actual: preview(message, 300) });
    return completion;
  },
});

export const basicExchanges: readonly SharedExchange<unknown>[] = [basicReply, basicRepeat, sdkCompletion];
