import { anthropicMessagesSpec } from '../../../specs/anthropic-messages/index.ts';
import { vendorId } from '../../core/ids.ts';
import type { ProtocolAdapter } from '../../core/protocol-adapter.ts';
import { countTokens } from './count-tokens.ts';
import { createMessage } from './create-message.ts';
import { anthropicErrors, renderAnthropicError } from './errors.ts';
import { getModel, listModels } from './models.ts';

const ANTHROPIC_PATHS = /^\/v1\/(?:messages|complete)(?:\/|$)/;

// The live API sends ping with a space after the colon; every other event is compact JSON.
const PING_DATA = '{"type": "ping"}';

/**
 * The Anthropic Messages protocol: POST /v1/messages (JSON and SSE), POST
 * /v1/messages/count_tokens, GET /v1/models and /v1/models/{model_id} in Anthropic's shape.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export const anthropicMessages: ProtocolAdapter = {
  spec: anthropicMessagesSpec,
  operations: { createMessage, countTokens, listModels, getModel },
  // Shared routes (GET /v1/models) answer in Anthropic's shape for Anthropic callers: those that
  // send `anthropic-version`, or only an `x-api-key` (QuantumNous/new-api#2422). An unknown route
  // under Anthropic's own paths (`/v1/messages/batches`, `/v1/complete`) is Anthropic's too.
  claims: (request, url) =>
    request.header('anthropic-version') !== undefined ||
    (request.header('x-api-key') !== undefined && request.header('authorization') === undefined) ||
    ANTHROPIC_PATHS.test(url.pathname),
  requestIdHeader: 'request-id',
  requestId: (key) => vendorId('req_011C', key, 20),
  errors: anthropicErrors,
  renderError: renderAnthropicError,
  // The `event:` line is computed from `data.type`, so the two can never disagree (the SDK drops
  // events without one).
  encodeEvent: (event) => ({ event: event.type, data: event.type === 'ping' ? PING_DATA : JSON.stringify(event.data) }),
};
