import { hash53 } from '../../core/hash.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { generateReply } from '../../core/reply-engine.ts';
import { modelNotFound, OpenAIError } from '../openai-common/errors.ts';
import { resolveConversation } from './conversation.ts';
import { decodeRequest, reasoningEffort } from './decode-request.ts';
import { encodeResponse, encodeUsage } from './encode-response.ts';
import { encodeStream } from './encode-stream.ts';
import { callId, responsesId } from './ids.ts';
import { planOutput } from './output-items.ts';
import { checkRequestRules } from './request-rules.ts';
import { ResponseStore, responseView } from './store.ts';
import type { ResponsesRequestBody } from './wire-types.ts';

/**
 * POST /v1/responses: generates the reply with the canonical engine and answers it as a Response
 * (JSON), an event stream (`stream: true`), or a queued background response (`background: true`,
 * then polled with GET). Stored unless `store: false`, so that GET, `previous_response_id`, item
 * references and input item lists find it.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
export function createResponse(call: OperationCall): OperationReply {
  const body = call.body as ResponsesRequestBody;
  refuseUnknownContext(body);
  const model = requireModel(call, body.model);
  const store = new ResponseStore(call.server.state);
  const key = responseKey(call.server.seed, body);
  const conversation = resolveConversation(body, store, key);
  const request = decodeRequest(body, conversation, model);
  checkRequestRules(body, request, model, true);
  const reply = generateReply(request, { toolCallId: (i) => callId(`${key}|call|${i}`) });
  const include = new Set(body.include ?? []);
  const logprobs = include.has('message.output_text.logprobs');
  const plan = planOutput(reply, {
    key,
    summary: Boolean(body.reasoning?.summary ?? body.reasoning?.generate_summary),
    encryptedReasoning: include.has('reasoning.encrypted_content'),
    logprobs,
    topLogprobs: body.top_logprobs ?? 0,
  });
  const echo = { id: responsesId('resp_', key), body, effort: reasoningEffort(body, model) };
  const status = reply.stopReason === 'max-tokens' ? 'incomplete' : 'completed';
  const final = encodeResponse(echo, { status, output: plan.map((p) => p.item), usage: encodeUsage(reply.usage) });
  const background = body.background === true;
  const obfuscation = body.stream_options?.include_obfuscation !== false;
  // A streamed background response runs to its end while streaming; a polled one starts queued.
  const stage = body.stream ? ('done' as const) : ('queued' as const);
  const record = { response: final, previous: conversation.previous, input: conversation.input, obfuscation, logprobs, ...(background ? { stage } : {}) };
  if (body.store !== false) store.put(record);
  const shortfalls = reply.shortfalls ? { shortfalls: reply.shortfalls } : {};
  if (body.stream) return { kind: 'stream', events: encodeStream(final, plan, { background, obfuscation, key }), ...shortfalls };
  return { kind: 'json', body: responseView(record), ...shortfalls };
}

/** The catalog model a request names, or the API's 404 (`model_not_found`). */
export function requireModel(call: OperationCall, id: string | undefined): CatalogModel {
  const model = id === undefined ? undefined : call.server.catalog.find(id);
  if (!model || model.kind === 'embedding') throw id === undefined ? new OpenAIError('invalid_request', "Missing required parameter: 'model'.", { param: 'model', code: 'missing_required_parameter' }) : modelNotFound(id);
  return model;
}

/**
 * Stored prompts and conversations live in other APIs the mock does not serve: any id is unknown
 * to it, and the API answers an unknown id with 404.
 */
export function refuseUnknownContext(body: Pick<ResponsesRequestBody, 'prompt' | 'conversation'>): void {
  if (body.prompt) throw new OpenAIError('not_found', `Prompt with id '${body.prompt.id}' not found.`, { param: 'prompt.id' });
  const conversation = typeof body.conversation === 'string' ? body.conversation : body.conversation?.id;
  if (conversation !== undefined) throw new OpenAIError('not_found', `Conversation with id '${conversation}' not found.`, { param: 'conversation' });
}

/**
 * The key every id of a response derives from: the server's seed and the request body without
 * its streaming options, so that the same request streamed or not yields the same response.
 */
function responseKey(seed: string, body: ResponsesRequestBody): string {
  const { stream: _stream, stream_options: _options, ...rest } = body;
  const text = JSON.stringify(rest);
  return `${seed}|openai-responses|${hash53(text)}|${text.length}`;
}
