import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import { isMockSignature, verifyThinkingSignature } from '../../core/thinking-signature.ts';
import { responseJsonSchema } from './decode-request.ts';
import { GeminiError } from './errors.ts';
import { type GeminiContent, type GeminiPart, type GeminiRequestBody, PART_DATA_FIELDS } from './wire-types.ts';

/**
 * Rules the Gemini API enforces beyond the proto's shape, each answered with the 400 the API
 * gives. Validation messages read `* GenerateContentRequest.<proto path>: <problem>\n`, as the
 * API writes them; where the live wording is unknown the mock keeps that form.
 *
 * @see https://ai.google.dev/api/generate-content
 */
export function checkGenerateRules(body: GeminiRequestBody, model: CatalogModel, root = 'GenerateContentRequest'): void {
  checkContents(body.contents, root);
  checkFunctionTurns(body.contents ?? []);
  checkTools(body, root);
  checkGenerationConfig(body, model, root);
  checkSignatures(body.contents ?? [], model);
}

/** The rules `contents` alone must follow (also for :countTokens with bare contents). */
export function checkContents(contents: readonly GeminiContent[] | undefined, root: string): void {
  if (!contents || contents.length === 0) throw field(root, 'contents', 'contents is not specified');
  contents.forEach((content, i) => {
    if (content.role !== undefined && content.role !== '' && !['user', 'model', 'function'].includes(content.role)) {
      throw new GeminiError('invalid_request', 'Please use a valid role: user, model.');
    }
    checkParts(content.parts, `contents[${i}]`, root);
  });
}

/** Every content has parts, and each part sets exactly one data field (the proto `oneof data`). */
export function checkParts(parts: readonly GeminiPart[] | undefined, at: string, root: string): void {
  if (!parts || parts.length === 0) throw field(root, `${at}.parts`, 'contents.parts must not be empty.');
  parts.forEach((part, j) => {
    const set = PART_DATA_FIELDS.filter((name) => part[name] !== undefined);
    if (set.length === 0) throw field(root, `${at}.parts[${j}].data`, "required oneof field 'data' must have one initialized field");
    if (set.length > 1) {
      throw new GeminiError('invalid_request', `Invalid value at '${at}.parts[${j}]' (oneof), oneof field 'data' is already set. Cannot set '${set[1]}'`);
    }
  });
}

/** A function response turn answers the function call turn right before it, part for part. */
function checkFunctionTurns(contents: readonly GeminiContent[]): void {
  contents.forEach((content, i) => {
    const responses = (content.parts ?? []).filter((p) => p.functionResponse !== undefined).length;
    if (responses === 0) return;
    const calls = (contents[i - 1]?.role === 'model' ? (contents[i - 1]?.parts ?? []) : []).filter((p) => p.functionCall !== undefined).length;
    if (calls === 0) throw new GeminiError('invalid_request', 'Please ensure that function response turn comes immediately after a function call turn.');
    if (calls !== responses) {
      throw new GeminiError('invalid_request', 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.');
    }
  });
}

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

function checkTools(body: GeminiRequestBody, root: string): void {
  let declared = 0;
  (body.tools ?? []).forEach((tool, i) => {
    (tool.functionDeclarations ?? []).forEach((declaration, j) => {
      declared++;
      const at = `tools[${i}].function_declarations[${j}]`;
      if (!FUNCTION_NAME.test(declaration.name)) {
        throw field(
          root,
          `${at}.name`,
          'Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 64.',
        );
      }
      if (declaration.parameters !== undefined && declaration.parametersJsonSchema !== undefined) {
        throw field(root, `${at}.parameters_json_schema`, 'parameters_json_schema and parameters are mutually exclusive.');
      }
      if (declaration.parametersJsonSchema !== undefined && !compileToolSchema(declaration.parametersJsonSchema).ok) {
        throw field(root, `${at}.parameters_json_schema`, 'parameters_json_schema is not a valid JSON Schema.');
      }
      // The arguments are a Struct: a function's parameters describe an object.
      const type = declaration.parameters?.type ?? (declaration.parametersJsonSchema as { type?: unknown } | undefined)?.type;
      if (type !== undefined && String(type).toUpperCase() !== 'OBJECT') {
        throw field(root, `${at}.parameters.type`, 'parameters must be of type OBJECT.');
      }
    });
  });
  const calling = body.toolConfig?.functionCallingConfig;
  if (calling?.allowedFunctionNames?.length && calling.mode !== 'ANY' && calling.mode !== 'VALIDATED') {
    throw field(root, 'tool_config.function_calling_config.allowed_function_names', 'allowed_function_names is only allowed when mode is ANY or VALIDATED.');
  }
  if ((calling?.mode === 'ANY' || calling?.mode === 'VALIDATED') && declared === 0) {
    throw field(root, 'tool_config.function_calling_config', 'Function calling config is set without function_declarations.');
  }
}

/** At most this many candidates: each is a whole reply the mock holds in memory. */
const MAX_CANDIDATES = 8;

function checkGenerationConfig(body: GeminiRequestBody, model: CatalogModel, root: string): void {
  const config = body.generationConfig;
  if (!config) return;
  const at = (name: string) => `generation_config.${name}`;
  const range = (name: string, value: number | undefined, min: number, max: number, text: string) => {
    if (value !== undefined && (value < min || value > max)) throw field(root, at(name), `${name} must be in the range ${text}.`);
  };
  range('temperature', config.temperature, 0, 2, '[0.0, 2.0]');
  range('top_p', config.topP, 0, 1, '[0.0, 1.0]');
  range('candidate_count', config.candidateCount, 1, MAX_CANDIDATES, `[1, ${MAX_CANDIDATES}]`);
  const max = config.maxOutputTokens;
  if (max !== undefined && max <= 0) throw field(root, at('max_output_tokens'), 'max_output_tokens must be positive.');
  if (max !== undefined && max > model.maxOutputTokens) {
    throw new GeminiError(
      'invalid_request',
      `The requested maxOutputTokens (${max}) exceeds the maximum of ${model.maxOutputTokens} supported by models/${model.id}.`,
    );
  }
  // Gemini 3 and the 2.5 Pro models cannot stop thinking; each says so in its own words.
  if (config.thinkingConfig?.thinkingBudget === 0 && model.thinking) {
    if (model.id.startsWith('gemini-3')) throw new GeminiError('invalid_request', 'Request contains an invalid argument.');
    if (/-pro\b/.test(model.id)) throw new GeminiError('invalid_request', 'Budget 0 is invalid. This model only works in thinking mode.');
  }
  const jsonSchema = responseJsonSchema(config);
  if (config.responseSchema !== undefined && jsonSchema !== undefined) {
    throw field(root, at('response_schema'), 'response_schema and response_json_schema are mutually exclusive.');
  }
  const mime = config.responseMimeType?.toLowerCase();
  if ((config.responseSchema !== undefined || jsonSchema !== undefined) && mime !== 'application/json' && mime !== 'text/x.enum') {
    throw field(root, at('response_mime_type'), 'a response schema is only supported with response_mime_type application/json or text/x.enum.');
  }
  if (jsonSchema !== undefined && !compileToolSchema(jsonSchema).ok) throw field(root, at('response_json_schema'), 'response_json_schema is not a valid JSON Schema.');
}

/**
 * Thought signatures come back unchanged: one the mock issued and that was altered is the API's
 * "Corrupted thought signature."; a signature from elsewhere cannot be checked and passes. Gemini 3
 * models also require the signature on the first function call of each model step of the
 * current turn (since the last user text).
 *
 * @see https://ai.google.dev/gemini-api/docs/thought-signatures
 */
function checkSignatures(contents: readonly GeminiContent[], model: CatalogModel): void {
  for (const part of contents.flatMap((c) => (c.role === 'model' ? (c.parts ?? []) : []))) {
    const signature = part.thoughtSignature;
    if (signature !== undefined && isMockSignature(signature) && !verifyThinkingSignature('', signature)) {
      throw new GeminiError('invalid_request', 'Corrupted thought signature.');
    }
  }
  if (!model.id.startsWith('gemini-3')) return;
  const lastUserText = contents.findLastIndex((c) => c.role !== 'model' && (c.parts ?? []).some((p) => p.text !== undefined));
  contents.forEach((content, i) => {
    if (i <= lastUserText || content.role !== 'model') return;
    const position = (content.parts ?? []).findIndex((p) => p.functionCall !== undefined);
    const first = content.parts?.[position];
    if (first?.functionCall && first.thoughtSignature === undefined) {
      throw new GeminiError(
        'invalid_request',
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${first.functionCall.name}\` , position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      );
    }
  });
}

/** `* GenerateContentRequest.generation_config.temperature: …\n`, as the API's validation writes it. */
function field(root: string, path: string, problem: string): GeminiError {
  // These validation errors carry no `details`, unlike the JSON parser's.
  return new GeminiError('invalid_request', `* ${root}.${path}: ${problem}\n`);
}
