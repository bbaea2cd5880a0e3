import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { estimateRequestTokens } from '../../core/request-tokens.ts';
import { requireModel } from './create-message.ts';
import { decodeRequest } from './decode-request.ts';
import { checkRequestRules } from './request-rules.ts';
import type { AnthropicRequestBody } from './wire-types.ts';

/**
 * POST /v1/messages/count_tokens: the same estimator as `usage.input_tokens`, so a request counts
 * exactly what the same request is billed. Never a fake 0 (a 0 disables client auto-compaction).
 *
 * @see https://docs.claude.com/en/api/messages-count-tokens
 */
export function countTokens(call: OperationCall): OperationReply {
  const body = call.body as AnthropicRequestBody;
  const model = requireModel(call, body.model);
  const request = decodeRequest(body);
  checkRequestRules(body, request, model, false);
  return { kind: 'json', body: { input_tokens: estimateRequestTokens(request) } };
}
