import type {
  CanonicalMessage,
  CanonicalOutput,
  CanonicalPart,
  CanonicalRequest,
  CanonicalThinking,
  CanonicalTool,
  CanonicalToolChoice,
} from '../../core/canonical.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import { fromOpenApiSchema } from './openapi-schema.ts';
import type { GeminiContent, GeminiGenerationConfig, GeminiPart, GeminiRequestBody, GeminiTool } from './wire-types.ts';

/** Tools other than function declarations, by their field in `Tool` (all run by Google, never by the mock). */
const BUILTIN_TOOLS = ['googleSearch', 'googleSearchRetrieval', 'codeExecution', 'computerUse', 'urlContext', 'fileSearch', 'googleMaps', 'mcpServers'] as const;

/** An empty-object JSON Schema: what a declaration without parameters takes. */
const NO_PARAMETERS = { type: 'object', properties: {} } as const;

/**
 * Decodes a (schema-valid, normalised) Gemini request into the canonical turn model. `model`
 * decides thinking: a thinking model thinks unless `thinkingBudget: 0`, and shows its thoughts
 * only with `includeThoughts`.
 *
 * @see https://ai.google.dev/api/generate-content#request-body
 * @see https://ai.google.dev/gemini-api/docs/thinking
 */
export function decodeRequest(body: GeminiRequestBody, model: CatalogModel, stream: boolean): CanonicalRequest {
  const config = body.generationConfig;
  return {
    model: model.id,
    system: (body.systemInstruction?.parts ?? []).map(decodePart),
    messages: decodeContents(body.contents ?? []),
    tools: (body.tools ?? []).flatMap(decodeTool),
    toolChoice: decodeToolChoice(body),
    maxOutputTokens: config?.maxOutputTokens,
    stopSequences: config?.stopSequences ?? [],
    thinking: decodeThinking(config, model),
    output: decodeOutput(config),
    stream,
  };
}

/** The JSON Schema of the reply, from `responseJsonSchema` (either spelling) or `responseSchema`. */
export function responseJsonSchema(config: GeminiGenerationConfig | undefined): unknown {
  return config?.responseJsonSchema ?? config?._responseJsonSchema ?? config?.response_json_schema_ordered;
}

/**
 * Contents as canonical messages. Gemini pairs a `functionResponse` with its call by `id` when
 * both have one, else by name; the canonical model pairs by id, so calls without one get an id
 * from their position and responses take the id of the first unanswered call of that name.
 */
function decodeContents(contents: readonly GeminiContent[]): CanonicalMessage[] {
  let openCalls: { id: string; name: string }[] = [];
  return contents.map((content, i): CanonicalMessage => {
    const role = content.role === 'model' ? 'assistant' : 'user';
    const parts = (content.parts ?? []).map((part, j) => {
      if (part.functionCall) {
        const id = part.functionCall.id ?? `call_${i}_${j}`;
        return { kind: 'tool-call' as const, id, name: part.functionCall.name, input: part.functionCall.args ?? {} };
      }
      if (part.functionResponse) {
        const { id, name, response } = part.functionResponse;
        const match = openCalls.findIndex((call) => (id !== undefined ? call.id === id : call.name === name));
        const callId = id ?? openCalls[match]?.id ?? `call_${name}`;
        if (match !== -1) openCalls.splice(match, 1);
        return { kind: 'tool-result' as const, callId, isError: 'error' in response, parts: [{ kind: 'text' as const, text: JSON.stringify(response) }] };
      }
      return decodePart(part);
    });
    if (role === 'assistant') openCalls = parts.flatMap((p) => (p.kind === 'tool-call' ? [{ id: p.id, name: p.name }] : []));
    return { role, parts };
  });
}

function decodePart(part: GeminiPart): CanonicalPart {
  if (part.text !== undefined) {
    return part.thought
      ? { kind: 'thinking', text: part.text, ...(part.thoughtSignature !== undefined ? { signature: part.thoughtSignature } : {}) }
      : { kind: 'text', text: part.text };
  }
  if (part.inlineData) {
    const mediaType = part.inlineData.mimeType ?? 'application/octet-stream';
    const data = part.inlineData.data ?? '';
    return mediaType.startsWith('image/') ? { kind: 'image', source: 'base64', mediaType, data } : { kind: 'document', source: 'base64', data };
  }
  if (part.fileData) {
    const { fileUri, mimeType } = part.fileData;
    // Files uploaded through the Files API live under `…/files/`; anything else is a plain URL.
    const source = /\/files\/[^/]+$/.test(fileUri) ? 'file' : 'url';
    return mimeType?.startsWith('image/') ? { kind: 'image', source, mediaType: mimeType, url: fileUri } : { kind: 'document', source };
  }
  const type = Object.keys(part).find((key) => key !== 'thoughtSignature' && key !== 'thought') ?? 'part';
  return { kind: 'opaque', type, json: JSON.stringify(part) };
}

function decodeTool(tool: GeminiTool): CanonicalTool[] {
  const declared = (tool.functionDeclarations ?? []).map(
    (declaration): CanonicalTool => ({
      name: declaration.name,
      ...(declaration.description !== undefined ? { description: declaration.description } : {}),
      inputSchema: functionSchema(declaration.parametersJsonSchema, declaration.parameters),
    }),
  );
  const builtins = BUILTIN_TOOLS.filter((name) => tool[name] !== undefined).map((name): CanonicalTool => ({ name, inputSchema: {}, builtin: name }));
  return [...declared, ...builtins];
}

function functionSchema(jsonSchema: unknown, parameters: Parameters<typeof fromOpenApiSchema>[0] | undefined): Readonly<Record<string, unknown>> {
  if (jsonSchema !== null && typeof jsonSchema === 'object' && !Array.isArray(jsonSchema)) return jsonSchema as Record<string, unknown>;
  return parameters ? fromOpenApiSchema(parameters) : NO_PARAMETERS;
}

/**
 * `ANY` forces a call: to one of `allowedFunctionNames` when given (the first declared one, as
 * the canonical choice names one tool), else to any declared function. `NONE` forbids calls;
 * `AUTO`, `VALIDATED` and no config let the model choose (the mock then answers in text).
 */
function decodeToolChoice(body: GeminiRequestBody): CanonicalToolChoice {
  const config = body.toolConfig?.functionCallingConfig;
  switch (config?.mode) {
    case 'ANY': {
      const declared = new Set((body.tools ?? []).flatMap((t) => (t.functionDeclarations ?? []).map((d) => d.name)));
      const name = config.allowedFunctionNames?.find((n) => declared.has(n));
      return name !== undefined ? { mode: 'tool', name, parallel: true } : { mode: 'required', parallel: true };
    }
    case 'NONE':
      return { mode: 'none', parallel: true };
    default:
      return { mode: 'auto', parallel: true };
  }
}

function decodeThinking(config: GeminiGenerationConfig | undefined, model: CatalogModel): CanonicalThinking {
  const thinking = config?.thinkingConfig;
  const display = thinking?.includeThoughts === true ? 'summarized' : 'omitted';
  const budget = thinking?.thinkingBudget;
  if (!model.thinking || budget === 0) return { mode: 'off', display };
  if (budget !== undefined && budget > 0) return { mode: 'enabled', budgetTokens: budget, display };
  return { mode: 'adaptive', display };
}

/**
 * JSON mode: `responseMimeType: application/json`, with the shape from `responseJsonSchema` (a
 * JSON Schema) or `responseSchema` (the OpenAPI subset), or none.
 *
 * @see https://ai.google.dev/gemini-api/docs/structured-output
 */
function decodeOutput(config: GeminiGenerationConfig | undefined): CanonicalOutput {
  if (config?.responseMimeType?.toLowerCase() !== 'application/json') return { kind: 'text' };
  const jsonSchema = responseJsonSchema(config);
  if (jsonSchema !== null && typeof jsonSchema === 'object' && !Array.isArray(jsonSchema)) return { kind: 'json', schema: jsonSchema as Record<string, unknown> };
  if (config.responseSchema) return { kind: 'json', schema: fromOpenApiSchema(config.responseSchema) };
  return { kind: 'json' };
}
