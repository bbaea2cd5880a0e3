import { vendorId } from '../../core/ids.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';
import { generateReply } from '../../core/reply-engine.ts';
import { decodeRequest } from './decode-request.ts';
import { encodeMessage } from './encode-message.ts';
import { encodeStream } from './encode-stream.ts';
import { checkRequestRules } from './request-rules.ts';
import type { AnthropicRequestBody } from './wire-types.ts';

/** The catalog model for a request's `model`, or the API's 404 (`model: <id>`). */
export function requireModel(call: OperationCall, id: string): CatalogModel {
  const model = call.server.catalog.find(id);
  if (!model) throw new MockProtocolError('not_found', `model: ${id}`);
  return model;
}

/**
 * POST /v1/messages. Streaming is chosen by `stream: true` in the body, never by `Accept`: the
 * SDKs send `Accept: application/json` even when they stream.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export function createMessage(call: OperationCall): OperationReply {
  const body = call.body as AnthropicRequestBody;
  const model = requireModel(call, body.model);
  const request = decodeRequest(body);
  checkRequestRules(body, request, model, true);
  const reply = generateReply(request, { toolCallId: (i) => vendorId('toolu_01', `${call.replyKey}|${i}`) });
  const identity = { id: vendorId('msg_01', call.replyKey), model: body.model };
  const shortfalls = reply.shortfalls ? { shortfalls: reply.shortfalls } : {};
  return request.stream
    ? { kind: 'stream', events: encodeStream(identity, reply), ...shortfalls }
    : { kind: 'json', body: encodeMessage(identity, reply), ...shortfalls };
}
