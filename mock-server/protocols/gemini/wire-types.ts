/**
 * The parts of a Gemini request body the mock reads, after {@link normalizeProtoJson}: every
 * field in lowerCamelCase and every enum value in upper case. The body has already passed the
 * request schema (`specs/gemini/schemas/`), so these types describe shapes, they do not re-check them.
 *
 * @see https://ai.google.dev/api/generate-content#request-body
 */
export interface GeminiRequestBody {
  readonly model?: string;
  readonly contents?: readonly GeminiContent[];
  readonly systemInstruction?: GeminiContent;
  readonly tools?: readonly GeminiTool[];
  readonly toolConfig?: { readonly functionCallingConfig?: { readonly mode?: string; readonly allowedFunctionNames?: readonly string[] } };
  readonly generationConfig?: GeminiGenerationConfig;
}

export interface GeminiContent {
  readonly parts?: readonly GeminiPart[];
  readonly role?: string;
}

export interface GeminiPart {
  readonly text?: string;
  readonly inlineData?: { readonly mimeType?: string; readonly data?: string };
  readonly fileData?: { readonly mimeType?: string; readonly fileUri: string };
  readonly functionCall?: { readonly id?: string; readonly name: string; readonly args?: Readonly<Record<string, unknown>> };
  readonly functionResponse?: { readonly id?: string; readonly name: string; readonly response: Readonly<Record<string, unknown>> };
  readonly executableCode?: unknown;
  readonly codeExecutionResult?: unknown;
  readonly toolCall?: unknown;
  readonly toolResponse?: unknown;
  readonly thought?: boolean;
  readonly thoughtSignature?: string;
}

/** The proto `oneof data` of a Part: exactly one of these may be set. */
export const PART_DATA_FIELDS = ['text', 'inlineData', 'functionCall', 'functionResponse', 'fileData', 'executableCode', 'codeExecutionResult', 'toolCall', 'toolResponse'] as const;

export interface GeminiTool {
  readonly functionDeclarations?: readonly GeminiFunctionDeclaration[];
  readonly [builtin: string]: unknown;
}

export interface GeminiFunctionDeclaration {
  readonly name: string;
  readonly description?: string;
  readonly parameters?: GeminiSchema;
  readonly parametersJsonSchema?: unknown;
}

/** The OpenAPI-subset `Schema` of the proto (upper-case types after normalisation). */
export interface GeminiSchema {
  readonly type?: string;
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly string[];
  readonly items?: GeminiSchema;
  readonly maxItems?: number | string;
  readonly minItems?: number | string;
  readonly properties?: Readonly<Record<string, GeminiSchema>>;
  readonly required?: readonly string[];
  readonly minProperties?: number | string;
  readonly maxProperties?: number | string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number | string;
  readonly maxLength?: number | string;
  readonly pattern?: string;
  readonly anyOf?: readonly GeminiSchema[];
  readonly default?: unknown;
}

export interface GeminiGenerationConfig {
  readonly candidateCount?: number;
  readonly stopSequences?: readonly string[];
  readonly maxOutputTokens?: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly topK?: number;
  readonly responseMimeType?: string;
  readonly responseSchema?: GeminiSchema;
  readonly _responseJsonSchema?: unknown;
  readonly responseJsonSchema?: unknown;
  readonly response_json_schema_ordered?: unknown;
  readonly thinkingConfig?: { readonly includeThoughts?: boolean; readonly thinkingBudget?: number; readonly thinkingLevel?: string };
}

/** Body of :countTokens. */
export interface GeminiCountTokensBody {
  readonly contents?: readonly GeminiContent[];
  readonly generateContentRequest?: GeminiRequestBody & { readonly model: string };
}

/** Body of :embedContent, and each item of :batchEmbedContents. */
export interface GeminiEmbedBody {
  readonly model?: string;
  readonly content: GeminiContent;
  readonly taskType?: string;
  readonly title?: string;
  readonly outputDimensionality?: number;
}
