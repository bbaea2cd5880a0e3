import type { AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../tooling/schema-registry.ts';
import { GEMINI_SCHEMA_IDS, geminiSpec } from './index.ts';
import { normalizeProtoJson, protoFieldPath, protoJsonRequestSchema, toJsonName, toProtoName } from './proto-json.ts';

const registry = new SchemaRegistry(geminiSpec.schemas);
const normalize = (value: unknown, id: string = GEMINI_SCHEMA_IDS.generateContentRequest) => normalizeProtoJson(value, { $ref: id }, id, (ref) => registry.get(ref));

describe('proto names', () => {
  it('map lowerCamelCase JSON names to snake_case proto names and back', () => {
    expect(toProtoName('systemInstruction')).toBe('system_instruction');
    expect(toProtoName('text')).toBe('text');
    expect(toJsonName('max_output_tokens')).toBe('maxOutputTokens');
  });
});

describe('protoJsonRequestSchema', () => {
  const schema: AnySchemaObject = {
    type: 'object',
    properties: { fileUri: { type: 'string' }, mode: { enum: ['AUTO', 'ANY'] }, _hidden: { type: 'string' } },
    required: ['fileUri'],
    additionalProperties: false,
  };
  const expanded = protoJsonRequestSchema(schema);

  it('adds a snake_case twin of each camelCase field, sharing its schema, and leaves the original alone', () => {
    expect(Object.keys(expanded.properties as object)).toEqual(['fileUri', 'mode', '_hidden', 'file_uri']);
    expect((expanded.properties as Record<string, unknown>).file_uri).toBe((expanded.properties as Record<string, unknown>).fileUri);
    expect(Object.keys(schema.properties as object)).toEqual(['fileUri', 'mode', '_hidden']);
  });

  it('accepts enum values in lower case, and requires a twinned field in either spelling', () => {
    expect((expanded.properties as Record<string, { enum: string[] }>).mode!.enum).toEqual(['AUTO', 'ANY', 'auto', 'any']);
    expect(expanded.required).toEqual([]);
    expect(expanded.allOf).toEqual([{ anyOf: [{ properties: { fileUri: true }, required: ['fileUri'] }, { properties: { file_uri: true }, required: ['file_uri'] }] }]);
  });
});

describe('normalizeProtoJson', () => {
  it('renames snake_case fields and upper-cases enum values, all the way down', () => {
    const body = {
      system_instruction: { parts: [{ text: 'x', inline_data: { mime_type: 'image/png', data: 'AA' } }] },
      tool_config: { function_calling_config: { mode: 'any', allowed_function_names: ['f'] } },
      generation_config: { thinking_config: { thinking_level: 'low' }, response_json_schema: { type: 'object', some_key: 1 } },
    };
    expect(normalize(body)).toEqual({
      systemInstruction: { parts: [{ text: 'x', inlineData: { mimeType: 'image/png', data: 'AA' } }] },
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['f'] } },
      generationConfig: { thinkingConfig: { thinkingLevel: 'LOW' }, responseJsonSchema: { type: 'object', some_key: 1 } },
    });
  });

  it('leaves free-form values and map keys exactly as sent', () => {
    const body = {
      contents: [{ parts: [{ function_call: { name: 'f', args: { user_id: 1, mode: 'any' } } }] }],
      tools: [{ function_declarations: [{ name: 'f', parameters: { type: 'object', properties: { user_id: { type: 'string', max_length: '3' } } } }] }],
    };
    const out = normalize(body) as { contents: [{ parts: [{ functionCall: { args: unknown } }] }]; tools: [{ functionDeclarations: [{ parameters: unknown }] }] };
    expect(out.contents[0].parts[0].functionCall.args).toEqual({ user_id: 1, mode: 'any' });
    expect(out.tools[0].functionDeclarations[0].parameters).toEqual({ type: 'OBJECT', properties: { user_id: { type: 'STRING', maxLength: '3' } } });
  });

  it('follows $refs across files (countTokens wraps a whole GenerateContentRequest)', () => {
    const out = normalize({ generate_content_request: { model: 'models/m', generation_config: { max_output_tokens: 5 } } }, GEMINI_SCHEMA_IDS.countTokensRequest);
    expect(out).toEqual({ generateContentRequest: { model: 'models/m', generationConfig: { maxOutputTokens: 5 } } });
  });
});

describe('protoFieldPath', () => {
  it('names a field as Google error messages do: proto names, [i] for list items, map entries by position', () => {
    const body = { tools: [{ functionDeclarations: [{ parameters: { properties: { a: {}, properties: { type: 'X' } } } }] }] };
    expect(protoFieldPath('/generationConfig/thinkingConfig', body)).toBe('generation_config.thinking_config');
    expect(protoFieldPath('/tools/0/functionDeclarations/0/parameters/properties/properties/type', body)).toBe(
      'tools[0].function_declarations[0].parameters.properties[1].value.type',
    );
    expect(protoFieldPath('', body)).toBe('');
  });
});
