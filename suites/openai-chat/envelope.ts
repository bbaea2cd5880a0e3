import { type RawExchange, jsonObject } from '../harness/http.ts';
import { describeReply } from '../harness/replies.ts';
import { requireCapability } from '../harness/verdict.ts';
import { openaiErrorOf } from '../openai-common/envelope.ts';

/**
 * OpenAI's error envelope on Chat Completions routes: the assertions of `openai-common/envelope.ts`,
 * and what a refusal of an optional capability looks like here.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */

/** `error.code` of an error body, if any. */
export function errorCode(exchange: RawExchange): unknown {
  return openaiErrorOf(exchange)?.code;
}

/**
 * A clean refusal (HTTP 400, or 422 as some OpenAI-compatible servers answer, with a JSON error
 * body) to a request that uses an optional capability (images, `n`, logprobs, a `dimensions`
 * value) means the target does not offer it: the checks about it skip.
 */
export function requireCapabilityAccepted(exchange: RawExchange, capability: string): void {
  const refused = (exchange.status === 400 || exchange.status === 422) && jsonObject(exchange.json)?.error !== undefined;
  requireCapability(!refused, `the target does not ${capability}: ${describeReply(exchange)}`);
}
