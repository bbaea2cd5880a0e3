import type { CanonicalReply, CanonicalRequest } from '../../core/canonical.ts';
import { hash53 } from '../../core/hash.ts';
import { vendorId } from '../../core/ids.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { generateReply } from '../../core/reply-engine.ts';
import { modelNotFound, OpenAIError } from '../openai-common/errors.ts';
import { openaiResponseHeaders } from '../openai-common/headers.ts';
import { decodeRequest } from './decode-request.ts';
import { type ChoiceReply, type CompletionIdentity, encodeCompletion, type RenderOptions } from './encode-completion.ts';
import { encodeStream } from './encode-stream.ts';
import { checkRequestRules } from './request-rules.ts';
import type { ChatRequestBody } from './wire-types.ts';

/**
 * The most output tokens one request renders, summed over its `n` choices. Without `max_tokens`
 * the echo would be as long as the prompt (32 MiB of text, times `n` = 128 choices): the mock's
 * memory stays bounded instead, and each choice gets at most its share (a choice cut by the share
 * finishes with `length`, as one cut by `max_tokens`).
 */
export const OUTPUT_TOKEN_BUDGET = 32_768;

/** 2026-01-01T00:00:00Z: `created` is this plus a per-request offset, so replies stay reproducible. */
const CREATED_EPOCH = 1_767_225_600;
const YEAR_SECONDS = 31_536_000;

/** The catalog model for a generation request: unknown → 404 `model_not_found`; embedding models are refused. */
export function requireChatModel(call: OperationCall, id: string): CatalogModel {
  const model = call.server.catalog.find(id);
  if (!model) throw modelNotFound(id);
  if (model.kind === 'embedding') {
    throw new OpenAIError('not_found', 'This is not a chat model and thus not supported in the v1/chat/completions endpoint. Did you mean to use v1/completions?', {
      param: 'model',
      code: null,
    });
  }
  return model;
}

/**
 * POST /v1/chat/completions. Streaming is chosen by `stream: true` in the body, never by Accept.
 * The canonical engine answers once; `n` choices repeat that answer (each with its own index and
 * tool-call ids), and usage bills every choice.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export function createChatCompletion(call: OperationCall): OperationReply {
  const body = call.body as ChatRequestBody;
  const model = requireChatModel(call, body.model);
  checkRequestRules(body, model);
  const n = body.n ?? 1;
  const request = withOutputBudget(decodeRequest(body, model), model, n);
  const toolCallId = (choice: number, i: number) => vendorId('call_', `${call.replyKey}|${choice}|${i}`, 24);
  const reply = generateReply(request, { toolCallId: (i) => toolCallId(0, i) });
  const choices: ChoiceReply[] = Array.from({ length: n }, (_, index) => ({ index, reply: index === 0 ? reply : withCallIds(reply, (i) => toolCallId(index, i)) }));
  const identity = completionIdentity(call, body);
  const options: RenderOptions = {
    topLogprobs: body.logprobs === true ? (body.top_logprobs ?? 0) : undefined,
    namedTool: request.toolChoice.mode === 'tool',
  };
  const headers = openaiResponseHeaders(reply.usage.inputTokens + reply.usage.outputTokens * n);
  const shortfalls = reply.shortfalls ? { shortfalls: reply.shortfalls } : {};
  if (!request.stream) return { kind: 'json', body: encodeCompletion(identity, choices, options), headers, ...shortfalls };
  const streamOptions = {
    ...options,
    includeUsage: body.stream_options?.include_usage === true,
    obfuscation: body.stream_options?.include_obfuscation !== false,
  };
  return { kind: 'stream', events: encodeStream(identity, choices, streamOptions), headers, ...shortfalls };
}

/** Caps each choice's output: the caller's limit, else the model's, and never past its share of the budget. */
function withOutputBudget(request: CanonicalRequest, model: CatalogModel, n: number): CanonicalRequest {
  const limit = Math.min(request.maxOutputTokens ?? model.maxOutputTokens, Math.floor(OUTPUT_TOKEN_BUDGET / n));
  return { ...request, maxOutputTokens: limit };
}

/** The same reply with the tool-call ids of another choice (ids are unique per call). */
function withCallIds(reply: CanonicalReply, id: (i: number) => string): CanonicalReply {
  let i = 0;
  return { ...reply, blocks: reply.blocks.map((b) => (b.kind === 'tool-call' ? { ...b, id: id(i++) } : b)) };
}

/**
 * `id`, `created`, `system_fingerprint` and `service_tier`, all derived from the request: the same
 * request gives the same bytes. The live API answers `service_tier: "default"` for `auto`.
 */
function completionIdentity(call: OperationCall, body: ChatRequestBody): CompletionIdentity {
  const tier = body.service_tier;
  return {
    id: vendorId('chatcmpl-', call.replyKey, 29),
    created: CREATED_EPOCH + (hash53(call.replyKey) % YEAR_SECONDS),
    model: body.model,
    serviceTier: tier === undefined || tier === null || tier === 'auto' ? 'default' : tier,
    systemFingerprint: vendorId('fp_', `${call.server.seed}|${body.model}`, 10, '0123456789abcdef'),
  };
}
