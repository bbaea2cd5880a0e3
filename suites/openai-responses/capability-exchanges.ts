import { RESPONSES_SCHEMA_IDS } from '../../specs/openai-responses/index.ts';
import { expect, expectSchema, preview } from '../harness/assert.ts';
import { defineExchange, type SharedExchange } from '../harness/exchange.ts';
import { describeReply, okJson } from '../harness/replies.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { requireCapability } from '../harness/verdict.ts';
import { postResponses } from './client.ts';
import { openaiErrorOf } from '../openai-common/envelope.ts';
import { requireCapabilityAccepted } from './envelope.ts';
import { basicBody, reasoningBody } from './requests.ts';
import { outputOf } from './stream-read.ts';

/**
 * Shared exchanges of optional capabilities: reasoning, and the input-token counting endpoint.
 * Each skips every check that uses it when the target does not offer the capability.
 */

const p = (name: string) => `openai-responses/${name}`;

/**
 * The reasoning request's Response. A clean 400 (the model or target does not reason) or a reply
 * without any reasoning item means the capability is absent: every reasoning check skips. Once a
 * reasoning item comes, the reasoning rules bind at their level.
 */
export const reasoningReply = defineExchange({
  id: p('reasoning'),
  owner: p('reasoning/item-shape'),
  description: 'POST /v1/responses with reasoning {effort: "low", summary: "auto"}',
  make: async ({ target }) => {
    const exchange = await postResponses(target, reasoningBody(target));
    requireCapabilityAccepted(exchange, 'offer reasoning');
    const response = okJson(exchange, 'the reasoning request');
    const items = outputOf(response);
    requireCapability(
      items.some((item) => item.type === 'reasoning'),
      `the target produced no reasoning item when asked for reasoning (items: ${items.map((i) => String(i.type)).join(', ') || 'none'}; ${describeReply(exchange)})`,
    );
    return { exchange, response };
  },
});

export const INPUT_TOKENS_PATH = '/v1/responses/input_tokens';

/** The input of the basic request, for counting: the same model, input and reasoning, nothing that generates. */
export function countBody(target: ResolvedTarget) {
  const { max_output_tokens: _generation, ...rest } = basicBody(target);
  return rest;
}

/**
 * POST /v1/responses/input_tokens for the basic request's input. The endpoint is optional: a 404
 * or 405 that is not about the model means the target does not serve it, and the checks skip.
 */
export const plainCount = defineExchange({
  id: p('input-tokens'),
  owner: p('input-tokens/count'),
  description: `POST ${INPUT_TOKENS_PATH} with the basic request's input`,
  make: async ({ target }) => {
    const exchange = await postResponses(target, countBody(target), INPUT_TOKENS_PATH);
    const aboutModel = /model/i.test(String(openaiErrorOf(exchange)?.message ?? ''));
    requireCapability(!((exchange.status === 404 || exchange.status === 405) && !aboutModel), `the target does not serve POST ${INPUT_TOKENS_PATH}: ${describeReply(exchange)}`);
    const json = okJson(exchange, `POST ${INPUT_TOKENS_PATH}`);
    expectSchema(RESPONSES_SCHEMA_IDS.inputTokensResponse, json, 'the input token count', { exchange: exchange.record });
    expect((json.input_tokens as number) > 0, `input_tokens is ${preview(json.input_tokens)} for a non-empty input`, { expected: 'an integer > 0', actual: preview(json.input_tokens), exchange: exchange.record });
    return json.input_tokens as number;
  },
});

/** The capability exchanges, for the suite's list. */
export const capabilityExchanges: readonly SharedExchange<unknown>[] = [reasoningReply, plainCount];
