import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import { embed } from '../../core/embeddings.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { GOOGLE_JSON_HEADERS, readBody, requireModel } from './call-context.ts';
import { GeminiError } from './errors.ts';
import { checkParts } from './request-rules.ts';
import type { GeminiEmbedBody } from './wire-types.ts';

/** The vector length of an embedding model without `outputDimensionality` (Gemini's is 3072). */
const DEFAULT_DIMENSIONS = 768;

/**
 * POST /{version}/models/{model}:embedContent: one vector for the text of `content`, the same
 * numbers the OpenAI embeddings endpoint gives for that text (`core/embeddings.ts`), cut to
 * `outputDimensionality` and renormalised. `taskType` and `title` are accepted and do not change it.
 *
 * @see https://ai.google.dev/api/embeddings#method:-models.embedcontent
 */
export function embedContent(call: OperationCall): OperationReply {
  const body = readBody<GeminiEmbedBody>(call, GEMINI_SCHEMA_IDS.embedContentRequest);
  const model = requireModel(call, 'embedContent', 'embedding');
  return { kind: 'json', body: { embedding: { values: vector(body, model, 'EmbedContentRequest') } }, headers: GOOGLE_JSON_HEADERS };
}

/**
 * POST /{version}/models/{model}:batchEmbedContents: one vector per request, in order. Every
 * request's `model` must be the model of the path. `@google/genai` calls this even for one input.
 *
 * @see https://ai.google.dev/api/embeddings#method:-models.batchembedcontents
 */
export function batchEmbedContents(call: OperationCall): OperationReply {
  const body = readBody<{ requests: readonly GeminiEmbedBody[] }>(call, GEMINI_SCHEMA_IDS.batchEmbedContentsRequest);
  const model = requireModel(call, 'batchEmbedContents', 'embedding');
  const embeddings = body.requests.map((request, i) => {
    const root = `BatchEmbedContentsRequest.requests[${i}]`;
    if (request.model !== undefined && request.model !== `models/${model.id}` && request.model !== model.id) {
      throw new GeminiError('invalid_request', `* ${root}.model: the model of every request must be the model of the request URL (models/${model.id}).\n`);
    }
    return { values: vector(request, model, root) };
  });
  return { kind: 'json', body: { embeddings }, headers: GOOGLE_JSON_HEADERS };
}

function vector(request: GeminiEmbedBody, model: CatalogModel, root: string): number[] {
  checkParts(request.content.parts, 'content', root);
  const native = model.embeddingDimensions ?? DEFAULT_DIMENSIONS;
  const dimensions = request.outputDimensionality ?? native;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > native) {
    throw new GeminiError('invalid_request', `* ${root}.output_dimensionality: output_dimensionality must be in the range [1, ${native}].\n`);
  }
  const text = (request.content.parts ?? []).map((part) => part.text ?? '').join('\n');
  return embed(text, dimensions);
}
