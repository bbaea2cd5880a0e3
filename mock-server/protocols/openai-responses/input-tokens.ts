import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { estimateRequestTokens } from '../../core/request-tokens.ts';
import { resolveConversation } from './conversation.ts';
import { refuseUnknownContext, requireModel } from './create-response.ts';
import { decodeRequest } from './decode-request.ts';
import { checkRequestRules } from './request-rules.ts';
import { ResponseStore } from './store.ts';
import type { ResponsesRequestBody } from './wire-types.ts';

// Counting needs no model (the estimator is the same for all); without one, the request is
// decoded as for this non-reasoning stand-in.
const ANY_MODEL = { id: '', displayName: '', createdAt: '', family: 'openai', ownedBy: '', maxInputTokens: Infinity, maxOutputTokens: Infinity, thinking: false } as const;

/**
 * POST /v1/responses/input_tokens: the input tokens of a request, by the same estimator and the
 * same decoding (previous response, item references, instructions, tools) as `usage.input_tokens`
 * of the same Create Response request, so the two always agree.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/input-tokens
 */
export function getInputTokenCounts(call: OperationCall): OperationReply {
  const body = call.body as ResponsesRequestBody;
  refuseUnknownContext(body);
  const model = body.model === undefined || body.model === null ? ANY_MODEL : requireModel(call, body.model);
  const conversation = resolveConversation(body, new ResponseStore(call.server.state), `${call.server.seed}|input-tokens`);
  const request = decodeRequest(body, conversation, model);
  checkRequestRules(body, request, model, false);
  return { kind: 'json', body: { object: 'response.input_tokens', input_tokens: estimateRequestTokens(request) } };
}
