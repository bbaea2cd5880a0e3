import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import type { CanonicalRequest } from '../../core/canonical.ts';
import type { CatalogModel } from '../../core/model-catalog.ts';
import { OpenAIError } from '../openai-common/errors.ts';
import type { ResponsesRequestBody } from './wire-types.ts';

const unsupported = (param: string) =>
  new OpenAIError('invalid_request', `Unsupported parameter: '${param}' is not supported with this model.`, { param, code: 'unsupported_parameter' });
const invalidValue = (param: string, message: string) => new OpenAIError('invalid_request', message, { param, code: 'invalid_value' });

/**
 * Rules the Responses API enforces beyond the JSON Schema: parameters a model does not take,
 * tools and tool choice that must agree, background mode needing storage. Each throws the error
 * the API answers. `generation` is false for input-token counting, which generates nothing.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create
 * @see https://platform.openai.com/docs/guides/reasoning
 */
export function checkRequestRules(body: ResponsesRequestBody, request: CanonicalRequest, model: CatalogModel, generation: boolean): void {
  checkModelParameters(body, model);
  checkTools(body, request);
  if (!generation) return;
  if (body.background === true && body.store === false) {
    throw invalidValue('background', 'Background mode requires `store` to be true: background responses are retrieved by id.');
  }
  const max = body.max_output_tokens;
  if (typeof max === 'number' && max > model.maxOutputTokens) {
    throw new OpenAIError('invalid_request', `Invalid 'max_output_tokens': integer above maximum value. Expected a value <= ${model.maxOutputTokens}, but got ${max} instead.`, {
      param: 'max_output_tokens',
      code: 'integer_above_max_value',
    });
  }
}

/** Reasoning options only for reasoning models; sampling options not for OpenAI's reasoning models. */
function checkModelParameters(body: ResponsesRequestBody, model: CatalogModel): void {
  if (!model.thinking && body.reasoning?.effort !== undefined && body.reasoning.effort !== null) throw unsupported('reasoning.effort');
  if (model.thinking && model.family === 'openai') {
    // o-series and GPT-5 reasoning models sample at their own settings; 1 (the default) is accepted.
    if (typeof body.temperature === 'number' && body.temperature !== 1) throw unsupported('temperature');
    if (typeof body.top_p === 'number' && body.top_p !== 1) throw unsupported('top_p');
  }
}

function checkTools(body: ResponsesRequestBody, request: CanonicalRequest): void {
  const names = new Set<string>();
  (body.tools ?? []).forEach((tool, i) => {
    if (tool.type !== 'function' && tool.type !== 'custom') return;
    const name = tool.name ?? '';
    if (names.has(name)) throw invalidValue(`tools[${i}].name`, `Invalid 'tools': duplicate tool name '${name}'. Tool names must be unique.`);
    names.add(name);
    if (tool.type === 'function' && tool.parameters && !compileToolSchema(tool.parameters).ok) {
      throw invalidValue(`tools[${i}].parameters`, `Invalid schema for function '${name}': the parameters are not a valid JSON Schema.`);
    }
  });
  const choice = request.toolChoice;
  if (choice.mode === 'required' && request.tools.length === 0) {
    throw invalidValue('tool_choice', "Tool choice 'required' must be specified with 'tools' parameter.");
  }
  const forced = body.tool_choice;
  if (typeof forced === 'object' && forced !== null && (forced.type === 'function' || forced.type === 'custom') && !names.has(String(forced.name))) {
    throw invalidValue('tool_choice', `Tool choice '${forced.type}' not found in 'tools' parameter.`);
  }
}
