import type { CanonicalReply } from '../../core/canonical.ts';
import { vendorId } from '../../core/ids.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';
import { generateReply } from '../../core/reply-engine.ts';
import { ANTHROPIC_BETA_SCHEMA_IDS } from '../../../specs/anthropic-messages/schema-ids.ts';
import { decodeRequest } from './decode-request.ts';
import { encodeBlock } from './encode-blocks.ts';
import { encodeMessage, type MessageShape } from './encode-message.ts';
import { encodeStream } from './encode-stream.ts';
import { checkRequestRules } from './request-rules.ts';
import { resolveThread, storeThread } from './threads.ts';
import type { AnthropicRequestBody } from './wire-types.ts';

// A code-execution container lives an hour on the real API; the mock's expiry is fixed, not "now".
const CONTAINER_EXPIRES_AT = '2026-01-01T01:00:00Z';

/**
 * The generation model for a request's `model`, or the API's 404 (`model: <id>`): for an id of no
 * known family (or unlisted, with `catalogOnly`), and for an embedding model, which Messages
 * cannot serve.
 */
export function requireModel(call: OperationCall, id: string): CatalogModel {
  const model = call.server.catalog.find(id);
  if (!model || model.kind === 'embedding') throw new MockProtocolError('not_found', `model: ${id}`);
  return model;
}

/**
 * Whether the caller used the beta surface: `POST /v1/messages?beta=true` (what SDKs before 1.0
 * and Claude Code send for `client.beta`), or any `anthropic-beta` header (SDK 1.x keeps
 * `?beta=true` internal and sends only the header).
 */
export function isBetaCall(call: OperationCall): boolean {
  return call.url.searchParams.get('beta') === 'true' || call.request.header('anthropic-beta') !== undefined;
}

/**
 * POST /v1/messages. Streaming is chosen by `stream: true` in the body, never by `Accept`: the
 * SDKs send `Accept: application/json` even when they stream. A threaded request (`thread`) is
 * completed from the server's state first; a beta call (see {@link isBetaCall}) gets the beta
 * reply shape.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export function createMessage(call: OperationCall): OperationReply {
  const sent = call.body as AnthropicRequestBody;
  const model = requireModel(call, sent.model);
  const body = resolveThread(sent, call.server.state);
  const request = decodeRequest(body);
  checkRequestRules(body, request, model, true);
  const reply = generateReply(request, {
    toolCallId: (i) => vendorId('toolu_01', `${call.replyKey}|${i}`),
    serverToolCallId: (i) => vendorId('srvtoolu_01', `${call.replyKey}|${i}`),
  });
  const identity = { id: vendorId('msg_01', call.replyKey), model: body.model };
  const beta = isBetaCall(call);
  const shape: MessageShape = {
    beta,
    contextManagement: body.context_management ? { applied_edits: [] } : null,
    container: usesContainer(reply) ? { id: vendorId('container_011C', call.replyKey), expires_at: CONTAINER_EXPIRES_AT } : null,
  };
  storeThread(sent, body, identity.id, reply.blocks.map(encodeBlock), call.server.state);
  const extras = {
    ...(reply.shortfalls ? { shortfalls: reply.shortfalls } : {}),
    ...(beta ? { schema: request.stream ? ANTHROPIC_BETA_SCHEMA_IDS.streamEvent : ANTHROPIC_BETA_SCHEMA_IDS.message } : {}),
  };
  return request.stream ? { kind: 'stream', events: encodeStream(identity, reply, shape), ...extras } : { kind: 'json', body: encodeMessage(identity, reply, shape), ...extras };
}

function usesContainer(reply: CanonicalReply): boolean {
  return reply.blocks.some((b) => b.kind === 'server-tool-call' && b.server === 'code-execution');
}
