import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { estimateRequestTokens } from '../../core/request-tokens.ts';
import { GOOGLE_JSON_HEADERS, readBody, requireModel } from './call-context.ts';
import { decodeRequest } from './decode-request.ts';
import { GeminiError } from './errors.ts';
import { checkContents, checkGenerateRules } from './request-rules.ts';
import type { GeminiCountTokensBody } from './wire-types.ts';

/**
 * POST /{version}/models/{model}:countTokens: the tokens of `contents`, or of a whole
 * `generateContentRequest` (system instruction and tools included). The same estimator gives
 * `usageMetadata.promptTokenCount`, so `totalTokens` is exactly what the same request is billed.
 * Nothing is generated, and the answer has no candidates.
 *
 * @see https://ai.google.dev/api/tokens#method:-models.counttokens
 */
export function countTokens(call: OperationCall): OperationReply {
  const body = readBody<GeminiCountTokensBody>(call, GEMINI_SCHEMA_IDS.countTokensRequest);
  const model = requireModel(call, 'countTokens', 'any');
  const whole = body.generateContentRequest;
  if (whole && body.contents !== undefined) {
    throw new GeminiError('invalid_request', '* CountTokensRequest: contents and generate_content_request are mutually exclusive.\n');
  }
  if (whole) checkGenerateRules(whole, model, 'CountTokensRequest.generate_content_request');
  else checkContents(body.contents, 'CountTokensRequest');
  const totalTokens = estimateRequestTokens(decodeRequest(whole ?? { contents: body.contents ?? [] }, model, false));
  return { kind: 'json', body: { totalTokens, promptTokensDetails: [{ modality: 'TEXT', tokenCount: totalTokens }] }, headers: GOOGLE_JSON_HEADERS };
}
