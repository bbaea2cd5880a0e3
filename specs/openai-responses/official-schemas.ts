import { RESPONSES_SCHEMA_IDS as ID } from './schema-ids.ts';

const def = (id: string, name: string) => `${id}#/$defs/${name}`;

/**
 * Our OpenAI Responses schemas → the official OpenAPI components they describe
 * (openai/openai-openapi), for `llm-conformance spec-drift`. Whole documents first, then the
 * `$defs` the walk from them does not reach with the same official counterpart. The shared error
 * envelope is mapped by the OpenAI common spec's users, not here.
 *
 * Known drift, on purpose: request schemas refuse unknown properties (the API answers "Unknown
 * parameter" although the official document does not say so); and they accept what real clients
 * send and the API takes although the document forbids it: `input_image` without `detail`, a
 * function tool without `strict`, reasoning items without `id` (Codex CLI), nulls for optional
 * fields. Response schemas accept `usage: null` (lifecycle events before completion) and open enums.
 *
 * @see https://platform.openai.com/docs/api-reference/responses
 */
export const RESPONSES_OFFICIAL_SCHEMAS: Readonly<Record<string, string>> = {
  [ID.createResponseRequest]: 'CreateResponse',
  [ID.response]: 'Response',
  [ID.streamEvent]: 'ResponseStreamEvent',
  [ID.inputTokensRequest]: 'TokenCountsBody',
  [ID.inputTokensResponse]: 'TokenCountsResource',
  [ID.inputItemList]: 'ResponseItemList',
  [def(ID.response, 'Usage')]: 'ResponseUsage',
  [def(ID.items, 'OutputItem')]: 'OutputItem',
  [def(ID.items, 'OutputMessage')]: 'OutputMessage',
  [def(ID.items, 'OutputText')]: 'OutputTextContent',
  [def(ID.items, 'FunctionCall')]: 'FunctionToolCall',
  [def(ID.items, 'Reasoning')]: 'ReasoningItem',
  [def(ID.items, 'LogProb')]: 'LogProb',
  [def(ID.items, 'Annotation')]: 'Annotation',
  [def(ID.items, 'InputText')]: 'InputTextContent',
  [def(ID.items, 'InputImage')]: 'InputImageContent',
  [def(ID.items, 'InputFile')]: 'InputFileContent',
  [def(ID.items, 'InputContent')]: 'InputContent',
  [def(ID.items, 'FunctionCallParam')]: 'FunctionToolCall',
  [def(ID.items, 'FunctionCallOutputParam')]: 'FunctionCallOutputItemParam',
  [def(ID.items, 'ReasoningParam')]: 'ReasoningItem',
  [def(ID.items, 'ItemReferenceParam')]: 'ItemReferenceParam',
  [def(ID.items, 'MessageParam')]: 'EasyInputMessage',
  [def(ID.createResponseRequest, 'FunctionTool')]: 'FunctionTool',
  [def(ID.createResponseRequest, 'Tool')]: 'Tool',
  [def(ID.createResponseRequest, 'Reasoning')]: 'Reasoning',
  [def(ID.createResponseRequest, 'Text')]: 'ResponseTextParam',
  [def(ID.createResponseRequest, 'TextFormat')]: 'TextResponseFormatConfiguration',
  [def(ID.createResponseRequest, 'ToolChoice')]: 'ToolChoiceParam',
  [def(ID.createResponseRequest, 'Input')]: 'InputParam',
};
