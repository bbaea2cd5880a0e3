import { embed, embeddingToBase64 } from '../../core/embeddings.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import type { OperationCall, OperationReply } from '../../core/protocol-adapter.ts';
import { countTokens } from '../../core/token-estimator.ts';
import { modelNotFound, OpenAIError } from '../openai-common/errors.ts';
import { openaiResponseHeaders } from '../openai-common/headers.ts';

interface EmbeddingRequestBody {
  readonly model: string;
  readonly input: string | readonly string[] | readonly number[] | readonly (readonly number[])[];
  readonly encoding_format?: 'float' | 'base64';
  readonly dimensions?: number;
}

/** One input: the text the vector is seeded from, and what it costs. */
interface EmbeddingInput {
  readonly text: string;
  readonly tokens: number;
}

const fail = (message: string, param: string | null = null, code: string | null = null) =>
  new OpenAIError('invalid_request', message, { ...(param !== null ? { param } : {}), code });

/**
 * POST /v1/embeddings: one deterministic unit vector per input (`core/embeddings.ts`: the same
 * text gives the same vector in every protocol). A token-id array is embedded as the text of its
 * ids. `dimensions` shortens the vector (Matryoshka style); `encoding_format: "base64"` sends
 * little-endian float32 bytes, as the Python SDK asks by default and openai-node decodes.
 *
 * @see https://platform.openai.com/docs/api-reference/embeddings/create
 */
export function createEmbedding(call: OperationCall): OperationReply {
  const body = call.body as EmbeddingRequestBody;
  const model = requireEmbeddingModel(call, body.model);
  const dimensions = body.dimensions ?? model.embeddingDimensions ?? 1536;
  const native = model.embeddingDimensions ?? dimensions;
  if (dimensions > native) {
    throw fail(`Invalid 'dimensions': integer above maximum value. Expected a value <= ${native}, but got ${dimensions} instead.`, 'dimensions', 'integer_above_max_value');
  }
  const inputs = readInputs(body.input);
  for (const input of inputs) {
    // The live API's words for an empty input.
    if (input.tokens === 0) throw fail("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
    if (input.tokens > model.maxInputTokens) {
      throw fail(
        `This model's maximum context length is ${model.maxInputTokens} tokens, however you requested ${input.tokens} tokens (${input.tokens} in your prompt; 0 for the completion). Please reduce your prompt; or completion length.`,
      );
    }
  }
  const base64 = body.encoding_format === 'base64';
  const tokens = inputs.reduce((sum, input) => sum + input.tokens, 0);
  return {
    kind: 'json',
    body: {
      object: 'list',
      data: inputs.map((input, index) => {
        const vector = embed(input.text, dimensions);
        return { object: 'embedding', index, embedding: base64 ? embeddingToBase64(vector) : vector };
      }),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
    headers: openaiResponseHeaders(tokens),
  };
}

function requireEmbeddingModel(call: OperationCall, id: string): CatalogModel {
  const model = call.server.catalog.find(id);
  if (!model) throw modelNotFound(id);
  if (model.kind !== 'embedding') throw fail(`The model \`${id}\` does not support embeddings.`, 'model', 'invalid_value');
  return model;
}

/** Every accepted `input` form as a list of inputs. */
function readInputs(input: EmbeddingRequestBody['input']): EmbeddingInput[] {
  if (typeof input === 'string') return [{ text: input, tokens: countTokens(input) }];
  if (input.length > 0 && typeof input[0] === 'number') return [tokenInput(input as readonly number[])];
  return (input as readonly (string | readonly number[])[]).map((item) => (typeof item === 'string' ? { text: item, tokens: countTokens(item) } : tokenInput(item)));
}

function tokenInput(ids: readonly number[]): EmbeddingInput {
  return { text: `tokens:${ids.join(',')}`, tokens: ids.length };
}
