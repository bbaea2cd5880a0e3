import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import type { CanonicalReply, CanonicalRequest } from '../../core/canonical.ts';
import { vendorId } from '../../core/ids.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { generateReply } from '../../core/reply-engine.ts';
import { signThinking } from '../../core/thinking-signature.ts';
import { GOOGLE_JSON_HEADERS, readBody, requireModel } from './call-context.ts';
import { decodeRequest } from './decode-request.ts';
import { encodeResponse, type ReplyIdentity } from './encode-response.ts';
import { encodeStream } from './encode-stream.ts';
import { checkGenerateRules } from './request-rules.ts';
import type { GeminiRequestBody } from './wire-types.ts';

/** The alphabet of Gemini's `responseId`s (`A9aPatCfJsysjrEPrMTAwQg`: 23 URL-safe base64 characters). */
export const RESPONSE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * POST /{version}/models/{model}:generateContent: one GenerateContentResponse.
 *
 * @see https://ai.google.dev/api/generate-content#method:-models.generatecontent
 */
export function generateContent(call: OperationCall): OperationReply {
  const { identity, reply } = generate(call, 'generateContent', false);
  return { kind: 'json', body: encodeResponse(identity, reply), headers: GOOGLE_JSON_HEADERS, ...shortfalls(reply) };
}

/**
 * POST /{version}/models/{model}:streamGenerateContent: with `alt=sse` Server-Sent Events (what
 * every SDK asks for), without it one JSON array written chunk by chunk (what the API answers
 * by default, and what gateways that drop the query parameter get).
 *
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 */
export function streamGenerateContent(call: OperationCall): OperationReply {
  const { identity, reply } = generate(call, 'streamGenerateContent', true);
  const sse = call.url.searchParams.get('alt') === 'sse';
  return {
    kind: 'stream',
    events: encodeStream(identity, reply),
    framing: sse ? 'sse' : 'json-array',
    ...(sse ? {} : { headers: GOOGLE_JSON_HEADERS }),
    ...shortfalls(reply),
  };
}

function generate(call: OperationCall, method: string, stream: boolean): { identity: ReplyIdentity; reply: CanonicalReply } {
  const body = readBody<GeminiRequestBody>(call, GEMINI_SCHEMA_IDS.generateContentRequest);
  const model = requireModel(call, method, 'generation');
  checkGenerateRules(body, model);
  const request = decodeRequest(body, model, stream);
  const reply = generateReply(request, { toolCallId: (i) => vendorId('call_', `${call.replyKey}|${i}`) });
  const identity: ReplyIdentity = {
    modelVersion: model.id,
    responseId: vendorId('', call.replyKey, 23, RESPONSE_ID_ALPHABET),
    candidates: body.generationConfig?.candidateCount ?? 1,
    includeThoughts: request.thinking.display === 'summarized',
    signature: thoughtSignature(model, request, reply),
  };
  return { identity, reply };
}

/**
 * A thinking model that thought signs its answer: the signature of its thinking block, or (when
 * a forced function call skipped the visible thinking) the signature of an empty thought.
 */
function thoughtSignature(model: CatalogModel, request: CanonicalRequest, reply: CanonicalReply): string | undefined {
  if (!model.thinking || request.thinking.mode === 'off') return undefined;
  const thinking = reply.blocks.find((b) => b.kind === 'thinking');
  return thinking?.kind === 'thinking' ? thinking.signature : signThinking('');
}

function shortfalls(reply: CanonicalReply): { shortfalls?: CanonicalReply['shortfalls'] } {
  return reply.shortfalls ? { shortfalls: reply.shortfalls } : {};
}
