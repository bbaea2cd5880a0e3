import type { MockState } from '../../core/state.ts';
import { stateKey } from '../../core/state.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';
import type { AnthropicMessageParam, AnthropicRequestBody } from './wire-types.ts';

/** What the server holds for one reply of a thread: everything the next turn builds on. */
interface StoredThread {
  readonly system: AnthropicRequestBody['system'];
  readonly tools: AnthropicRequestBody['tools'];
  /** The whole conversation, ending with the reply this entry is stored under. */
  readonly messages: readonly AnthropicMessageParam[];
  /** Each reply can be continued once (`thread_already_continued` after that). */
  continued: boolean;
}

const THREADS = stateKey<StoredThread>('anthropic-messages/thread');

/** Fields the server takes from the thread on a `continue`; a request that repeats them is refused. */
const CREATE_ONLY = ['system', 'tools'] as const;

/**
 * The threads beta (`anthropic-beta: message-threads-2026-08-12`), as the SDK's tool runner and
 * `client.beta.messages.thread()` use it: `thread: {type: "create"}` sends the whole conversation
 * and asks the server to hold it under the reply's `id`; `thread: {type: "continue",
 * previous_message_id}` sends only the new messages (and neither `system` nor `tools`), and the
 * server prepends what it holds. The response shape does not change.
 *
 * Returns the request as if it had been sent whole (without `thread`), for the ordinary pipeline.
 *
 * @see node_modules/@anthropic-ai/sdk/src/lib/internal/threads/ThreadState.ts
 */
export function resolveThread(body: AnthropicRequestBody, state: MockState): AnthropicRequestBody {
  const thread = body.thread;
  if (!thread || thread.type !== 'continue') return body;
  const previousId = thread.previous_message_id ?? '';
  const stored = state.get(THREADS, previousId);
  if (!stored) {
    throw new MockProtocolError(
      'not_found',
      'No usable Thread state was found for `previous_message_id`. Replay the full conversation with `thread: {"type": "create"}` to start a new Thread.',
      { details: { error_code: 'thread_not_found' } },
    );
  }
  const repeated = CREATE_ONLY.filter((field) => body[field] !== undefined);
  if (repeated.length > 0) {
    throw new MockProtocolError(
      'invalid_request',
      `${repeated.join(', ')}: cannot be set when continuing a Thread; the Thread keeps the \`system\` and \`tools\` it was created with.`,
    );
  }
  if (stored.continued) {
    throw new MockProtocolError(
      'invalid_request',
      'The response that `previous_message_id` names has already been continued, and each response can be continued only once. Continue from the Thread\'s most recent response `id`.',
      { details: { error_code: 'thread_already_continued' } },
    );
  }
  const { thread: _thread, ...rest } = body;
  return {
    ...rest,
    ...(stored.system !== undefined ? { system: stored.system } : {}),
    ...(stored.tools !== undefined ? { tools: stored.tools } : {}),
    messages: [...stored.messages, ...body.messages],
  };
}

/**
 * After a threaded request succeeded: holds the conversation (request + reply) under the reply's
 * id, and marks the reply it continued as continued.
 */
export function storeThread(body: AnthropicRequestBody, whole: AnthropicRequestBody, replyId: string, replyContent: readonly unknown[], state: MockState): void {
  const thread = body.thread;
  if (!thread) return;
  if (thread.type === 'continue') {
    const previous = state.get(THREADS, thread.previous_message_id ?? '');
    if (previous) previous.continued = true;
  }
  const reply: AnthropicMessageParam = { role: 'assistant', content: replyContent as AnthropicMessageParam['content'] };
  state.put(THREADS, replyId, { system: whole.system, tools: whole.tools, messages: [...whole.messages, reply], continued: false });
}
