/**
 * The requests the bench sends and the replies the bare baselines answer with. Shared by the load
 * generator and the baseline servers so that both servers of a pair move the same bytes; the
 * baselines import nothing from `mock-server/`.
 *
 * @see https://docs.claude.com/en/api/messages
 */

/** The model every request names (in the mock's catalog). */
export const MODEL = 'claude-sonnet-4-6';

/** Headers the official TypeScript SDK sends on POST /v1/messages (trimmed to the meaningful ones). */
export const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/json',
  'content-type': 'application/json',
  'user-agent': 'Anthropic/JS 1.12.0',
  'x-api-key': 'sk-ant-bench-not-a-secret',
  'anthropic-version': '2023-06-01',
  'x-stainless-lang': 'js',
  'x-stainless-package-version': '1.12.0',
  'x-stainless-runtime': 'node',
  'x-stainless-retry-count': '0',
};

/** The user turn of the non-streaming request (the mock echoes it). */
export const SHORT_PROMPT = 'Write a haiku about the sea.';

/**
 * The user turn of the streaming request: 100 tokens by the mock's estimator, so the mock streams
 * 100 `text_delta` events. Words of at most 4 letters keep {@link splitTokens} identical to it.
 */
export const STREAM_PROMPT =
  'The sea is calm and the sky is blue. We walk on the sand, and the wind is soft and cool. ' +
  'A gull cuts low over the bay; its cry is thin and far. Far out, a boat with a red sail tips and dips. ' +
  'The tide will turn soon, so we stay a bit more, then walk home slow as the sun goes down, ' +
  'the town is lit, and the day is done. We eat, we talk, we rest, and then we nap.';

/** The SDK's request shape: model, max_tokens, system, one user message. */
export function messageRequest(prompt: string, stream: boolean): string {
  return JSON.stringify({
    model: MODEL,
    max_tokens: 1024,
    system: 'You are terse.',
    messages: [{ role: 'user', content: prompt }],
    ...(stream ? { stream: true } : {}),
  });
}

/** Request body of the non-streaming load. */
export const JSON_REQUEST_BODY = messageRequest(SHORT_PROMPT, false);
/** Request body of the streaming load. */
export const STREAM_REQUEST_BODY = messageRequest(STREAM_PROMPT, true);

/**
 * Splits text the way the mock's estimator does for words of at most 4 characters: a word or one
 * punctuation character, with the whitespace before it. A bare re-implementation on purpose.
 */
export function splitTokens(text: string): string[] {
  return text.match(/\s*[A-Za-z0-9_]+|\s*[^\sA-Za-z0-9_]/g) ?? [];
}

const USAGE = {
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  service_tier: 'standard',
};

/** The Anthropic Message the JSON baseline returns: same fields and about the same size as the mock's. */
export function baselineMessage(text: string): Record<string, unknown> {
  return {
    model: MODEL,
    id: 'msg_01BaselineBaselineBaseline',
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 26, output_tokens: splitTokens(text).length, ...USAGE },
  };
}

/** The `[event, data]` pairs of a streamed text reply, in the live API's order. */
export function baselineStreamEvents(text: string): [string, Record<string, unknown>][] {
  const pieces = splitTokens(text);
  const message = { ...baselineMessage(''), content: [], stop_reason: null, usage: { input_tokens: 63, output_tokens: 1, ...USAGE } };
  return [
    ['message_start', { type: 'message_start', message }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['ping', { type: 'ping' }],
    ...pieces.map((piece): [string, Record<string, unknown>] => [
      'content_block_delta',
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } },
    ]),
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    [
      'message_delta',
      { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { input_tokens: 63, output_tokens: pieces.length } },
    ],
    ['message_stop', { type: 'message_stop' }],
  ];
}
