import { openaiResponsesSpec } from '../../../specs/openai-responses/index.ts';
import type { ProtocolAdapter } from '../../core/protocol-adapter.ts';
import { OPENAI_REQUEST_ID_HEADER, openaiErrors, openaiRequestId, renderOpenAIError } from '../openai-common/errors.ts';
import { createResponse } from './create-response.ts';
import { listInputItems } from './input-items.ts';
import { getInputTokenCounts } from './input-tokens.ts';
import { cancelResponse, deleteResponse, getResponse } from './stored-responses.ts';

/**
 * The OpenAI Responses protocol: POST /v1/responses (JSON, SSE, background), GET and DELETE
 * /v1/responses/{id}, POST …/cancel, GET …/input_items and POST /v1/responses/input_tokens.
 *
 * @see https://platform.openai.com/docs/api-reference/responses
 */
export const openaiResponses: ProtocolAdapter = {
  spec: openaiResponsesSpec,
  operations: { createResponse, getResponse, deleteResponse, cancelResponse, listInputItems, getInputTokenCounts },
  // Unknown paths under /v1/responses answer in the OpenAI envelope.
  claims: (_request, url) => url.pathname === '/v1/responses' || url.pathname.startsWith('/v1/responses/'),
  requestIdHeader: OPENAI_REQUEST_ID_HEADER,
  requestId: openaiRequestId,
  errors: openaiErrors,
  renderError: (error) => renderOpenAIError(error),
  // The `event:` line is computed from `data.type`, so the two can never disagree.
  encodeEvent: (event) => ({ event: event.type, data: JSON.stringify(event.data) }),
};
